package io.fs3.storage.cache;

import io.fs3.storage.FileStamp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One stat of a path: the stamp (inode, size, mtime), ctime (which also moves when xattrs change, so a
 * metadata-only update by another writer is seen) and the file type. ctime is -1 where unknown.
 */
public record FileStat(FileStamp stamp, long ctimeNanos, boolean regularFile, boolean directory, Instant lastModified) {
    private static final String UNIX_ATTRS = "unix:dev,ino,size,lastModifiedTime,ctime,mode";

    /** Stats {@code path} following symlinks. */
    public static FileStat of(Path path) throws IOException {
        return of(Files.readAttributes(path, UNIX_ATTRS));
    }

    /**
     * Stats {@code path} itself, not following a symlink at the leaf (lstat); null if it is absent or
     * unreadable. A symlink yields a stat that is neither a regular file nor a directory.
     */
    public static FileStat ofLinkOrNull(Path path) {
        try {
            return of(Files.readAttributes(path, UNIX_ATTRS, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return null;
        }
    }

    private static FileStat of(Map<String, Object> a) {
        int mode = (Integer) a.get("mode");
        FileTime mtime = (FileTime) a.get("lastModifiedTime");
        FileTime ctime = (FileTime) a.get("ctime");
        int type = mode & 0170000;
        FileStamp stamp = FileStamp.unix((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                mtime.to(TimeUnit.NANOSECONDS));
        return new FileStat(stamp,
                ctime.to(TimeUnit.NANOSECONDS), type == 0100000, type == 0040000, mtime.toInstant());
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
