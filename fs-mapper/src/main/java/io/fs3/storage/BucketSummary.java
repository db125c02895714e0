package io.fs3.storage;

import java.time.Instant;

/** One bucket as ListBuckets shows it. */
public record BucketSummary(BucketName name, Instant created) {
}
