package io.fs3.storage;

import java.util.Map;

/** What a completed write returns to the client. */
public record PutResult(String etag, long size, Map<String, String> checksums) {
}
