package io.fs3.storage.list;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.fs3.storage.cache.CacheBuilders;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sorted snapshots of directories, so that a page of a listing costs a binary search per directory on
 * its path instead of a readdir plus one lstat per entry. Every use re-stats the directory (inode,
 * mtime, ctime) and re-reads it on any difference, so a change made by another program is never
 * served stale. Bounded by the total number of entries held; a directory with more entries than that
 * is never loaded whole but listed by bounded windows ({@link WindowEntries}).
 */
public final class ListingCache {
    /** Directories changed this recently are not cached: a change in the same clock tick could hide. */
    public static final Duration DEFAULT_RECENT_CHANGE_WINDOW = Duration.ofSeconds(1);

    private final Cache<Path, Cached> cache;
    private final ConcurrentStatsCounter counter = new ConcurrentStatsCounter();
    private final long maxEntries;
    private final Duration recentChangeWindow;

    /** A snapshot, or null for a directory known to exceed the limit, valid while the stamp holds. */
    private record Cached(DirectoryStamp stamp, DirectorySnapshot snapshot) {
        int weight() {
            return snapshot == null ? 1 : snapshot.size() + 1;
        }
    }

    /** A cache holding at most about {@code maxEntries} directory entries in total (0 disables it). */
    public ListingCache(long maxEntries) {
        this(maxEntries, DEFAULT_RECENT_CHANGE_WINDOW);
    }

    public ListingCache(long maxEntries, Duration recentChangeWindow) {
        if (maxEntries < 0 || recentChangeWindow.isNegative()) {
            throw new IllegalArgumentException("maxEntries and recentChangeWindow must not be negative");
        }
        this.maxEntries = Math.min(maxEntries, Integer.MAX_VALUE - 16);
        this.recentChangeWindow = Objects.requireNonNull(recentChangeWindow, "recentChangeWindow");
        this.cache = maxEntries == 0 ? null : CacheBuilders.onCallingThread()
                .maximumWeight(this.maxEntries)
                .weigher((Path dir, Cached c) -> c.weight())
                .recordStats(() -> counter)
                .build();
    }

    /** No caching: every directory on a page's path is scanned with a bounded window each time. */
    public static ListingCache disabled() {
        return new ListingCache(0);
    }

    public CacheStats stats() {
        return cache == null ? CacheStats.empty() : cache.stats();
    }

    /** Number of directories cached. */
    public long estimatedSize() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** Total entries held by the cached snapshots (the weight the cache is bounded by). */
    public long cachedEntries() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp(); // writes are accounted asynchronously
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /**
     * The entries of {@code dir} that {@code from} admits and that start with {@code within}.
     *
     * @param windowCapacity entries to hold at a time if the directory is too big to snapshot
     * @throws java.nio.file.NotDirectoryException if {@code dir} is not a real directory
     */
    SortedEntries open(Path dir, Bound from, String within, int windowCapacity) throws IOException {
        if (cache == null) {
            DirectoryStamp.read(dir); // the same not-a-directory check as the cached path makes
            return new WindowEntries(dir, from, within, windowCapacity);
        }
        DirectorySnapshot snapshot = snapshot(dir);
        return snapshot == null ? new WindowEntries(dir, from, within, windowCapacity)
                : new SnapshotEntries(snapshot, from, within);
    }

    private DirectorySnapshot snapshot(Path dir) throws IOException {
        Instant scanStart = Instant.now(); // before the stat: a change after it makes the stamp differ
        DirectoryStamp stamp = DirectoryStamp.read(dir);
        Cached cached = cache.policy().getIfPresentQuietly(dir);
        if (cached != null && cached.stamp().equals(stamp)) {
            counter.recordHits(1);
            return cached.snapshot();
        }
        counter.recordMisses(1);
        DirectorySnapshot snapshot = DirectoryReader.readAll(dir, maxEntries - 1); // weight = entries + 1
        if (stamp.changedSince(scanStart, recentChangeWindow)) {
            cache.invalidate(dir);
        } else {
            cache.put(dir, new Cached(stamp, snapshot));
        }
        return snapshot;
    }
}
