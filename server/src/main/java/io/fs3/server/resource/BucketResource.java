package io.fs3.server.resource;

import io.fs3.server.http.S3Request;
import io.fs3.server.op.BucketOps;
import io.fs3.server.op.ListObjectsOp;
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
    private final BucketOps buckets;
    private final ListObjectsOp listings;

    public BucketResource(BucketOps buckets, ListObjectsOp listings) {
        this.buckets = buckets;
        this.listings = listings;
    }

    @GET
    public Response get(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.BUCKET)) {
            case LIST_OBJECTS_V1 -> listings.v1(req);
            case LIST_OBJECTS_V2 -> listings.v2(req);
            case GET_BUCKET_LOCATION -> buckets.location(req);
            case GET_BUCKET_VERSIONING -> buckets.versioning(req);
            default -> throw unexpected();
        };
    }

    @HEAD
    public Response head(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.BUCKET)) {
            case HEAD_BUCKET -> buckets.head(req);
            default -> throw unexpected();
        };
    }

    @PUT
    public Response put(@Context ContainerRequest ctx, InputStream body) {
        S3Request req = S3Request.of(ctx, body);
        return switch (req.resolve(Scope.BUCKET)) {
            case CREATE_BUCKET -> buckets.create(req);
            default -> throw unexpected();
        };
    }

    @DELETE
    public Response delete(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.BUCKET)) {
            case DELETE_BUCKET -> buckets.delete(req);
            default -> throw unexpected();
        };
    }

    @POST
    public Response post(@Context ContainerRequest ctx, InputStream body) {
        S3Request req = S3Request.of(ctx, body);
        req.resolve(Scope.BUCKET); // no bucket POST operation yet: the resolver answers NotImplemented
        throw unexpected();
    }

    static IllegalStateException unexpected() {
        return new IllegalStateException("resolver returned an operation this resource does not route");
    }
}
