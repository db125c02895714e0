package io.fs3.server.resource;

import io.fs3.server.http.S3Request;
import io.fs3.server.op.Operations;
import io.fs3.server.op.OperationResolver.Scope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.ContainerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** "/" : ListBuckets. */
@Path("/")
public final class ServiceResource {
    private final Operations ops;

    public ServiceResource(Operations ops) {
        this.ops = ops;
    }

    @GET
    public Response get(@Context ContainerRequest ctx) {
        S3Request req = S3Request.of(ctx, null);
        return switch (req.resolve(Scope.SERVICE)) {
            case LIST_BUCKETS -> ops.buckets().list(req);
            case BROWSE -> ops.browser().service(ctx);
            default -> throw new IllegalStateException("resolver returned a non-service operation");
        };
    }
}
