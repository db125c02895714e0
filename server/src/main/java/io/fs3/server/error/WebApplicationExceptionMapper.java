package io.fs3.server.error;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Turns Jersey's own errors (unmatched path, wrong method, bad media type) into S3 errors. */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private final S3ExceptionMapper s3;

    public WebApplicationExceptionMapper(S3ExceptionMapper s3) {
        this.s3 = s3;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof NotAllowedException) {
            return s3.toResponse(S3Exception.of(S3Error.METHOD_NOT_ALLOWED));
        }
        if (e instanceof NotFoundException) {
            return s3.toResponse(S3Exception.of(S3Error.INVALID_REQUEST, "Unknown resource."));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return s3.toResponse(S3Exception.of(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.message(), e));
        }
        return s3.toResponse(S3Exception.of(S3Error.INVALID_REQUEST, "Invalid request (" + status + ")."));
    }
}
