package io.fs3.server.http;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.UriEncoding;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;

/**
 * The {@code x-amz-copy-source} header: {@code [/]bucket/key[?versionId=…]}, URL-encoded. fs3 has no
 * versions, so only an absent or "null" versionId names an object.
 */
public record CopySource(BucketName bucket, ObjectKey key) {
    public static CopySource parse(String header) {
        if (header == null || header.isBlank()) {
            throw invalid();
        }
        String v = header.trim();
        int q = v.indexOf('?');
        if (q >= 0) {
            String query = v.substring(q + 1);
            v = v.substring(0, q);
            if (query.startsWith("versionId=") && !query.equals("versionId=null")) {
                throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid version id specified");
            }
        }
        String path = UriEncoding.decodePath(v.startsWith("/") ? v.substring(1) : v);
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw invalid();
        }
        return new CopySource(BucketName.of(path.substring(0, slash)), ObjectKey.of(path.substring(slash + 1)));
    }

    private static S3Exception invalid() {
        return S3Exception.of(S3Error.INVALID_ARGUMENT, "Copy Source must mention the source bucket and key: sourcebucket/sourcekey")
                .withDetail("ArgumentName", "x-amz-copy-source");
    }
}
