package io.fs3.server.resource;

import io.fs3.server.http.RequestIds;
import io.fs3.server.http.S3Request;
import io.fs3.server.op.Operations;
import io.fs3.server.op.OperationResolver.Scope;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ContainerRequest;

import java.io.InputStream;

/** "/{bucket}/{key}": object operations. The key is taken from the raw path by {@link S3Request}. */
@Path("/{bucket}/{key: .+}")
public final class ObjectResource {
    private final Operations ops;

    public ObjectResource(Operations ops) {
        this.ops = ops;
    }

    @GET
    public Response get(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.OBJECT)) {
            case GET_OBJECT -> ops.reads().get(req);
            case BROWSE -> ops.browser().object(ctx);
            case GET_OBJECT_TAGGING -> ops.tagging().getObject(req);
            case GET_OBJECT_ACL -> ops.acls().getObject(req);
            case LIST_PARTS -> ops.multipart().lists().parts(req);
            default -> throw BucketResource.unexpected();
        };
    }

    @HEAD
    public Response head(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.OBJECT)) {
            case HEAD_OBJECT -> ops.reads().head(req);
            default -> throw BucketResource.unexpected();
        };
    }

    @PUT
    public Response put(@Context ContainerRequest ctx, InputStream body) {
        S3Request req = S3Request.of(ctx, body);
        return switch (req.resolve(Scope.OBJECT)) {
            case PUT_OBJECT -> ops.acls().withObjectAcl(req, () -> ops.writes().put(req));
            case COPY_OBJECT -> ops.acls().withObjectAcl(req, () -> ops.copies().copy(req));
            case PUT_OBJECT_ACL -> ops.acls().putObject(req);
            case PUT_OBJECT_TAGGING -> ops.tagging().putObject(req);
            case UPLOAD_PART -> ops.multipart().parts().upload(req);
            case UPLOAD_PART_COPY -> ops.multipart().parts().copy(req);
            default -> throw BucketResource.unexpected();
        };
    }

    @DELETE
    public Response delete(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.OBJECT)) {
            case DELETE_OBJECT -> ops.writes().delete(req);
            case DELETE_OBJECT_TAGGING -> ops.tagging().deleteObject(req);
            case ABORT_MULTIPART_UPLOAD -> ops.multipart().uploads().abort(req);
            default -> throw BucketResource.unexpected();
        };
    }

    @POST
    public Response post(@Context ContainerRequest ctx, InputStream body) {
        S3Request req = S3Request.of(ctx, body);
        return switch (req.resolve(Scope.OBJECT)) {
            case CREATE_MULTIPART_UPLOAD -> ops.multipart().uploads().create(req);
            case COMPLETE_MULTIPART_UPLOAD -> ops.multipart().complete().complete(req, RequestIds.of(ctx));
            default -> throw BucketResource.unexpected();
        };
    }
}
