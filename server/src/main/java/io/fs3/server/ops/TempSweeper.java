package io.fs3.server.ops;

import io.fs3.storage.posix.Reclaimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Collection;

/**
 * Removes upload temp files a previous run left in {@code <bucket>/<reserved>/tmp/} (a crash, a kill -9).
 * Only files not modified since {@code cutoff} go: callers pass the process start minus the idle timeout, and
 * an upload in flight in another fs3 instance on the same tree writes at least once per idle timeout, so its
 * temp file is never taken. Reclaim names ({@link Reclaimer}) go whatever their age: each is an extra name of a
 * replaced object, and one taken from an instance that is still using it only makes that instance's rename free
 * the old bytes itself.
 */
public final class TempSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(TempSweeper.class);
    /** The temp directory's name inside the reserved directory (see AtomicWriter). */
    static final String TMP = "tmp";

    private TempSweeper() {
    }

    /** Sweeps the root's buckets and the configured bucket directories elsewhere; returns the files removed. */
    public static int sweep(Path root, Collection<Path> bucketPaths, String reservedDir, Instant cutoff) {
        int removed = 0;
        try (DirectoryStream<Path> buckets = Files.newDirectoryStream(root)) {
            for (Path bucket : buckets) {
                if (!bucket.getFileName().toString().startsWith(".")) {
                    removed += sweepDir(bucket.resolve(reservedDir).resolve(TMP), cutoff);
                }
            }
        } catch (IOException e) {
            LOG.warn("temp sweep: cannot list {}: {}", root, e.toString());
        }
        for (Path bucket : bucketPaths) {
            if (!root.equals(bucket.getParent())) { // those under the root were swept above
                removed += sweepDir(bucket.resolve(reservedDir).resolve(TMP), cutoff);
            }
        }
        if (removed > 0) {
            LOG.info("temp sweep: removed {} temp files left by an earlier run", removed);
        }
        return removed;
    }

    private static int sweepDir(Path tmp, Instant cutoff) {
        if (!Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
            for (Path f : files) {
                removed += removeIfStale(f, cutoff) ? 1 : 0;
            }
        } catch (IOException e) {
            LOG.warn("temp sweep: {}: {}", tmp, e.toString());
        }
        return removed;
    }

    private static boolean removeIfStale(Path f, Instant cutoff) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean stale = a.lastModifiedTime().toInstant().isBefore(cutoff)
                    || f.getFileName().toString().endsWith(Reclaimer.SUFFIX);
            return a.isRegularFile() && stale && Files.deleteIfExists(f);
        } catch (IOException e) {
            return false; // gone meanwhile, or not ours to judge: the next start tries again
        }
    }
}
