package io.fs3.storage.cache;

import io.fs3.storage.ContentHeaders;
import io.fs3.storage.FileStamp;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeanMetadataTest {
    private static final ObjectKey KEY = ObjectKey.of("dir/file.txt");
    private static final Instant MTIME = Instant.ofEpochSecond(1_765_083_600, 123_456_789);
    private static final FileStat STAT = new FileStat(FileStamp.unix(0xfe01, 42, 4096, 1_765_083_600_123_456_789L), 7,
            true, false, MTIME);
    private static final ContentHeaders TEXT = new ContentHeaders("text/plain", null, null, null, null, null);

    private static ObjectMetadata plain(String etag) {
        return new ObjectMetadata(KEY, 4096, MTIME, etag, TEXT, Map.of(), Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "ffffffffffffffffffffffffffffffff",
            "00000000000000000000000000000000", "9e107d9d372bb6826bd81d3542a419d6-1",
            "9e107d9d372bb6826bd81d3542a419d6-10000", "9e107d9d372bb6826bd81d3542a419d6-2147483647"})
    void anMd5EtagWithNothingElseIsHeldLeanAndRebuiltEqual(String etag) {
        LeanMetadata lean = LeanMetadata.of(plain(etag), STAT);

        assertThat(lean).isNotNull();
        assertThat(lean.metadata(STAT)).isEqualTo(plain(etag));
        assertThat(lean.metadata(STAT).etag()).isEqualTo(etag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e1", "9E107D9D372BB6826BD81D3542A419D6", "9e107d9d372bb6826bd81d3542a419d", "9e107d9d372bb6826bd81d3542a419d6-",
            "9e107d9d372bb6826bd81d3542a419d6-0", "9e107d9d372bb6826bd81d3542a419d6-01", "9e107d9d372bb6826bd81d3542a419d6-2147483648",
            "9e107d9d372bb6826bd81d3542a419d6x1", "9e107d9d372bb6826bd81d3542a419d6-1a", "\"9e107d9d372bb6826bd81d3542a419d6\""})
    void anyOtherEtagKeepsTheWholeMetadata(String etag) {
        assertThat(LeanMetadata.of(plain(etag), STAT)).isNull();
    }

    @Test
    void metadataBeyondTheLeanFormKeepsTheWholeMetadata() {
        String md5 = "9e107d9d372bb6826bd81d3542a419d6";
        assertThat(LeanMetadata.of(new ObjectMetadata(KEY, 4096, MTIME, md5, TEXT, Map.of("a", "b"), Map.of()), STAT))
                .as("user metadata").isNull();
        assertThat(LeanMetadata.of(new ObjectMetadata(KEY, 4096, MTIME, md5, TEXT, Map.of(), Map.of("crc32", "AAAAAA==")),
                STAT)).as("checksums").isNull();
        assertThat(LeanMetadata.of(new ObjectMetadata(KEY, 4096, MTIME, md5, TEXT, Map.of(), Map.of(), Map.of("t", "v")),
                STAT)).as("tags").isNull();
        assertThat(LeanMetadata.of(new ObjectMetadata(KEY, 4096, MTIME, md5 + "-2", TEXT, Map.of(), Map.of(), Map.of(),
                List.of(2048L, 2048L)), STAT)).as("part sizes").isNull();
        assertThat(LeanMetadata.of(new ObjectMetadata(KEY, 4095, MTIME, md5, TEXT, Map.of(), Map.of()), STAT))
                .as("a size other than the stat's").isNull();
        assertThat(LeanMetadata.of(new ObjectMetadata(KEY, 4096, MTIME.plusNanos(1), md5, TEXT, Map.of(), Map.of()), STAT))
                .as("a time other than the stat's").isNull();
    }

    @Test
    void theCacheServesLeanEntriesAsTheMetadataItLoaded() {
        MetadataCache cache = new MetadataCache(10);
        ObjectMetadata loaded = plain("9e107d9d372bb6826bd81d3542a419d6-1");
        cache.get(Path.of("/data/b"), KEY, STAT, () -> loaded);

        assertThat(cache.peek(Path.of("/data/b"), KEY.value(), STAT)).isEqualTo(loaded);
        FileStat listing = new FileStat(STAT.stamp(), -1, true, false, MTIME);
        assertThat(cache.peek(Path.of("/data/b"), KEY.value(), listing)).isEqualTo(loaded);
    }
}
