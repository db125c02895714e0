package io.fs3.storage.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fs3.storage.FileStamp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The bytes of small objects, so a repeated GET answers from memory after one {@code lstat} instead of
 * opening, stat-ing, reading and closing the file. Validated like the metadata cache, on every use, against
 * the stat the read already made: the entry is served only while the file's inode, size, mtime and ctime are
 * those it was read with. Writing a file moves its ctime (nobody can set it back), so any change by any
 * program is seen; a file changed within {@code changeWindow} of being read is not kept, so that a second
 * change inside the filesystem's timestamp granularity cannot leave the same ctime on different bytes.
 */
public final class SmallObjectCache {
    /** Objects up to this size are kept. */
    public static final int MAX_OBJECT_BYTES = 64 * 1024;
    /** Roughly what an entry costs besides its bytes (key, entry, stamp, array header), for the weigher. */
    private static final int ENTRY_OVERHEAD = 160;

    private record Entry(FileStamp stamp, long ctimeNanos, byte[] bytes) {
    }

    private final Cache<ObjectCacheKey, Entry> cache;
    private final boolean enabled;
    private final long changeWindowNanos;
    private final LongSupplier wallClockNanos;

    /** {@code maxBytes} 0 keeps nothing; {@code maxAge} > 0 also drops entries that old (NFS attribute caching). */
    public SmallObjectCache(long maxBytes, Duration maxAge, Duration changeWindow, LongSupplier wallClockNanos) {
        Caffeine<ObjectCacheKey, Entry> b = CacheBuilders.onCallingThread().maximumWeight(maxBytes)
                .weigher((ObjectCacheKey k, Entry e) -> e.bytes.length + k.key().length() * 2 + ENTRY_OVERHEAD)
                .recordStats();
        if (!maxAge.isZero()) {
            b.expireAfterWrite(maxAge);
        }
        this.cache = b.build();
        this.enabled = maxBytes > 0;
        this.changeWindowNanos = changeWindow.toNanos();
        this.wallClockNanos = wallClockNanos;
    }

    /** The object's bytes as a channel if they were kept for exactly this stat; null otherwise. */
    public FileChannel open(Path bucketDir, String key, FileStat current) {
        if (!enabled || current.ctimeNanos() < 0 || current.stamp().size() > MAX_OBJECT_BYTES) {
            return null;
        }
        Entry e = cache.getIfPresent(new ObjectCacheKey(bucketDir, key));
        if (e == null || !e.stamp.equals(current.stamp()) || e.ctimeNanos != current.ctimeNanos()) {
            return null;
        }
        return new MemoryFileChannel(e.bytes);
    }

    /**
     * Keeps the bytes of {@code file}, which was opened and found to match {@code stat}, when the object is
     * small and has not changed within the change window, and returns a channel over them (the caller closes
     * {@code file}); null when it is not kept, leaving {@code file} untouched (reads are positional).
     */
    public FileChannel keep(Path bucketDir, String key, FileStat stat, FileChannel file) throws IOException {
        long size = stat.stamp().size();
        if (!enabled || size > MAX_OBJECT_BYTES || stat.ctimeNanos() < 0 || !settled(stat)) {
            return null;
        }
        byte[] bytes = new byte[(int) size];
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            if (file.read(buf, buf.position()) < 0) {
                return null; // shrank under us: the caller's usual path reports it
            }
        }
        if (file.read(ByteBuffer.allocate(1), size) > 0) {
            return null; // grew under us
        }
        cache.put(new ObjectCacheKey(bucketDir, key), new Entry(stat.stamp(), stat.ctimeNanos(), bytes));
        return new MemoryFileChannel(bytes);
    }

    /** Last changed (data or metadata) longer ago than the change window. */
    private boolean settled(FileStat stat) {
        long changed = Math.max(stat.ctimeNanos(), stat.stamp().mtimeNanos());
        return wallClockNanos.getAsLong() - changed > changeWindowNanos;
    }

    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "fs3.content");
    }

    /** Wall-clock time in nanoseconds since the epoch, the scale of file timestamps. */
    public static long wallClockNanos() {
        return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }
}
