package io.fs3.storage.posix;

import com.google.common.util.concurrent.ThreadFactoryBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Frees the blocks of a large object that a publish replaces or a delete removes off the request path. When
 * rename(2) replaces a file, the kernel frees the old file's blocks inside the rename, and on a filesystem
 * mounted with {@code discard} that waits for the device to trim them (off-CPU, in {@code blkdev_issue_discard},
 * in most 64 MiB PUTs on the benchmark machine). With the old file first linked under a reclaim name in the
 * bucket's temp directory, the rename (or the delete's unlink) only drops a link count, and the last link goes
 * on a background thread. Readers see the old or the new object throughout, as before: the key's name only
 * ever changes by the one rename or unlink. A reclaim name left by a crash is an extra name of a replaced
 * file; the start-up temp sweep removes it.
 */
public final class Reclaimer {
    /** How reclaim names end (the start-up sweep removes them whatever their age). */
    public static final String SUFFIX = ".reclaim";
    /** Publishes and deletes up to this size change the name alone: a link and an unlink would cost more. */
    static final long DEFER_ABOVE = 1 << 20;
    private final AtomicWriter writer;
    private final Executor unlinker;

    /** One daemon thread with a bounded queue; when the queue is full the publishing thread unlinks. */
    public Reclaimer(AtomicWriter writer) {
        this(writer, new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                new ThreadFactoryBuilder().setNameFormat("fs3-reclaimer").setDaemon(true).build()));
    }

    Reclaimer(AtomicWriter writer, Executor unlinker) {
        this.writer = writer;
        this.unlinker = unlinker;
    }

    /**
     * Where {@code size} (of the publish, or of the file deleted) is large, links the file at {@code target} under
     * a fresh reclaim name in the bucket's temp directory and returns that name. Null where it is small (the
     * rename alone costs less than a link and an unlink) or nothing was linked (no old object, a directory there,
     * a filesystem without hard links): the rename then replaces the old object as it always did.
     */
    Path setAside(Path bucketDir, Path target, long size) {
        if (size <= DEFER_ABOVE) {
            return null;
        }
        Path fresh = writer.tempPath(bucketDir);
        Path reclaimName = fresh.resolveSibling(fresh.getFileName() + SUFFIX);
        try {
            Files.createLink(reclaimName, target);
            return reclaimName;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Unlinks {@code file}, {@code size} bytes long, leaving the freeing of a large one's blocks to the background. */
    void delete(Path bucketDir, Path file, long size) throws IOException {
        Path aside = setAside(bucketDir, file, size);
        try {
            Files.delete(file);
        } finally {
            release(aside);
        }
    }

    /**
     * Removes a reclaim name on the background thread (here, where its queue is full). Deliberately outside
     * {@link DirectoryLocks}: the unlink is where the kernel frees the blocks, which is the wait being moved.
     */
    void release(Path reclaimName) {
        if (reclaimName == null) {
            return;
        }
        try {
            unlinker.execute(() -> deleteQuietly(reclaimName));
        } catch (RejectedExecutionException e) {
            deleteQuietly(reclaimName);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the start-up temp sweep removes it
        }
    }
}
