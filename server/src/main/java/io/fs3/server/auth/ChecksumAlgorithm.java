package io.fs3.server.auth;

import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** The flexible-checksum algorithms of S3 ({@code x-amz-checksum-*}). Values are base64 of big-endian bytes. */
public enum ChecksumAlgorithm {
    CRC32("crc32", "CRC32", 4),
    CRC32C("crc32c", "CRC32C", 4),
    SHA1("sha1", "SHA1", 20),
    SHA256("sha256", "SHA256", 32),
    CRC64NVME("crc64nvme", "CRC64NVME", 8);

    private final String key;
    private final String displayName;
    private final int length;

    ChecksumAlgorithm(String key, String displayName, int length) {
        this.key = key;
        this.displayName = displayName;
        this.length = length;
    }

    /** Lower-case name, as used in {@link VerifiedPayload#checksums()}. */
    public String key() {
        return key;
    }

    /** Upper-case name as AWS prints it in messages ("The CRC32 you specified..."). */
    public String displayName() {
        return displayName;
    }

    /** Length of the raw checksum in bytes. */
    public int length() {
        return length;
    }

    /** {@code x-amz-checksum-<key>}. */
    public String headerName() {
        return "x-amz-checksum-" + key;
    }

    /** Algorithm by name, case-insensitive (MinIO sends "crc32c", the SDKs "CRC32C"); null if unknown. */
    public static ChecksumAlgorithm byName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        for (ChecksumAlgorithm a : values()) {
            if (a.key.equals(lower)) {
                return a;
            }
        }
        return null;
    }

    /** Algorithm of an {@code x-amz-checksum-<key>} header name (any case); null if it is not one. */
    public static ChecksumAlgorithm byHeaderName(String headerName) {
        String lower = headerName.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("x-amz-checksum-") ? byName(lower.substring("x-amz-checksum-".length())) : null;
    }

    /** A new incremental hasher for this algorithm. */
    public Hasher newHasher() {
        return switch (this) {
            case CRC32 -> new ChecksumHasher(new CRC32(), 4);
            case CRC32C -> new ChecksumHasher(new CRC32C(), 4);
            case CRC64NVME -> new ChecksumHasher(new Crc64Nvme(), 8);
            case SHA1 -> new DigestHasher(() -> Crypto.newDigest("SHA-1"));
            case SHA256 -> new DigestHasher(Crypto::newSha256);
        };
    }

    /** Incremental checksum computation. */
    public interface Hasher {
        void update(byte[] b, int off, int len);

        /** The checksum bytes; call once, at the end. */
        byte[] digest();
    }

    private static final class ChecksumHasher implements Hasher {
        private final Checksum checksum;
        private final int width;

        ChecksumHasher(Checksum checksum, int width) {
            this.checksum = checksum;
            this.width = width;
        }

        @Override
        public void update(byte[] b, int off, int len) {
            checksum.update(b, off, len);
        }

        @Override
        public byte[] digest() {
            long v = checksum.getValue();
            byte[] out = new byte[width];
            for (int i = width - 1; i >= 0; i--) {
                out[i] = (byte) v;
                v >>>= 8;
            }
            return out;
        }
    }

    private static final class DigestHasher implements Hasher {
        private final MessageDigest digest;

        DigestHasher(Supplier<MessageDigest> factory) {
            this.digest = factory.get();
        }

        @Override
        public void update(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        @Override
        public byte[] digest() {
            return digest.digest();
        }
    }
}
