package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Puts a fully written temp file in place of a key: parent directories are created (never through a
 * symlink or over a file), then one atomic rename replaces the old object, so a reader sees the old or
 * the new bytes and never a mix; never delete-then-create. {@code If-None-Match: *} uses link(2), which
 * fails if the name exists (S3Proxy does the same). A large object's old bytes are freed off the request
 * path ({@link Reclaimer}).
 */
public final class Publisher {
    private static final int ATTEMPTS = 5;
    private final AtomicWriter writer;
    private final Reclaimer reclaimer;

    public Publisher(AtomicWriter writer, Reclaimer reclaimer) {
        this.writer = writer;
        this.reclaimer = reclaimer;
    }

    /** Puts {@code temp}, {@code size} bytes long, in place of {@code target}. */
    public void publish(Path bucketDir, Path temp, Path target, boolean ifNoneMatchAll, long size) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ensureParents(bucketDir, target);
            try {
                // No look first: rename(2) refuses to replace a directory ("Is a directory", which FsErrors
                // reports as ExistingObjectIsDirectory), and link(2) any existing name.
                writer.underTempDirectoryLock(temp, () -> {
                    if (ifNoneMatchAll) {
                        Files.createLink(target, temp);
                        Files.delete(temp);
                        return null;
                    }
                    Path aside = reclaimer.setAside(bucketDir, target, size);
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } finally {
                        reclaimer.release(aside); // after the rename: queued, unlinked by the reclaimer's thread
                    }
                    return null;
                });
                writer.syncDirectory(target.getParent());
                return;
            } catch (FileAlreadyExistsException e) {
                refuseDirectory(target);
                throw S3Exception.of(S3Error.PRECONDITION_FAILED);
            } catch (NoSuchFileException e) {
                // A concurrent delete removed a parent directory that had just become empty: create it again.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Fails early (before a body is streamed) if a parent of the key is a file or a symlink. */
    public void checkParents(Path bucketDir, Path target) {
        Path p = bucketDir;
        for (Path name : bucketDir.relativize(target.getParent() == null ? target : target.getParent())) {
            if (name.toString().isEmpty()) {
                break;
            }
            p = p.resolve(name);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return; // missing from here down: will be created
            }
            refuseNonDirectory(a, bucketDir.relativize(p).toString());
        }
    }

    /** Creates the missing parents of {@code target} below the bucket, refusing files and symlinks on the way. */
    public void ensureParents(Path bucketDir, Path target) throws IOException {
        Path p = bucketDir;
        for (Path name : bucketDir.relativize(target.getParent())) {
            if (name.toString().isEmpty()) {
                break;
            }
            p = p.resolve(name);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                continue; // the common case: look first, as a failed mkdir costs an exception
            }
            try {
                Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                refuseNonDirectory(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS),
                        bucketDir.relativize(p).toString());
            }
        }
    }

    private static void refuseNonDirectory(BasicFileAttributes a, String relative) {
        if (a.isSymbolicLink()) {
            throw S3Exception.of(S3Error.ACCESS_DENIED,
                    "The key's path crosses a symbolic link ('" + relative + "'), which fs3 does not write through.");
        }
        if (!a.isDirectory()) {
            throw S3Exception.of(S3Error.OBJECT_PARENT_IS_FILE,
                    "Object parent '" + relative + "' already exists as an object, so the key cannot be created under it.");
        }
    }

    /** A directory (folder object, or one holding objects) at the key's name is never replaced. */
    private static void refuseDirectory(Path target) {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw S3Exception.of(S3Error.EXISTING_OBJECT_IS_DIRECTORY);
        }
    }
}
