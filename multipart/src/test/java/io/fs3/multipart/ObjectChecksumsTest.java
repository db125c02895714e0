package io.fs3.multipart;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectChecksumsTest {
    private final ObjectChecksums checksums = new ObjectChecksums(new TestChecksummer());

    @Test
    void compositeChecksumIsHashOfRawPartChecksumsWithPartCount() throws Exception {
        for (Fixtures.Line line : Fixtures.read("composite-checksums.txt")) {
            String[] in = line.input().split(" ");
            List<PartInfo> parts = new ArrayList<>();
            for (String c : in[1].split(",")) {
                parts.add(part(parts.size() + 1, 1000, Map.of(in[0], c)));
            }
            assertThat(checksums.of(in[0], ChecksumType.COMPOSITE, parts)).as(line.input())
                    .containsExactly(Map.entry(in[0], line.expected()));
        }
    }

    @Test
    void fullObjectCrcEqualsTheCrcOfAllBytes() {
        byte[][] pieces = {bytes(7, 5000), bytes(8, 1), bytes(9, 77_777), bytes(10, 0), bytes(11, 3)};
        for (String alg : List.of("crc32", "crc32c")) {
            List<PartInfo> parts = new ArrayList<>();
            Checksum whole = alg.equals("crc32") ? new CRC32() : new CRC32C();
            for (byte[] p : pieces) {
                Checksum c = alg.equals("crc32") ? new CRC32() : new CRC32C();
                c.update(p);
                whole.update(p);
                parts.add(part(parts.size() + 1, p.length, Map.of(alg, b64(c.getValue()))));
            }
            assertThat(checksums.of(alg, ChecksumType.FULL_OBJECT, parts)).as(alg)
                    .containsExactly(Map.entry(alg, b64(whole.getValue())));
        }
    }

    @Test
    void noChecksumWithoutAlgorithmOrWhenAPartLacksIt() {
        List<PartInfo> parts = List.of(part(1, 5, Map.of("crc32", "AAAAAA==")), part(2, 5, Map.of()));
        assertThat(checksums.of(null, null, parts)).isEmpty();
        assertThat(checksums.of("crc32", ChecksumType.COMPOSITE, parts)).isEmpty();
    }

    private static PartInfo part(int n, long size, Map<String, String> c) {
        return new PartInfo(n, "00000000000000000000000000000000", size, Instant.EPOCH, c);
    }

    private static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String b64(long crc) {
        return Base64.getEncoder().encodeToString(new byte[]{(byte) (crc >>> 24), (byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc});
    }
}
