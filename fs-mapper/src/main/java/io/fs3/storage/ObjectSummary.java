package io.fs3.storage;

import java.time.Instant;

/** One object as a listing shows it. */
public record ObjectSummary(String key, long size, Instant lastModified, String etag) {
}
