package io.fs3.multipart;

import java.time.Instant;
import java.util.Map;

/** One stored part: its number, ETag (MD5 hex, no quotes), size, upload time and checksums (lower-case algorithm → base64). */
public record PartInfo(int number, String etag, long size, Instant lastModified, Map<String, String> checksums) {
    public PartInfo {
        checksums = Map.copyOf(checksums);
    }
}
