package io.fs3.server.op;

import io.fs3.multipart.UploadId;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.ChecksumAlgorithm;
import io.fs3.server.http.S3Request;

import java.util.Locale;

/** Query arguments and headers of the multipart operations, validated with AWS's error codes. */
final class MultipartArgs {
    private MultipartArgs() {
    }

    static UploadId uploadId(S3Request req) {
        String id = req.query("uploadId");
        if (id == null || !UploadId.isValid(id)) {
            throw S3Exception.of(S3Error.NO_SUCH_UPLOAD).withResource(req.rawKey()).withDetail("UploadId", id == null ? "" : id);
        }
        return new UploadId(id);
    }

    /** partNumber of UploadPart(Copy): an integer 1..10,000 (the multipart module checks the range). */
    static int partNumber(S3Request req) {
        return integer(req, "partNumber", -1, Integer.MAX_VALUE);
    }

    /** An optional non-negative integer query argument (InvalidArgument otherwise), capped at {@code cap}. */
    static int integer(S3Request req, String name, int absent, int cap) {
        String v = req.query(name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return Math.min(n, cap);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Provided " + name + " not an integer or within integer range")
                .withDetail("ArgumentName", name).withDetail("ArgumentValue", v);
    }

    /** x-amz-checksum-algorithm as the lower-case name the auth layer uses, or null; any case is accepted. */
    static String checksumAlgorithm(S3Request req) {
        String v = req.header("x-amz-checksum-algorithm");
        if (v == null || v.isBlank()) {
            return null;
        }
        ChecksumAlgorithm a = ChecksumAlgorithm.byName(v);
        if (a == null) {
            throw S3Exception.of(S3Error.INVALID_REQUEST, "Checksum algorithm provided is unsupported. "
                    + "Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
        }
        return a.key();
    }

    /** Upper-case display name of a lower-case algorithm, as S3 prints it in XML and headers. */
    static String displayName(String algorithm) {
        return algorithm == null ? null : algorithm.toUpperCase(Locale.ROOT);
    }
}
