package io.fs3.storage;

import java.time.Instant;
import java.util.Map;

/** Everything HEAD returns for one object: size and time from the file, the rest stored or derived. */
public record ObjectMetadata(ObjectKey key, long size, Instant lastModified, String etag, ContentHeaders content,
                             Map<String, String> userMetadata, Map<String, String> checksums) {
}
