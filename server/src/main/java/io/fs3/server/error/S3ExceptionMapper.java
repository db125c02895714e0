package io.fs3.server.error;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.http.RequestIds;
import io.fs3.server.xml.ErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ContainerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place an S3 error becomes a response: status, XML body (none for HEAD or 304), extra headers.
 * Server-side failures are logged once at ERROR with the request id; client errors only at DEBUG.
 */
@Provider
public final class S3ExceptionMapper implements ExceptionMapper<S3Exception> {
    private static final Logger LOG = LoggerFactory.getLogger(S3ExceptionMapper.class);

    @Context
    private jakarta.inject.Provider<ContainerRequest> request;

    @Override
    public Response toResponse(S3Exception e) {
        ContainerRequestContext req = request.get();
        String requestId = RequestIds.of(req);
        S3Error error = e.error();
        if (error.status() >= 500 && error != S3Error.NOT_IMPLEMENTED) { // 501 is an answer, not a fault
            LOG.error("request_id={} method={} path={} error={}", requestId, req.getMethod(),
                    req.getUriInfo().getRequestUri().getRawPath(), error.code(), e.getCause() != null ? e.getCause() : e);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("request_id={} error={} message={}", requestId, error.code(), e.getMessage());
        }
        Response.ResponseBuilder r = Response.status(error.status());
        e.headers().forEach(r::header);
        boolean noBody = "HEAD".equals(req.getMethod()) || error.status() == 304;
        if (!noBody) {
            r.entity(ErrorBody.render(e, requestId)).type("application/xml");
        }
        if (error == S3Error.INCOMPLETE_BODY || error == S3Error.CONTENT_SHA256_MISMATCH || error == S3Error.BAD_DIGEST) {
            // The rest of a rejected body may still be in flight: don't try to reuse the connection (S3Proxy does the same).
            r.header("Connection", "close");
        }
        return r.build();
    }
}
