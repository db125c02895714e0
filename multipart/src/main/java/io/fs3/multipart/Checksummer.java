package io.fs3.multipart;

/**
 * The flexible-checksum algorithms (crc32, crc32c, crc64nvme, sha1, sha256), provided by the server's
 * auth layer, which already implements them to verify uploads.
 */
public interface Checksummer {
    /** A new incremental hasher, or null if the algorithm (lower-case) is unknown. */
    Hasher newHasher(String algorithm);

    interface Hasher {
        void update(byte[] b, int off, int len);

        byte[] digest();
    }
}
