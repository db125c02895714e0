package io.fs3.config;

import java.time.Duration;

/**
 * The caches in front of the filesystem; every entry is revalidated with a stat before use.
 * {@code metadataMaxAge} (zero = no limit) drops entries even when the stat still matches, and
 * {@code listingChangeWindow} keeps directories changed that recently out of the listing cache: both
 * bound staleness where a filesystem's timestamps are coarse or cached (NFS attribute caching).
 */
public record CacheSettings(long metadataMaxEntries, long listingMaxEntries, Duration metadataMaxAge,
                            Duration listingChangeWindow) {
    public CacheSettings(long metadataMaxEntries, long listingMaxEntries) {
        this(metadataMaxEntries, listingMaxEntries, Duration.ZERO, Duration.ofSeconds(1));
    }
}
