package io.fs3.storage;

import java.util.List;
import java.util.Map;

/**
 * What fs3 persists with an object (xattr or sidecar): its ETag and checksums as computed at publish,
 * the stamp of the file they describe (so a later rewrite by another program is detected), content
 * headers, user metadata (lower-case names without the x-amz-meta- prefix), object tags and, for a
 * multipart object, the size of each part in order (empty otherwise), so GET ?partNumber=N can serve a part,
 * and the object's access control list when it has its own (null otherwise).
 */
public record StoredMetadata(String etag, FileStamp stamp, ContentHeaders content,
                             Map<String, String> userMetadata, Map<String, String> checksums,
                             Map<String, String> tags, List<Long> partSizes, String acl) {
    public StoredMetadata {
        content = content == null ? ContentHeaders.NONE : content;
        userMetadata = Map.copyOf(userMetadata);
        checksums = Map.copyOf(checksums);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        partSizes = partSizes == null ? List.of() : List.copyOf(partSizes);
    }

    /** Without an access control list: the object's access follows its bucket's. */
    public StoredMetadata(String etag, FileStamp stamp, ContentHeaders content, Map<String, String> userMetadata,
                          Map<String, String> checksums, Map<String, String> tags, List<Long> partSizes) {
        this(etag, stamp, content, userMetadata, checksums, tags, partSizes, null);
    }

    public StoredMetadata(String etag, FileStamp stamp, ContentHeaders content, Map<String, String> userMetadata,
                          Map<String, String> checksums, Map<String, String> tags) {
        this(etag, stamp, content, userMetadata, checksums, tags, List.of());
    }

    public StoredMetadata(String etag, FileStamp stamp, ContentHeaders content, Map<String, String> userMetadata,
                          Map<String, String> checksums) {
        this(etag, stamp, content, userMetadata, checksums, Map.of());
    }

    public StoredMetadata withTags(Map<String, String> newTags) {
        return new StoredMetadata(etag, stamp, content, userMetadata, checksums, newTags, partSizes, acl);
    }

    /** The same metadata with another access control list (an opaque document the server defines; null = none). */
    public StoredMetadata withAcl(String newAcl) {
        return new StoredMetadata(etag, stamp, content, userMetadata, checksums, tags, partSizes, newAcl);
    }
}
