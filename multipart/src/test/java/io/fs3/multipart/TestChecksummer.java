package io.fs3.multipart;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** The checksum algorithms from the JDK, as the server provides them (big-endian CRC bytes). */
public final class TestChecksummer implements Checksummer {
    @Override
    public Hasher newHasher(String algorithm) {
        return switch (algorithm) {
            case "crc32" -> crc(new CRC32());
            case "crc32c" -> crc(new CRC32C());
            case "sha1" -> digest("SHA-1");
            case "sha256" -> digest("SHA-256");
            default -> null;
        };
    }

    private static Hasher crc(Checksum c) {
        return new Hasher() {
            @Override
            public void update(byte[] b, int off, int len) {
                c.update(b, off, len);
            }

            @Override
            public byte[] digest() {
                long v = c.getValue();
                return new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            }
        };
    }

    private static Hasher digest(String name) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Hasher() {
            @Override
            public void update(byte[] b, int off, int len) {
                md.update(b, off, len);
            }

            @Override
            public byte[] digest() {
                return md.digest();
            }
        };
    }
}
