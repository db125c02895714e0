package io.fs3.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything HEAD returns for one object: size and time from the file, the rest stored or derived.
 * {@code partSizes} lists a multipart object's part sizes in order (empty for a single-part object).
 */
public record ObjectMetadata(ObjectKey key, long size, Instant lastModified, String etag, ContentHeaders content,
                             Map<String, String> userMetadata, Map<String, String> checksums,
                             Map<String, String> tags, List<Long> partSizes) {
    public ObjectMetadata {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        partSizes = partSizes == null ? List.of() : List.copyOf(partSizes);
    }

    public ObjectMetadata(ObjectKey key, long size, Instant lastModified, String etag, ContentHeaders content,
                          Map<String, String> userMetadata, Map<String, String> checksums, Map<String, String> tags) {
        this(key, size, lastModified, etag, content, userMetadata, checksums, tags, List.of());
    }

    public ObjectMetadata(ObjectKey key, long size, Instant lastModified, String etag, ContentHeaders content,
                          Map<String, String> userMetadata, Map<String, String> checksums) {
        this(key, size, lastModified, etag, content, userMetadata, checksums, Map.of());
    }
}
