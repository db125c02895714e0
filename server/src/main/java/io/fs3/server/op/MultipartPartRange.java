package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.http.ByteRange;
import io.fs3.storage.ObjectMetadata;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;

/**
 * GetObject/HeadObject with {@code partNumber}: the bytes of that part of a multipart object (206 with its
 * Content-Range, and x-amz-mp-parts-count), or of the whole object as part 1 of a single-part one. The
 * SDK's transfer manager downloads this way. A Range header together with partNumber is InvalidRequest.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
 */
final class MultipartPartRange {
    private MultipartPartRange() {
    }

    static Optional<ByteRange> of(String partNumber, String rangeHeader, ObjectMetadata m) {
        if (rangeHeader != null) {
            throw S3Exception.of(S3Error.INVALID_REQUEST, "Cannot specify both Range header and partNumber query parameter");
        }
        int n;
        try {
            n = Integer.parseInt(partNumber.trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 10_000) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive")
                    .withDetail("ArgumentName", "partNumber").withDetail("ArgumentValue", partNumber);
        }
        List<Long> sizes = m.partSizes().isEmpty() ? List.of(m.size()) : m.partSizes();
        if (n > sizes.size()) {
            throw S3Exception.of(S3Error.INVALID_PART_NUMBER);
        }
        long first = 0;
        for (int i = 0; i < n - 1; i++) {
            first += sizes.get(i);
        }
        long size = sizes.get(n - 1);
        return size == 0 ? Optional.empty() : Optional.of(new ByteRange(first, first + size - 1));
    }

    /** x-amz-mp-parts-count, on a partNumber request for a multipart object. */
    static void addPartsCount(Response.ResponseBuilder r, String partNumber, ObjectMetadata m) {
        if (partNumber != null && !m.partSizes().isEmpty()) {
            r.header("x-amz-mp-parts-count", m.partSizes().size());
        }
    }
}
