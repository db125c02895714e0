package io.fs3.storage.posix;

import io.fs3.config.CacheSettings;
import io.fs3.config.MetadataMode;
import io.fs3.config.StorageSettings;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.OpenObject;
import io.fs3.storage.cache.MemoryFileChannel;
import io.fs3.storage.cache.SmallObjectCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Small objects read once are served from memory while their stat is unchanged, and every kind of change by
 * another program (in place with the same size and mtime, a replacement, a recent change) is read afresh.
 */
class SmallObjectReadTest {
    @TempDir
    Path root;

    private PosixBackend backend(Duration changeWindow, long maxBytes) throws IOException {
        Files.createDirectories(root.resolve("b"));
        return PosixBackend.open(new StorageSettings(root, false, MetadataMode.AUTO, ".fs3"),
                new CacheSettings(1000, 100_000, Duration.ZERO, changeWindow, maxBytes));
    }

    /** Written by "another program", and old enough for a zero change window. */
    private Path write(String key, String content) throws Exception {
        Path file = Files.writeString(root.resolve("b").resolve(key), content);
        Thread.sleep(20);
        return file;
    }

    private static OpenObject open(PosixBackend backend, String key) {
        return backend.objects().open(BucketName.of("b"), ObjectKey.of(key));
    }

    private static String read(OpenObject open) throws IOException {
        try (open) {
            ByteBuffer buf = ByteBuffer.allocate((int) open.metadata().size());
            while (buf.hasRemaining() && open.channel().read(buf, buf.position()) >= 0) {
                // positional reads until full
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSmallObjectReadOnceIsServedFromMemory() throws Exception {
        PosixBackend backend = backend(Duration.ZERO, 1 << 20);
        write("k.txt", "small object");
        assertThat(read(open(backend, "k.txt"))).isEqualTo("small object");
        OpenObject again = open(backend, "k.txt");
        assertThat(again.channel()).isInstanceOf(MemoryFileChannel.class);
        assertThat(again.metadata().size()).isEqualTo(12);
        assertThat(read(again)).isEqualTo("small object");
    }

    @Test
    void anInPlaceRewriteWithTheSameSizeAndMtimeIsReadAfresh() throws Exception {
        PosixBackend backend = backend(Duration.ZERO, 1 << 20);
        Path file = write("k.txt", "aaaa");
        FileTime mtime = Files.getLastModifiedTime(file);
        Object inode = Files.readAttributes(file, "unix:ino").get("ino");
        read(open(backend, "k.txt"));
        assertThat(open(backend, "k.txt").channel()).isInstanceOf(MemoryFileChannel.class);

        Files.writeString(file, "bbbb", StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(file, mtime); // as `touch -d` or rsync --inplace -t would leave it
        assertThat(Files.readAttributes(file, "unix:ino").get("ino")).isEqualTo(inode);
        assertThat(Files.size(file)).isEqualTo(4);
        // a HEAD first: the metadata cache then holds the new stat, and only the kept bytes' own check is left
        assertThat(backend.objects().head(BucketName.of("b"), ObjectKey.of("k.txt")).size()).isEqualTo(4);
        assertThat(read(open(backend, "k.txt"))).as("only ctime moved").isEqualTo("bbbb");
    }

    @Test
    void aReplacedFileIsReadAfresh() throws Exception {
        PosixBackend backend = backend(Duration.ZERO, 1 << 20);
        write("k.txt", "old!");
        read(open(backend, "k.txt"));
        read(open(backend, "k.txt"));
        Path temp = Files.writeString(root.resolve("b/.new"), "new!");
        Files.move(temp, root.resolve("b/k.txt"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(read(open(backend, "k.txt"))).isEqualTo("new!");
    }

    @Test
    void aFileChangedWithinTheChangeWindowIsNotKept() throws Exception {
        PosixBackend backend = backend(Duration.ofHours(1), 1 << 20);
        write("k.txt", "recent");
        read(open(backend, "k.txt"));
        OpenObject again = open(backend, "k.txt");
        assertThat(again.channel()).isNotInstanceOf(MemoryFileChannel.class);
        assertThat(read(again)).isEqualTo("recent");
    }

    @Test
    void largeObjectsAndADisabledCacheReadTheFile() throws Exception {
        PosixBackend backend = backend(Duration.ZERO, 1 << 20);
        write("big.bin", "x".repeat(SmallObjectCache.MAX_OBJECT_BYTES + 1));
        read(open(backend, "big.bin"));
        assertThat(open(backend, "big.bin").channel()).isNotInstanceOf(MemoryFileChannel.class);

        PosixBackend off = backend(Duration.ZERO, 0);
        write("k.txt", "small");
        read(open(off, "k.txt"));
        OpenObject again = open(off, "k.txt");
        assertThat(again.channel()).isInstanceOf(FileChannel.class).isNotInstanceOf(MemoryFileChannel.class);
        assertThat(read(again)).isEqualTo("small");
    }

    @Test
    void aDeletedObjectIsGoneEvenWhenItsBytesWereKept() throws Exception {
        PosixBackend backend = backend(Duration.ZERO, 1 << 20);
        Path file = write("k.txt", "soon gone");
        read(open(backend, "k.txt"));
        Files.delete(file);
        assertThatThrownBy(() -> open(backend, "k.txt")).isInstanceOf(S3Exception.class);
    }

    /** A backend that has kept the bytes of {@code d/k.txt} ("inside"), read once through the bucket. */
    private PosixBackend keptInADirectory() throws Exception {
        PosixBackend backend = backend(Duration.ZERO, 1 << 20);
        Files.createDirectories(root.resolve("b/d"));
        write("d/k.txt", "inside");
        read(open(backend, "d/k.txt"));
        assertThat(open(backend, "d/k.txt").channel()).isInstanceOf(MemoryFileChannel.class);
        return backend;
    }

    private static void assertNoSuchKey(PosixBackend backend, String key) {
        assertThatThrownBy(() -> read(open(backend, key))).isInstanceOf(S3Exception.class)
                .extracting(e -> ((S3Exception) e).error()).isEqualTo(S3Error.NO_SUCH_KEY);
    }

    @Test
    void aDirectoryReplacedByALinkOutOfTheBucketServesNothingFromOutside() throws Exception {
        PosixBackend backend = keptInADirectory();

        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("k.txt"), "secret");
        Files.move(root.resolve("b/d"), root.resolve("moved"));
        Files.createSymbolicLink(root.resolve("b/d"), outside);
        assertNoSuchKey(backend, "d/k.txt");
    }

    @Test
    void aKeptFileMovedOutOfTheBucketIsRefusedOnceItChanges() throws Exception {
        PosixBackend backend = keptInADirectory();
        Path moved = Files.move(root.resolve("b/d"), root.resolve("moved"));
        Files.createSymbolicLink(root.resolve("b/d"), moved);
        // the very same unchanged file: what is served is the bytes read while it was in the bucket
        assertThat(read(open(backend, "d/k.txt"))).isEqualTo("inside");

        Files.writeString(moved.resolve("k.txt"), "edited outside", StandardOpenOption.APPEND);
        assertNoSuchKey(backend, "d/k.txt");
    }
}
