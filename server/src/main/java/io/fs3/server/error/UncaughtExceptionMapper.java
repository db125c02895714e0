package io.fs3.server.error;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything unexpected is an InternalError, logged once by the S3 mapper with the request id. */
@Provider
public final class UncaughtExceptionMapper implements ExceptionMapper<RuntimeException> {
    private final S3ExceptionMapper s3;

    public UncaughtExceptionMapper(S3ExceptionMapper s3) {
        this.s3 = s3;
    }

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof S3Exception s3e) {
            return s3.toResponse(s3e);
        }
        return s3.toResponse(S3Exception.of(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.message(), e));
    }
}
