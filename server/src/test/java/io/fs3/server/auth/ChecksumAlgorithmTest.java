package io.fs3.server.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ChecksumAlgorithmTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void crc64NvmeMatchesTheCatalogueCheckValue() {
        // CRC-64/NVME in the CRC catalogue (reveng): check = 0xae8b14860a799888.
        Crc64Nvme crc = new Crc64Nvme();
        crc.update(CHECK, 0, CHECK.length);
        assertEquals(0xae8b14860a799888L, crc.getValue());
        crc.reset();
        for (byte b : CHECK) {
            crc.update(b);
        }
        assertEquals(0xae8b14860a799888L, crc.getValue());
    }

    @Test
    void crcValuesAreBigEndianBytes() {
        assertEquals("y/Q5Jg==", base64(ChecksumAlgorithm.CRC32, CHECK)); // 0xCBF43926
        assertEquals("4waSgw==", base64(ChecksumAlgorithm.CRC32C, CHECK)); // 0xE3069283
        assertEquals("rosUhgp5mIg=", base64(ChecksumAlgorithm.CRC64NVME, CHECK));
        assertEquals("AAAAAA==", base64(ChecksumAlgorithm.CRC32, new byte[0]));
    }

    @Test
    void digestsAreTheRawHashes() {
        assertArrayEquals(Base64.getDecoder().decode("98O8HYCOBHMq32eZZczDTKeuNEE="),
                digest(ChecksumAlgorithm.SHA1, CHECK));
        assertEquals(TestSigner.EMPTY_SHA256, Crypto.hex(digest(ChecksumAlgorithm.SHA256, new byte[0])));
    }

    @Test
    void namesAreCaseInsensitiveAndOnlyValueHeadersMatch() {
        assertEquals(ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.byName("crc32c"));
        assertEquals(ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.byName("CRC32C"));
        assertEquals(ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.byHeaderName("X-Amz-Checksum-Crc64nvme"));
        assertNull(ChecksumAlgorithm.byHeaderName("x-amz-checksum-algorithm"));
        assertNull(ChecksumAlgorithm.byHeaderName("x-amz-checksum-type"));
        assertNull(ChecksumAlgorithm.byName("md5"));
    }

    private static String base64(ChecksumAlgorithm a, byte[] data) {
        return Base64.getEncoder().encodeToString(digest(a, data));
    }

    private static byte[] digest(ChecksumAlgorithm a, byte[] data) {
        ChecksumAlgorithm.Hasher h = a.newHasher();
        h.update(data, 0, data.length);
        return h.digest();
    }
}
