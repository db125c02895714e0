package io.fs3.multipart;

import io.fs3.storage.ContentHeaders;

import java.util.Map;

/**
 * CreateMultipartUpload: what the object will carry once completed. {@code checksumAlgorithm} is the
 * lower-case algorithm of x-amz-checksum-algorithm or null; {@code checksumType} applies only with it.
 * {@code acl} is the object's access control list as the server encodes it (opaque here), or null for none.
 */
public record NewUpload(ContentHeaders content, Map<String, String> userMetadata, Map<String, String> tags,
                        String checksumAlgorithm, ChecksumType checksumType, String acl) {
    public NewUpload {
        content = content == null ? ContentHeaders.NONE : content;
        userMetadata = Map.copyOf(userMetadata);
        tags = Map.copyOf(tags);
        checksumType = checksumAlgorithm == null ? null : checksumType == null ? ChecksumType.COMPOSITE : checksumType;
    }

    /** Without an access control list: the object follows its bucket's. */
    public NewUpload(ContentHeaders content, Map<String, String> userMetadata, Map<String, String> tags,
                     String checksumAlgorithm, ChecksumType checksumType) {
        this(content, userMetadata, tags, checksumAlgorithm, checksumType, null);
    }
}
