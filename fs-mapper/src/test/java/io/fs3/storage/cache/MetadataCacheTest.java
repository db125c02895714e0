package io.fs3.storage.cache;

import io.fs3.storage.ContentHeaders;
import io.fs3.storage.FileStamp;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataCacheTest {
    private static final ObjectKey KEY = ObjectKey.of("a/b.txt");
    private final MetadataCache cache = new MetadataCache(100);
    private final AtomicInteger loads = new AtomicInteger();

    private static FileStat stat(String fileKey, long size, long ctime) {
        return new FileStat(FileStamp.of(fileKey, size, 1_000), ctime, true, false, Instant.ofEpochSecond(1));
    }

    private Supplier<ObjectMetadata> loader(String etag) {
        return () -> {
            loads.incrementAndGet();
            return new ObjectMetadata(KEY, 3, Instant.ofEpochSecond(1), etag, ContentHeaders.NONE, Map.of(), Map.of());
        };
    }

    @Test
    void servesAnEntryOnlyWhileTheStatStillMatches() {
        Path bucket = Path.of("/data/b1");
        assertThat(cache.get(bucket, KEY, stat("(ino=1)", 3, 5), loader("e1")).etag()).isEqualTo("e1");
        assertThat(cache.get(bucket, KEY, stat("(ino=1)", 3, 5), loader("e2")).etag()).isEqualTo("e1");
        assertThat(loads).hasValue(1);
        assertThat(cache.peek(bucket, KEY.value(), stat("(ino=2)", 3, 5))).as("another inode").isNull();
        assertThat(cache.peek(bucket, KEY.value(), stat("(ino=1)", 4, 5))).as("another size").isNull();
        assertThat(cache.peek(bucket, KEY.value(), stat("(ino=1)", 3, 6))).as("metadata changed (ctime)").isNull();
        assertThat(cache.peek(bucket, KEY.value(), stat("(ino=1)", 3, -1))).as("a listing has no ctime").isNotNull();
        assertThat(cache.get(bucket, KEY, stat("(ino=2)", 3, 5), loader("e3")).etag()).isEqualTo("e3");
        assertThat(loads).hasValue(2);
    }

    @Test
    void anEntryFromAListingIsNotTrustedByALookupWithCtime() {
        Path bucket = Path.of("/data/b1");
        cache.get(bucket, KEY, stat("(ino=1)", 3, -1), loader("e1"));
        assertThat(cache.peek(bucket, KEY.value(), stat("(ino=1)", 3, 5))).isNull();
    }

    @Test
    void theSameKeyInTwoBucketsIsTwoEntries() {
        FileStat s = stat("(ino=1)", 3, 5);
        cache.get(Path.of("/data/b1"), KEY, s, loader("e1"));
        assertThat(cache.get(Path.of("/data/b2"), KEY, s, loader("e2")).etag()).isEqualTo("e2");
        assertThat(cache.peek(Path.of("/data/b1"), KEY.value(), s).etag()).isEqualTo("e1");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void invalidateForgetsByBucketAndKeyWhateverPathInstanceNamesTheBucket() {
        FileStat s = stat("(ino=1)", 3, 5);
        cache.get(Path.of("/data/b1"), KEY, s, loader("e1"));
        cache.invalidate(Path.of("/data").resolve("b1"), "a/b.txt");
        assertThat(cache.peek(Path.of("/data/b1"), KEY.value(), s)).isNull();
    }
}
