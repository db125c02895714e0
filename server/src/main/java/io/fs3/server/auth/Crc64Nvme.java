package io.fs3.server.auth;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME, the {@code x-amz-checksum-crc64nvme} algorithm: reflected polynomial
 * 0x9a6c9329ac4bc9b5 (0xad93d23594c93659 unreflected), initial value and final XOR all ones.
 * Table-driven, one byte at a time. Check value of "123456789" is 0xae8b14860a799888.
 */
public final class Crc64Nvme implements Checksum {
    private static final long POLY = 0x9a6c9329ac4bc9b5L;
    private static final long[] TABLE = table();

    private long crc = -1L;

    @Override
    public void update(int b) {
        crc = TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
    }

    @Override
    public void update(byte[] b, int off, int len) {
        long c = crc;
        for (int i = off, end = off + len; i < end; i++) {
            c = TABLE[(int) ((c ^ b[i]) & 0xff)] ^ (c >>> 8);
        }
        crc = c;
    }

    @Override
    public long getValue() {
        return ~crc;
    }

    @Override
    public void reset() {
        crc = -1L;
    }

    private static long[] table() {
        long[] t = new long[256];
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            t[n] = c;
        }
        return t;
    }
}
