package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.VerifiedPayload;
import io.fs3.server.http.S3Request;

/** How many bytes an upload (PutObject, UploadPart) carries, as the request declares it. */
final class BodyLength {
    private BodyLength() {
    }

    /**
     * The decoded length for aws-chunked bodies, else Content-Length (required); -1 for a chunked transfer
     * of unknown length, whose stream's end is the end of the body.
     */
    static long of(S3Request req) {
        long decoded = req.payload().map(VerifiedPayload::decodedLength).orElse(-1L);
        if (decoded >= 0) {
            return decoded;
        }
        String header = req.header("Content-Length");
        if (header == null) {
            if (req.header("Transfer-Encoding") != null) {
                return -1;
            }
            throw S3Exception.of(S3Error.MISSING_CONTENT_LENGTH);
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid Content-Length.");
        }
    }
}
