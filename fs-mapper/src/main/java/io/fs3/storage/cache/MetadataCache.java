package io.fs3.storage.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import io.fs3.storage.FileStamp;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Object metadata by bucket directory and key, validated on every use against a fresh stat: an entry is
 * served only while the file's inode, size and mtime (and ctime, where the caller has it) are unchanged, so
 * writes by other programs or other fs3 instances are never hidden. It saves the xattr/sidecar reads, not
 * the stat.
 */
public final class MetadataCache {
    /** The stat an entry was loaded for, and its metadata: {@link LeanMetadata} where that form holds it. */
    private record Entry(FileStamp stamp, long ctimeNanos, Object value) {
        static Entry of(FileStat stat, ObjectMetadata metadata) {
            LeanMetadata lean = LeanMetadata.of(metadata, stat);
            return new Entry(stat.stamp(), stat.ctimeNanos(), lean != null ? lean : metadata);
        }

        /** The metadata, for a stat that matches this entry's. */
        ObjectMetadata metadata(FileStat current) {
            return value instanceof LeanMetadata lean ? lean.metadata(current) : (ObjectMetadata) value;
        }
    }

    private final Cache<ObjectCacheKey, Entry> cache;
    private final Interner<Path> bucketDirs = Interners.newWeakInterner();

    public MetadataCache(long maxEntries) {
        this(maxEntries, java.time.Duration.ZERO);
    }

    /** {@code maxAge} > 0 also drops entries that old, for filesystems whose stat can lag (NFS attribute caching). */
    public MetadataCache(long maxEntries, java.time.Duration maxAge) {
        // Evictions run on the calling thread: handing each one to the common pool costs a thread wake-up
        // per few inserts, which under a listing of more files than the cache holds was ~15% of the CPU.
        Caffeine<Object, Object> b = CacheBuilders.onCallingThread().maximumSize(maxEntries).recordStats();
        if (!maxAge.isZero()) {
            b.expireAfterWrite(maxAge);
        }
        this.cache = b.build();
    }

    /** The cached metadata of {@code key} if it still describes {@code current}, else loads and caches it. */
    public ObjectMetadata get(Path bucketDir, ObjectKey key, FileStat current, Supplier<ObjectMetadata> loader) {
        ObjectMetadata cached = peek(bucketDir, key.value(), current);
        if (cached != null) {
            return cached;
        }
        ObjectMetadata loaded = loader.get();
        // An entry stored without ctime (from a listing) never matches a later lookup that has one.
        cache.put(new ObjectCacheKey(bucketDirs.intern(bucketDir), key.value()), Entry.of(current, loaded));
        return loaded;
    }

    /** The cached metadata of {@code key} if it still describes {@code current}; null otherwise (nothing is loaded). */
    public ObjectMetadata peek(Path bucketDir, String key, FileStat current) {
        Entry e = cache.getIfPresent(new ObjectCacheKey(bucketDir, key));
        if (e != null && e.stamp.equals(current.stamp())
                && (current.ctimeNanos() < 0 || e.ctimeNanos == current.ctimeNanos())) {
            return e.metadata(current);
        }
        return null;
    }

    public void invalidate(Path bucketDir, String key) {
        cache.invalidate(new ObjectCacheKey(bucketDir, key));
    }

    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "fs3.metadata");
    }

    public long size() {
        return cache.estimatedSize();
    }
}
