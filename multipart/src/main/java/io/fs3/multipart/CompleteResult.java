package io.fs3.multipart;

import java.util.Map;

/** A published multipart object: its ETag (no quotes), size, object checksums and their type (null if none). */
public record CompleteResult(String etag, long size, Map<String, String> checksums, ChecksumType checksumType) {
    public CompleteResult {
        checksums = Map.copyOf(checksums);
    }
}
