package io.fs3.storage.cache;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code stat}/{@code lstat} with what the cache checks need: device, inode, size, mtime, ctime and type.
 * The public {@link PosixFileAttributes} lacks device, inode and ctime; the JDK's own attributes object
 * behind it has them, and where {@code java.base} opens {@code sun.nio.fs} to fs3 (the server jar's manifest
 * says {@code Add-Opens}) they are read from it directly. Otherwise the {@code unix:} attribute map gives
 * the same values, at about 0.6 µs more per call (splitting the names, a set, a map, boxing: a fifth of a
 * cached GET's lstat, measured on the benchmark machine).
 */
public record UnixStat(long dev, long ino, long size, FileTime lastModified, long ctimeNanos, boolean regularFile,
                boolean directory) {
    private static final String UNIX_ATTRS = "unix:dev,ino,size,lastModifiedTime,ctime,mode";
    private static final int TYPE_MASK = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;
    private static final JdkAttributes JDK = JdkAttributes.find();

    public static UnixStat read(Path path, LinkOption... options) throws IOException {
        if (JDK != null) {
            PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, options);
            if (JDK.type() == a.getClass()) {
                return JDK.stat(a);
            }
        }
        return viaAttributeMap(path, options);
    }

    /** The same stat through the {@code unix:} attribute map, which needs no access to JDK internals. */
    static UnixStat viaAttributeMap(Path path, LinkOption... options) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, UNIX_ATTRS, options);
        int type = (Integer) a.get("mode") & TYPE_MASK;
        return new UnixStat((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                (FileTime) a.get("lastModifiedTime"), ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS),
                type == REGULAR, type == DIRECTORY);
    }

    /** Whether stats are read from the JDK's attributes object (false: through the attribute map). */
    static boolean readsJdkAttributes() {
        return JDK != null;
    }

    public long mtimeNanos() {
        return lastModified.to(TimeUnit.NANOSECONDS);
    }

    /** {@code sun.nio.fs.UnixFileAttributes} and its package-private dev(), ino() and ctime(). */
    private record JdkAttributes(Class<?> type, MethodHandle dev, MethodHandle ino, MethodHandle ctime) {
        static JdkAttributes find() {
            try {
                Class<?> type = Class.forName("sun.nio.fs.UnixFileAttributes");
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                MethodType asLong = MethodType.methodType(long.class, Object.class);
                return new JdkAttributes(type,
                        lookup.findVirtual(type, "dev", MethodType.methodType(long.class)).asType(asLong),
                        lookup.findVirtual(type, "ino", MethodType.methodType(long.class)).asType(asLong),
                        lookup.findVirtual(type, "ctime", MethodType.methodType(FileTime.class))
                                .asType(MethodType.methodType(FileTime.class, Object.class)));
            } catch (ReflectiveOperationException | RuntimeException notOpen) {
                return null; // not Linux/Unix, another JDK's internals, or sun.nio.fs not opened to fs3
            }
        }

        UnixStat stat(PosixFileAttributes a) {
            try {
                long dev = (long) dev().invokeExact((Object) a);
                long ino = (long) ino().invokeExact((Object) a);
                FileTime ctime = (FileTime) ctime().invokeExact((Object) a);
                return new UnixStat(dev, ino, a.size(), a.lastModifiedTime(), ctime.to(TimeUnit.NANOSECONDS),
                        a.isRegularFile(), a.isDirectory());
            } catch (Throwable t) {
                throw new IllegalStateException("reading the JDK's file attributes", t); // accessors that only return fields
            }
        }
    }
}
