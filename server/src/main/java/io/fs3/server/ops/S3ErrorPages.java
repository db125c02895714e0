package io.fs3.server.ops;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.xml.ErrorBody;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Errors Jetty answers itself, before any S3 code runs (header block too large, malformed request line,
 * refused during shutdown), as S3 XML error documents, so clients see an S3 error code instead of an HTML page.
 * The HTTP status stays Jetty's.
 */
public final class S3ErrorPages extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = newRequestId();
        fields.put(HttpHeader.CONTENT_TYPE, "application/xml");
        fields.put("x-amz-request-id", requestId);
        return ByteBuffer.wrap(ErrorBody.render(S3Exception.of(errorFor(status)), requestId));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String requestId = newRequestId();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put("x-amz-request-id", requestId);
        response.write(true, ByteBuffer.wrap(ErrorBody.render(S3Exception.of(errorFor(code)), requestId)), callback);
    }

    static S3Error errorFor(int status) {
        return switch (status) {
            case 408 -> S3Error.REQUEST_TIMEOUT;
            case 413 -> S3Error.MAX_MESSAGE_LENGTH_EXCEEDED;
            case 431 -> S3Error.REQUEST_HEADER_SECTION_TOO_LARGE;
            case 503 -> S3Error.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? S3Error.INTERNAL_ERROR : S3Error.INVALID_REQUEST;
        };
    }

    private static String newRequestId() {
        return HexFormat.of().withUpperCase().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
