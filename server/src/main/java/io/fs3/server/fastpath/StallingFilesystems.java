package io.fs3.server.fastpath;

import io.fs3.config.IoThreadMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds served directories on filesystems whose calls may stall for a long time (network filesystems and
 * FUSE): on those, a read must not run on an I/O thread, where it would hold up every connection the
 * thread serves. Reads the mount table, so a network filesystem mounted <em>below</em> a served directory
 * (a bucket that is an NFS mount point) counts too.
 */
public final class StallingFilesystems {
    private static final Logger LOG = LoggerFactory.getLogger(StallingFilesystems.class);
    private static final Path MOUNTS = Path.of("/proc/self/mounts");
    private static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "ceph", "glusterfs",
            "lustre", "gpfs", "afs", "9p", "virtiofs", "beegfs", "orangefs", "ocfs2", "gfs2", "davfs", "ncpfs");

    private StallingFilesystems() {
    }

    /** Whether small reads run on the I/O thread under {@code mode}, for these served directories (logged). */
    public static boolean ioThreadReads(IoThreadMode mode, Collection<Path> servedDirs) {
        if (mode != IoThreadMode.AUTO) {
            return mode == IoThreadMode.ON;
        }
        Optional<String> stalling = find(servedDirs);
        stalling.ifPresent(m -> LOG.info("small reads run on worker threads: {} is a network or FUSE filesystem "
                + "(fs3.http.io-thread-reads=auto)", m));
        return stalling.isEmpty();
    }

    /**
     * Whether small PUTs are stored on the I/O thread under {@code mode}: with auto, only where small reads run
     * there (no stalling filesystem) and nothing waits on the device (no fsync).
     */
    public static boolean ioThreadWrites(IoThreadMode mode, boolean readsOnIoThread, boolean fsync) {
        if (mode != IoThreadMode.AUTO) {
            return mode == IoThreadMode.ON;
        }
        return readsOnIoThread && !fsync;
    }

    /** Whether a filesystem of this type (as in the mount table) may stall. */
    static boolean mayStall(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return NETWORK.contains(t) || t.equals("fuse") || t.startsWith("fuse.") || t.equals("fuseblk");
    }

    /** A mount that may stall on which, or below which, a served directory is ("point (type)"), if any. */
    static Optional<String> find(Collection<Path> servedDirs) {
        return find(servedDirs, MOUNTS);
    }

    static Optional<String> find(Collection<Path> servedDirs, Path mountTable) {
        List<Path> dirs = servedDirs.stream().map(StallingFilesystems::real).toList();
        if (Files.isReadable(mountTable)) {
            try (Stream<String> lines = Files.lines(mountTable)) {
                return lines.map(MountEntry::parse).filter(m -> m != null && mayStall(m.type()))
                        .filter(m -> dirs.stream().anyMatch(d -> d.startsWith(m.point()) || m.point().startsWith(d)))
                        .map(m -> m.point() + " (" + m.type() + ")").findFirst();
            } catch (IOException | RuntimeException unreadable) {
                // fall through to the per-directory check
            }
        }
        for (Path d : dirs) {
            try {
                String type = Files.getFileStore(d).type();
                if (mayStall(type)) {
                    return Optional.of(d + " (" + type + ")");
                }
            } catch (IOException missing) {
                // a directory that is not there yet reads nothing
            }
        }
        return Optional.empty();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException missing) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** One line of the mount table: "device mount-point type options dump pass", spaces escaped as \040. */
    record MountEntry(Path point, String type) {
        static MountEntry parse(String line) {
            String[] f = line.split(" ");
            if (f.length < 3) {
                return null;
            }
            return new MountEntry(Path.of(unescape(f[1])), f[2]);
        }

        private static String unescape(String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && isOctal(s, i + 1)) {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }

        private static boolean isOctal(String s, int from) {
            if (from + 3 > s.length()) {
                return false;
            }
            for (int i = from; i < from + 3; i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                    return false;
                }
            }
            return true;
        }
    }
}
