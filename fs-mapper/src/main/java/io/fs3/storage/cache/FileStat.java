package io.fs3.storage.cache;

import io.fs3.storage.FileStamp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One stat of a path: the stamp (inode, size, mtime), ctime (which also moves when xattrs change, so a
 * metadata-only update by another writer is seen) and the file type. ctime is -1 where unknown.
 */
public record FileStat(FileStamp stamp, long ctimeNanos, boolean regularFile, boolean directory, Instant lastModified) {
    /** Stats {@code path} following symlinks. */
    public static FileStat of(Path path) throws IOException {
        return of(UnixStat.read(path));
    }

    /**
     * Stats {@code path} itself, not following a symlink at the leaf (lstat); null if it is absent or
     * unreadable. A symlink yields a stat that is neither a regular file nor a directory.
     */
    public static FileStat ofLinkOrNull(Path path) {
        try {
            return of(UnixStat.read(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return null;
        }
    }

    static FileStat of(UnixStat s) {
        return new FileStat(FileStamp.unix(s.dev(), s.ino(), s.size(), s.mtimeNanos()), s.ctimeNanos(),
                s.regularFile(), s.directory(), s.lastModified().toInstant());
    }

    /** From attributes a directory walk already read (no ctime available). */
    public static FileStat of(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return new FileStat(FileStamp.of(key == null ? "" : key.toString(), attrs.size(),
                attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)), -1, attrs.isRegularFile(), attrs.isDirectory(),
                attrs.lastModifiedTime().toInstant());
    }

    public static FileStat ofNoFollow(Path path) throws IOException {
        return of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }
}
