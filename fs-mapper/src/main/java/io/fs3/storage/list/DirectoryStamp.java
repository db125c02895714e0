package io.fs3.storage.list;

import io.fs3.storage.cache.UnixStat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What a directory's stat says about its entry list: identity (device and inode) plus mtime and
 * ctime. Adding, removing or renaming an entry changes mtime and ctime; a tool that restores mtime
 * afterwards (rsync -t, tar) still changes ctime. Equal stamps mean the cached entry list is current.
 */
record DirectoryStamp(Object identity, long mtimeNanos, long ctimeNanos) {
    /**
     * Reads the stamp without following links.
     *
     * @throws NotDirectoryException if {@code dir} is not a real directory (a file, or a link to one)
     */
    static DirectoryStamp read(Path dir) throws IOException {
        try {
            UnixStat s = UnixStat.read(dir, LinkOption.NOFOLLOW_LINKS);
            if (!s.directory()) {
                throw new NotDirectoryException(dir.toString());
            }
            return new DirectoryStamp(s.dev() + ":" + s.ino(), s.mtimeNanos(), s.ctimeNanos());
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory()) {
                throw new NotDirectoryException(dir.toString());
            }
            return new DirectoryStamp(a.fileKey(), nanos(a.lastModifiedTime()), nanos(a.creationTime()));
        }
    }

    /**
     * True if the directory changed within {@code window} before {@code scanStart}. Filesystem clocks are
     * coarse (one kernel tick, or a whole second on some filesystems), so a change made right after a
     * scan can carry the same timestamp as the scanned state; such snapshots must not be cached.
     */
    boolean changedSince(Instant scanStart, Duration window) {
        long limit = TimeUnit.SECONDS.toNanos(scanStart.getEpochSecond()) + scanStart.getNano() - window.toNanos();
        return Math.max(mtimeNanos, ctimeNanos) >= limit;
    }

    private static long nanos(FileTime t) {
        return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
    }
}
