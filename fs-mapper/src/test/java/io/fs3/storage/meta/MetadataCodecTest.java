package io.fs3.storage.meta;

import io.fs3.storage.ContentHeaders;
import io.fs3.storage.FileStamp;
import io.fs3.storage.StoredMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both stored forms read back exactly what was written; the compact one fits an ext4 inode for a typical PUT. */
class MetadataCodecTest {
    private static final FileStamp STAMP = FileStamp.of("(dev=fe00,ino=1234567)", 4096, 1_765_083_600_123_456_789L);
    private static final ContentHeaders OCTETS = ContentHeaders.NONE.withContentType("binary/octet-stream");

    static Stream<StoredMetadata> samples() {
        return Stream.of(
                new StoredMetadata("9e107d9d372bb6826bd81d3542a419d6", STAMP, OCTETS, Map.of(), Map.of()),
                new StoredMetadata(null, STAMP, ContentHeaders.NONE, Map.of(), Map.of()),
                new StoredMetadata("0123456789abcdef0123456789abcdef-10000", FileStamp.of("(dev=0,ino=0)", 0, -5), // multipart
                        new ContentHeaders("text/plain; charset=utf-8", "gzip", "attachment; filename=\"a b.txt\"", "de",
                                "max-age=60", "Thu, 01 Dec 2094 16:00:00 GMT"),
                        Map.of("colour", "blué", "x=y", "a\nb=c%"), Map.of("crc32", "2CR1kg==", "sha256",
                        "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="), Map.of("team", "a&b"),
                        List.of(8_388_608L, 8_388_608L, 1L), "{\"grants\":[]}"),
                // Values the binary form cannot pack go as text: an upper-case ETag, another file key, a checksum that
                // is not base64 of the algorithm's length, an unknown algorithm, a huge mtime.
                new StoredMetadata("9E107D9D372BB6826BD81D3542A419D6", FileStamp.of("(dev=fe00,ino=012)", Long.MAX_VALUE,
                        Long.MIN_VALUE), ContentHeaders.NONE.withContentType("application/octet-stream"), Map.of(),
                        Map.of("crc32", "not base64", "crc64nvme", "AAAAAAAAAAA=", "md7", "x")),
                new StoredMetadata("some opaque etag", FileStamp.of("", 1, 1), OCTETS, Map.of(), Map.of("sha1", "AAAA")));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void compactFormRoundTrips(StoredMetadata m) {
        byte[] bytes = MetadataCodec.encodeCompact(m);
        assertThat(bytes[0]).isEqualTo(CompactMetadataCodec.MAGIC);
        assertThat(MetadataCodec.decode(bytes)).contains(m);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void textFormRoundTrips(StoredMetadata m) {
        byte[] bytes = MetadataCodec.encode(m);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("fs3v1\n");
        assertThat(MetadataCodec.decode(bytes)).contains(m);
    }

    /** ext4 keeps at most 64 bytes of xattr value inside a 256-byte inode (checked with setxattr on ext4). */
    @Test
    void aTypicalPutWithAChecksumFitsInsideTheInode() {
        StoredMetadata m = new StoredMetadata("9e107d9d372bb6826bd81d3542a419d6",
                FileStamp.of("(dev=10300,ino=268435455)", 5_000_000_000L, 1_765_083_600_123_456_789L), OCTETS, Map.of(),
                Map.of("crc64nvme", "AAAAAAAAAAA="));
        assertThat(MetadataCodec.encodeCompact(m).length).isLessThanOrEqualTo(64);
        assertThat(MetadataCodec.encode(m).length).isGreaterThan(150); // the text form did not fit
    }

    /** The compact form is on disk in xattrs: its bytes must not change (this is what fs3 0.1 wrote). */
    @Test
    void compactBytesWrittenByEarlierVersionsStillRead() {
        StoredMetadata m = samples().findFirst().orElseThrow();
        String written = "f301019e107d9d372bb6826bd81d3542a419d60180fc0387ad4b8040aab4cf83d78bebfe300100";
        assertThat(HexFormat.of().formatHex(MetadataCodec.encodeCompact(m))).isEqualTo(written);
        assertThat(MetadataCodec.decode(HexFormat.of().parseHex(written))).contains(m);
    }

    @Test
    void textWrittenByEarlierVersionsStillReads() {
        String text = "fs3v1\netag=9e107d9d372bb6826bd81d3542a419d6\nstamp.key=%28dev%3Dfe00%2Cino%3D1234567%29\n"
                + "stamp.size=4096\nstamp.mtime=1765083600123456789\nh.content-type=binary%2Foctet-stream\nm.colour=blue\n";
        assertThat(MetadataCodec.decode(text.getBytes(StandardCharsets.UTF_8))).contains(
                new StoredMetadata("9e107d9d372bb6826bd81d3542a419d6", STAMP, OCTETS, Map.of("colour", "blue"), Map.of()));
    }

    @Test
    void damagedOrForeignBytesReadAsNone() {
        byte[] good = MetadataCodec.encodeCompact(samples().toList().get(2));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            if (cut < 40) { // cut inside the packed part: never a wrong answer, only none
                assertThat(MetadataCodec.decode(truncated)).as("cut at %d", cut).isEmpty();
            }
        }
        assertThat(MetadataCodec.decode(new byte[]{CompactMetadataCodec.MAGIC, 9})).isEmpty(); // a later version
        assertThat(MetadataCodec.decode(new byte[]{CompactMetadataCodec.MAGIC, 1, 7})).isEmpty(); // unknown ETag kind
        assertThat(MetadataCodec.decode(new byte[]{(byte) 0xff, 0, 1})).isEmpty();
        assertThat(MetadataCodec.decode("fs3v2\netag=x\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MetadataCodec.decode(new byte[0])).isEmpty();
    }
}
