package io.fs3.multipart;

import java.util.Map;

/** One Part element of CompleteMultipartUpload: number, ETag as sent (quotes allowed) and any checksums. */
public record CompletedPart(int number, String etag, Map<String, String> checksums) {
    public CompletedPart {
        checksums = Map.copyOf(checksums);
    }
}
