package io.fs3.server.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Generated test files and MD5s for the multipart integration tests, streamed (never held in memory). */
final class MultipartFiles {
    private MultipartFiles() {
    }

    /** A file of {@code size} pseudo-random bytes (deterministic per seed). */
    static Path generate(Path file, long size, long seed) throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long v = random.nextLong();
                    for (int j = 0; j < 8; j++) {
                        block[i + j] = (byte) (v >>> (8 * j));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    static String md5(Path file) throws Exception {
        return md5(Files.newInputStream(file));
    }

    static String md5(InputStream stream) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (InputStream in = new DigestInputStream(stream, md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** S3's multipart ETag, computed here independently: md5 of the binary part MD5s, "-", the part count. */
    static String multipartEtag(java.util.List<String> partMd5s) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (String hex : partMd5s) {
            md5.update(HexFormat.of().parseHex(hex));
        }
        return HexFormat.of().formatHex(md5.digest()) + "-" + partMd5s.size();
    }

    static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }
}
