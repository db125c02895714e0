package io.fs3.storage;

import java.util.Map;

/**
 * What fs3 persists with an object (xattr or sidecar): its ETag and checksums as computed at publish,
 * the stamp of the file they describe (so a later rewrite by another program is detected), content
 * headers and user metadata (lower-case names without the x-amz-meta- prefix).
 */
public record StoredMetadata(String etag, FileStamp stamp, ContentHeaders content,
                             Map<String, String> userMetadata, Map<String, String> checksums) {
    public StoredMetadata {
        content = content == null ? ContentHeaders.NONE : content;
        userMetadata = Map.copyOf(userMetadata);
        checksums = Map.copyOf(checksums);
    }
}
