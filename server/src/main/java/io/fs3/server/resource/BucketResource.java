package io.fs3.server.resource;

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

/** "/{bucket}" (also with a trailing slash, as s3cmd sends): bucket operations and listings. */
@Path("/{bucket}")
public final class BucketResource {
    private final Operations ops;

    public BucketResource(Operations ops) {
        this.ops = ops;
    }

    @GET
    public Response get(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.BUCKET)) {
            case LIST_OBJECTS_V1 -> ops.listings().v1(req);
            case BROWSE -> ops.browser().bucket(ctx);
            case LIST_OBJECTS_V2 -> ops.listings().v2(req);
            case GET_BUCKET_LOCATION -> ops.buckets().location(req);
            case GET_BUCKET_VERSIONING -> ops.buckets().versioning(req);
            case GET_BUCKET_TAGGING -> ops.tagging().getBucket(req);
            case GET_BUCKET_CORS -> ops.cors().get(req);
            case GET_BUCKET_ACL -> ops.acls().getBucket(req);
            case LIST_MULTIPART_UPLOADS -> ops.multipart().lists().uploads(req);
            default -> throw unexpected();
        };
    }

    @HEAD
    public Response head(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.BUCKET)) {
            case HEAD_BUCKET -> ops.buckets().head(req);
            default -> throw unexpected();
        };
    }

    @PUT
    public Response put(@Context ContainerRequest ctx, InputStream body) {
        S3Request req = S3Request.of(ctx, body);
        return switch (req.resolve(Scope.BUCKET)) {
            case CREATE_BUCKET -> ops.buckets().create(req);
            case PUT_BUCKET_TAGGING -> ops.tagging().putBucket(req);
            case PUT_BUCKET_CORS -> ops.cors().put(req);
            case PUT_BUCKET_ACL -> ops.acls().putBucket(req);
            default -> throw unexpected();
        };
    }

    @DELETE
    public Response delete(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.BUCKET)) {
            case DELETE_BUCKET -> ops.buckets().delete(req);
            case DELETE_BUCKET_TAGGING -> ops.tagging().deleteBucket(req);
            case DELETE_BUCKET_CORS -> ops.cors().delete(req);
            default -> throw unexpected();
        };
    }

    @POST
    public Response post(@Context ContainerRequest ctx, InputStream body) {
        S3Request req = S3Request.of(ctx, body);
        return switch (req.resolve(Scope.BUCKET)) {
            case DELETE_OBJECTS -> ops.batchDeletes().delete(req);
            case POST_OBJECT -> ops.posts().post(req);
            default -> throw unexpected();
        };
    }

    static IllegalStateException unexpected() {
        return new IllegalStateException("resolver returned an operation this resource does not route");
    }
}
