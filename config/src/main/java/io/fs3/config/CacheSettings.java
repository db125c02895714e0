package io.fs3.config;

import java.time.Duration;

/**
 * The caches in front of the filesystem; every entry is revalidated with a stat before use.
 * {@code metadataMaxAge} (zero = no limit) drops entries even when the stat still matches, and
 * {@code listingChangeWindow} keeps directories changed that recently out of the listing cache: both
 * bound staleness where a filesystem's timestamps are coarse or cached (NFS attribute caching).
 */
public record CacheSettings(long metadataMaxEntries, long listingMaxEntries, Duration metadataMaxAge,
                            Duration listingChangeWindow, long contentMaxBytes) {
    /**
     * Heap per cached object, for sizing: ~340 bytes for plain metadata (200k such entries: 69 MB of old
     * generation in a heap histogram), more with user metadata, checksums or tags; 500 allows for a mix.
     */
    static final long BYTES_PER_METADATA_ENTRY = 500;

    public CacheSettings(long metadataMaxEntries, long listingMaxEntries) {
        this(metadataMaxEntries, listingMaxEntries, Duration.ZERO, Duration.ofSeconds(1), 0);
    }

    /**
     * The small-object cache's size for {@code fs3.cache.content.max-size=auto}: a sixteenth of the maximum
     * heap, at most 64 MiB (-Xmx128m: 8 MiB).
     */
    public static long autoContentBytes(long maxHeapBytes) {
        return Math.min(64L << 20, maxHeapBytes / 16);
    }

    /**
     * The metadata cache's size for {@code fs3.cache.metadata.max-entries=auto}: as many entries as fill an
     * eighth of the maximum heap (so a listing of a big tree stays cached where the heap allows it, and a small
     * heap is not exhausted by it), within 10 thousand and 2 million.
     */
    public static long autoMetadataEntries(long maxHeapBytes) {
        return Math.max(10_000, Math.min(2_000_000, maxHeapBytes / 8 / BYTES_PER_METADATA_ENTRY));
    }
}
