package io.fs3.server.http;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import jakarta.ws.rs.core.MultivaluedMap;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * x-amz-meta-* request headers to stored user metadata (lower-case names, prefix removed), limited to
 * AWS's 2 KB (sum of UTF-8 bytes of names and values), and back to response headers.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html#UserMetadata
 */
public final class UserMetadataHeaders {
    public static final String PREFIX = "x-amz-meta-";
    public static final int MAX_BYTES = 2048;

    private UserMetadataHeaders() {
    }

    public static Map<String, String> from(MultivaluedMap<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                out.put(name.substring(PREFIX.length()), String.join(",", h.getValue()));
            }
        }
        return check(out);
    }

    /** Enforces the 2 KB limit on user metadata however it arrived (headers or form fields). */
    public static Map<String, String> check(Map<String, String> metadata) {
        int bytes = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_BYTES) {
            throw S3Exception.of(S3Error.METADATA_TOO_LARGE).withDetail("Size", Integer.toString(bytes))
                    .withDetail("MaxSizeAllowed", Integer.toString(MAX_BYTES));
        }
        return metadata;
    }
}
