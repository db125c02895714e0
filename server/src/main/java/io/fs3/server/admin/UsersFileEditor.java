package io.fs3.server.admin;

import io.fs3.server.identity.UserTable;
import io.fs3.server.identity.UsersFile;
import io.fs3.server.identity.UsersFileFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Read-modify-write of the users file, safe against concurrent editors: an exclusive lock on a sibling
 * {@code .lock} file serialises admin commands (in any process), and the new content goes to an owner-only
 * temp file that is fsynced and renamed over the old one, so the server only ever reads a whole file.
 */
public final class UsersFileEditor {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private final Path file;
    private final Duration lockTimeout;

    public UsersFileEditor(Path file, Duration lockTimeout) {
        this.file = file.toAbsolutePath().normalize();
        this.lockTimeout = lockTimeout;
    }

    public Path file() {
        return file;
    }

    /** The current table (empty without a file); UsersFileException if the file is unusable. */
    public UserTable read() {
        return UsersFile.read(file).map(b -> b.length == 0 ? UserTable.EMPTY : UsersFileFormat.parse(b))
                .orElse(UserTable.EMPTY);
    }

    /** Applies {@code change} to the current table under the lock and publishes the result; returns it. */
    public UserTable edit(UnaryOperator<UserTable> change) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Path lockPath = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = openLockFile(lockPath); FileLock lock = acquire(channel)) {
            UserTable next = change.apply(read());
            publish(UsersFileFormat.format(next));
            return next;
        }
    }

    private static FileChannel openLockFile(Path lockPath) throws IOException {
        try {
            return FileChannel.open(lockPath, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return FileChannel.open(lockPath, StandardOpenOption.WRITE);
        }
    }

    /** Blocks for the lock; another thread of this JVM holding it shows as OverlappingFileLockException. */
    private FileLock acquire(FileChannel channel) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // held by another thread of this process: wait like for another process
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("timed out waiting for the lock on " + channel + " (another admin command running?)");
            }
            Thread.sleep(20);
        }
    }

    private void publish(String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    OWNER_ONLY)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true); // the rename itself survives a crash
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
