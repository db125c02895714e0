package io.fs3.storage.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fs3.storage.ObjectMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Object metadata by path, validated on every use against a fresh stat: an entry is served only while
 * the file's inode, size and mtime (and ctime, where the caller has it) are unchanged, so writes by
 * other programs or other fs3 instances are never hidden. It saves the xattr/sidecar reads, not the stat.
 */
public final class MetadataCache {
    private record Entry(FileStat stat, ObjectMetadata metadata) {
    }

    private final Cache<Path, Entry> cache;

    public MetadataCache(long maxEntries) {
        this(maxEntries, java.time.Duration.ZERO);
    }

    /** {@code maxAge} > 0 also drops entries that old, for filesystems whose stat can lag (NFS attribute caching). */
    public MetadataCache(long maxEntries, java.time.Duration maxAge) {
        // Evictions run on the calling thread: handing each one to the common pool costs a thread wake-up
        // per few inserts, which under a listing of more files than the cache holds was ~15% of the CPU.
        Caffeine<Object, Object> b = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).recordStats();
        if (!maxAge.isZero()) {
            b.expireAfterWrite(maxAge);
        }
        this.cache = b.build();
    }

    /** The cached metadata for {@code path} if it still describes {@code current}, else loads and caches it. */
    public ObjectMetadata get(Path path, FileStat current, Supplier<ObjectMetadata> loader) {
        ObjectMetadata cached = peek(path, current);
        if (cached != null) {
            return cached;
        }
        ObjectMetadata loaded = loader.get();
        // An entry stored without ctime (from a listing) never matches a later lookup that has one.
        cache.put(path, new Entry(current, loaded));
        return loaded;
    }

    /** The cached metadata for {@code path} if it still describes {@code current}; null otherwise (nothing is loaded). */
    public ObjectMetadata peek(Path path, FileStat current) {
        Entry e = cache.getIfPresent(path);
        if (e != null && e.stat.stamp().equals(current.stamp())
                && (current.ctimeNanos() < 0 || e.stat.ctimeNanos() == current.ctimeNanos())) {
            return e.metadata;
        }
        return null;
    }

    public void invalidate(Path path) {
        cache.invalidate(path);
    }

    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "fs3.metadata");
    }

    public long size() {
        return cache.estimatedSize();
    }
}
