package io.fs3.multipart;

/**
 * CRC of a concatenation from the CRCs of its pieces (zlib's crc32_combine, for any reflected CRC whose
 * initial value equals its final XOR): crc(A‖B) = combine(crc(A), crc(B), len(B)). It gives the
 * FULL_OBJECT checksum of a multipart object from its part CRCs without reading the bytes again.
 */
public enum CrcCombine {
    CRC32(0xEDB88320L, 32), CRC32C(0x82F63B78L, 32), CRC64NVME(0x9A6C9329AC4BC9B5L, 64);

    private final long poly;
    private final int width;

    CrcCombine(long reflectedPoly, int width) {
        this.poly = reflectedPoly;
        this.width = width;
    }

    /** The combinable CRC of a lower-case algorithm name, or null (the SHAs cannot be combined). */
    public static CrcCombine of(String algorithm) {
        return switch (algorithm) {
            case "crc32" -> CRC32;
            case "crc32c" -> CRC32C;
            case "crc64nvme" -> CRC64NVME;
            default -> null;
        };
    }

    public int bytes() {
        return width / 8;
    }

    public long combine(long crc1, long crc2, long len2) {
        if (len2 <= 0) {
            return crc1;
        }
        long[] even = new long[width];
        long[] odd = new long[width];
        odd[0] = poly; // the operator for one zero bit
        long row = 1;
        for (int n = 1; n < width; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crc1;
        long len = len2;
        do { // apply len zero bytes to crc1
            square(even, odd);
            if ((len & 1) != 0) {
                crc = times(even, crc);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc = times(odd, crc);
            }
            len >>>= 1;
        } while (len != 0);
        return crc ^ crc2;
    }

    private static long times(long[] mat, long vec) {
        long sum = 0;
        long v = vec;
        for (int i = 0; v != 0; i++, v >>>= 1) {
            if ((v & 1) != 0) {
                sum ^= mat[i];
            }
        }
        return sum;
    }

    private void square(long[] square, long[] mat) {
        for (int n = 0; n < width; n++) {
            square[n] = times(mat, mat[n]);
        }
    }
}
