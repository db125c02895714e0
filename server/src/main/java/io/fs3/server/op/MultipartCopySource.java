package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.http.CopySource;
import io.fs3.server.http.Preconditions;
import io.fs3.server.http.S3Request;
import io.fs3.storage.ObjectMetadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UploadPartCopy's source: {@code x-amz-copy-source} (parsed as for CopyObject), {@code x-amz-copy-source-range}
 * ({@code bytes=first-last}, inside the object) and the {@code x-amz-copy-source-if-*} conditions, which
 * fail with 412 PreconditionFailed. https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html
 */
record MultipartCopySource(CopySource source, String range, Preconditions conditions) {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    static MultipartCopySource of(S3Request req) {
        return new MultipartCopySource(CopySource.parse(req.header("x-amz-copy-source")), req.header("x-amz-copy-source-range"),
                Preconditions.of(req.header("x-amz-copy-source-if-match"), req.header("x-amz-copy-source-if-none-match"),
                        req.header("x-amz-copy-source-if-modified-since"),
                        req.header("x-amz-copy-source-if-unmodified-since")));
    }

    /** The copy conditions against the source as opened; any failure is PreconditionFailed (never 304). */
    void check(ObjectMetadata source) {
        try {
            conditions.check(source.etag(), source.lastModified());
        } catch (S3Exception e) {
            if (e.error() == S3Error.NOT_MODIFIED) {
                throw S3Exception.of(S3Error.PRECONDITION_FAILED);
            }
            throw e;
        }
    }

    /** {first, length} of the bytes to copy: the range if given (it must lie inside the object), else all. */
    long[] bytes(long size) {
        if (range == null) {
            return new long[]{0, size};
        }
        Matcher m = RANGE.matcher(range.trim());
        if (!m.matches()) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "The x-amz-copy-source-range value must be of the form "
                    + "bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy")
                    .withDetail("ArgumentName", "x-amz-copy-source-range").withDetail("ArgumentValue", range);
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (first > last || last >= size) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Range specified is not valid for source object of size: " + size)
                    .withDetail("ArgumentName", "x-amz-copy-source-range").withDetail("ArgumentValue", range);
        }
        return new long[]{first, last - first + 1};
    }
}
