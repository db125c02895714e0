package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Streams bodies into temp files on the bucket's own filesystem ({@code <bucket>/<reserved>/tmp/}, named
 * by 128 random bits, never by key bytes) with a fixed buffer and a running MD5, so any object size costs constant
 * memory, and the later publish is a same-filesystem rename. Callers delete the temp file in a finally.
 */
public final class AtomicWriter {
    /** As large as Jetty's input buffer: one file write per socket read of a large body. */
    private static final int BUFFER = 256 * 1024;
    private static final MessageDigest MD5 = newMd5();
    private final String reservedDir;
    private final boolean fsync;
    private final DirectoryLocks directoryLocks = new DirectoryLocks();

    public AtomicWriter(String reservedDir, boolean fsync) {
        this.reservedDir = reservedDir;
        this.fsync = fsync;
    }

    public boolean fsync() {
        return fsync;
    }

    /** Renames (or links) under the temp file's directory lock: see {@link DirectoryLocks}. */
    <T> T underTempDirectoryLock(Path temp, DirectoryLocks.NameChange<T> change) throws IOException {
        return directoryLocks.inDirectory(temp.getParent(), change);
    }

    /** A fresh temp path in the bucket's reserved temp directory (the directory is created). */
    public Path newTempFile(Path bucketDir) throws IOException {
        Path temp = tempPath(bucketDir);
        if (!Files.isDirectory(temp.getParent())) {
            Files.createDirectories(temp.getParent()); // which throws (and catches) an exception when the directory exists
        }
        return temp;
    }

    /**
     * A fresh temp path in the bucket's reserved temp directory, which is not looked at: {@link #stream}
     * creates the directory if it is missing, after finding the bucket there (one {@code stat} less per PUT).
     */
    public Path tempPath(Path bucketDir) {
        return bucketDir.resolve(reservedDir).resolve("tmp").resolve(tempName());
    }

    /** 128 random bits: unique among concurrent writers of every fs3 instance (no SecureRandom lock needed). */
    private static String tempName() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(r.nextLong()) + HexFormat.of().toHexDigits(r.nextLong());
    }

    /**
     * Copies {@code body} into {@code temp} (created new). With {@code expectedLength} ≥ 0 a short body is
     * IncompleteBody and a long one is refused; the body's own verifiers throw from read() on mismatch.
     */
    public StreamedFile stream(InputStream body, Path temp, long expectedLength) throws IOException {
        MessageDigest md5 = md5();
        // A small body needs no 256 KiB buffer (zeroing it would cost more than the copy).
        byte[] buf = new byte[expectedLength >= 0 && expectedLength < BUFFER ? (int) Math.max(expectedLength, 512) : BUFFER];
        long total = 0;
        try (FileChannel out = directoryLocks.inDirectory(temp.getParent(), () -> createTemp(temp))) {
            int n;
            while ((n = fill(body, buf)) > 0) {
                total += n;
                if (expectedLength >= 0 && total > expectedLength) {
                    throw S3Exception.of(S3Error.INVALID_REQUEST, "The body is longer than its declared length.");
                }
                md5.update(buf, 0, n);
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
            }
            if (expectedLength >= 0 && total < expectedLength) {
                throw S3Exception.of(S3Error.INCOMPLETE_BODY);
            }
            if (fsync) {
                out.force(true);
            }
        }
        return new StreamedFile(total, md5.digest());
    }

    /**
     * Creates {@code temp}, and its directory first where that is missing (the bucket's first write, or someone
     * removed it). Where {@code <bucket>/<reserved>/tmp} cannot be reached because there is no bucket directory,
     * fails with NoSuchFileException (NoSuchBucket) and creates nothing.
     */
    private static FileChannel createTemp(Path temp) throws IOException {
        try {
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            Path tempDir = temp.getParent();
            Path bucketDir = tempDir.getParent().getParent();
            if (!Files.isDirectory(bucketDir)) {
                throw new NoSuchFileException(bucketDir.toString());
            }
            if (!(e instanceof NoSuchFileException)) {
                throw e;
            }
            Files.createDirectories(tempDir);
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /**
     * Reads until {@code buf} is full or the body ends; 0 at its end. Bodies arrive in the connection's chunks
     * (8 KiB by Jetty's default): writing each as it came cost a 64 MiB PUT 8,459 write calls instead of 512.
     */
    private static int fill(InputStream body, byte[] buf) throws IOException {
        int filled = 0;
        while (filled < buf.length) {
            int n = body.read(buf, filled, buf.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    /** Flushes a directory entry change (rename, link, unlink) to disk when fsync is configured. */
    public void syncDirectory(Path dir) {
        if (!fsync) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some filesystems refuse fsync on directories; the data itself was already forced.
        }
    }

    /** A fresh MD5, cloned from one prototype (no provider lookup per object). */
    static MessageDigest md5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
