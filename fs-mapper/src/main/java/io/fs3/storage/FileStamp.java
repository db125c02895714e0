package io.fs3.storage;

import java.util.Objects;

/**
 * Identity of one version of a file as the filesystem reports it: inode (with device), size and
 * modification time. A change of any means the bytes may have changed.
 *
 * <p>The file key is Java's, {@code (dev=<hex>,ino=<decimal>)} on Unix. It is held as two longs and
 * rendered on demand: the metadata cache keeps a stamp per cached object, and the string form would
 * cost it ~50 bytes more each. A key of any other form is kept as given.
 */
public final class FileStamp {
    private static final String DEV = "(dev=";
    private static final String INO = ",ino=";

    private final long dev;
    private final long ino;
    /** The key as given when it is not the Unix form, else null. */
    private final String otherKey;
    private final long size;
    private final long mtimeNanos;

    private FileStamp(long dev, long ino, String otherKey, long size, long mtimeNanos) {
        this.dev = dev;
        this.ino = ino;
        this.otherKey = otherKey;
        this.size = size;
        this.mtimeNanos = mtimeNanos;
    }

    /** A stamp from a file key in any form; {@link #fileKey()} gives it back unchanged. */
    public static FileStamp of(String fileKey, long size, long mtimeNanos) {
        int comma = fileKey.indexOf(INO);
        int end = fileKey.length() - 1;
        if (fileKey.startsWith(DEV) && fileKey.endsWith(")") && comma > 0
                && canonical(fileKey, DEV.length(), comma, true) && canonical(fileKey, comma + INO.length(), end, false)) {
            try {
                return unix(Long.parseUnsignedLong(fileKey, DEV.length(), comma, 16),
                        Long.parseLong(fileKey, comma + INO.length(), end, 10), size, mtimeNanos);
            } catch (NumberFormatException tooLong) {
                // kept as given below
            }
        }
        return new FileStamp(0, 0, fileKey, size, mtimeNanos);
    }

    /** The stamp of a file on a Unix filesystem, from its device and inode numbers. */
    public static FileStamp unix(long dev, long ino, long size, long mtimeNanos) {
        return new FileStamp(dev, ino, null, size, mtimeNanos);
    }

    /** The file key as Java renders it: {@code (dev=<hex>,ino=<decimal>)} on Unix. */
    public String fileKey() {
        return otherKey != null ? otherKey : DEV + Long.toHexString(dev) + INO + ino + ")";
    }

    /** True if the key is a Unix (device, inode) pair, given by {@link #dev()} and {@link #ino()}. */
    public boolean isUnix() {
        return otherKey == null;
    }

    /** The device number of a Unix key (0 for any other key). */
    public long dev() {
        return dev;
    }

    /** The inode number of a Unix key (0 for any other key). */
    public long ino() {
        return ino;
    }

    public long size() {
        return size;
    }

    public long mtimeNanos() {
        return mtimeNanos;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileStamp s && dev == s.dev && ino == s.ino && size == s.size
                && mtimeNanos == s.mtimeNanos && Objects.equals(otherKey, s.otherKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dev, ino, otherKey, size, mtimeNanos);
    }

    @Override
    public String toString() {
        return "FileStamp[fileKey=" + fileKey() + ", size=" + size + ", mtimeNanos=" + mtimeNanos + "]";
    }

    /**
     * True if {@code s[from, to)} is a number as {@link Long#toHexString} (hex) or {@link Long#toString}
     * (decimal) prints one, so that rendering the parsed value gives back the same text.
     */
    private static boolean canonical(String s, int from, int to, boolean hex) {
        int i = from;
        if (!hex && i < to && s.charAt(i) == '-') {
            i++;
            if (i < to && s.charAt(i) == '0') {
                return false; // "-0"
            }
        }
        if (i >= to || (s.charAt(i) == '0' && to - i > 1)) {
            return false; // empty, or a leading zero
        }
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || hex && c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
