package io.fs3.multipart.posix;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An upload claimed for completion: its directory renamed to {@code …completing} (rename succeeds for
 * exactly one claimer, across threads and fs3 instances sharing the tree), while this process holds a
 * lock on the lock file inside. The lock is how the janitor of any instance tells a live completion
 * from one whose process died: the kernel drops it with the process.
 *
 * <p>POSIX record locks belong to the process, and closing any channel of the file drops them, so within
 * this JVM nobody may even open a claimed lock file: {@link #HELD} (JVM-wide, like the JVM's own lock
 * table) records the claims this process holds.
 */
final class Claim implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Claim.class);
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
    private final Path uploadDir;
    private final Path dir;
    private final FileChannel lockChannel;

    private Claim(Path uploadDir, Path dir, FileChannel lockChannel) {
        this.uploadDir = uploadDir;
        this.dir = dir;
        this.lockChannel = lockChannel;
    }

    /** Claims the upload in {@code uploadDir} by renaming it to {@code completing}; NoSuchUpload if anyone else did. */
    static Claim take(Path uploadDir, Path completing) {
        String id = completing.toAbsolutePath().normalize().toString();
        if (!HELD.add(id)) {
            throw S3Exception.of(S3Error.NO_SUCH_UPLOAD);
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(uploadDir.resolve(StagingLayout.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw S3Exception.of(S3Error.NO_SUCH_UPLOAD); // another process is completing it right now
            }
            Files.move(uploadDir, completing, StandardCopyOption.ATOMIC_MOVE);
            return new Claim(uploadDir, completing, ch);
        } catch (NoSuchFileException | FileAlreadyExistsException | OverlappingFileLockException e) {
            release(id, ch);
            throw S3Exception.of(S3Error.NO_SUCH_UPLOAD);
        } catch (IOException | RuntimeException e) {
            release(id, ch);
            if (e instanceof S3Exception s3) {
                throw s3;
            }
            if (e instanceof FileSystemException) { // e.g. ENOTEMPTY: a dead completion's leftovers, swept at start
                throw S3Exception.of(S3Error.NO_SUCH_UPLOAD);
            }
            throw S3Exception.of(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.message(), e);
        }
    }

    /** True if this JVM holds the claim on {@code completing} (then its lock file must not be touched). */
    static boolean heldHere(Path completing) {
        return HELD.contains(completing.toAbsolutePath().normalize().toString());
    }

    /** The claimed (renamed) staging directory. */
    Path dir() {
        return dir;
    }

    /** Gives the upload back (a failed complete leaves it completable, as on S3). */
    void restore() {
        try {
            Files.move(dir, uploadDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("multipart restore_failed dir={} error={}", dir, e.toString());
        }
    }

    /** Removes the staging directory of a completed upload (what remains is swept later). */
    void removeStaging() {
        try {
            Trees.delete(dir);
        } catch (IOException e) {
            LOG.warn("multipart staging_not_removed dir={} error={}", dir, e.toString());
        }
    }

    @Override
    public void close() {
        release(dir.toAbsolutePath().normalize().toString(), lockChannel);
    }

    private static void release(String id, FileChannel ch) {
        try {
            if (ch != null) {
                ch.close(); // drops the lock
            }
        } catch (IOException ignored) {
            // the lock goes with the channel either way
        } finally {
            HELD.remove(id);
        }
    }
}
