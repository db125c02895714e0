package io.fs3.server.identity;

import io.fs3.config.Fs3Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the users file lives and how it is read: it must be a regular file that only its owner can read or
 * write (it holds secrets), like ssh's private keys; anything else is refused with a message saying why.
 */
public final class UsersFile {
    static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private UsersFile() {
    }

    /**
     * {@code fs3.users.file}: absolute as given; relative to the configuration file's directory, or to
     * {@code ROOT/<reserved>/} when fs3 runs without a configuration file.
     */
    public static Path locate(Fs3Settings settings, Optional<Path> configFile) {
        Path name = Path.of(settings.users().file());
        if (name.isAbsolute()) {
            return name.normalize();
        }
        Path base = configFile.map(f -> f.toAbsolutePath().getParent())
                .orElse(settings.storage().root().toAbsolutePath().resolve(settings.storage().reservedDir()));
        return base.resolve(name).normalize();
    }

    /** The file's bytes; empty if there is no file. Throws UsersFileException if it is not owner-only. */
    public static Optional<byte[]> read(Path file) {
        try {
            requireOwnerOnly(file);
            return Optional.of(Files.readAllBytes(file)); // small: one line per user and two per key
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UsersFileException(List.of("cannot read " + file + ": " + e));
        }
    }

    /** Refuses a file that group or others may access, or that is not a regular file. */
    static void requireOwnerOnly(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new UsersFileException(List.of(file + " is not a regular file"));
        }
        Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        open.retainAll(GROUP_OR_OTHER);
        if (!open.isEmpty()) {
            throw new UsersFileException(List.of(file + " holds secret keys but its permissions let group or others "
                    + "access it; run: chmod 600 " + file));
        }
    }
}
