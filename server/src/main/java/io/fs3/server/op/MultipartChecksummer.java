package io.fs3.server.op;

import io.fs3.multipart.Checksummer;
import io.fs3.server.auth.ChecksumAlgorithm;

/** Lends the multipart module the checksum algorithms the auth layer verifies uploads with. */
public final class MultipartChecksummer implements Checksummer {
    @Override
    public Hasher newHasher(String algorithm) {
        ChecksumAlgorithm a = ChecksumAlgorithm.byName(algorithm);
        if (a == null) {
            return null;
        }
        ChecksumAlgorithm.Hasher h = a.newHasher();
        return new Hasher() {
            @Override
            public void update(byte[] b, int off, int len) {
                h.update(b, off, len);
            }

            @Override
            public byte[] digest() {
                return h.digest();
            }
        };
    }
}
