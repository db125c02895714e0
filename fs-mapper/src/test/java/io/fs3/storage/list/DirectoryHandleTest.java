package io.fs3.storage.list;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryHandleTest {
    @TempDir
    Path dir;

    @Test
    void statsEntriesByNameWithAndWithoutFollowingLinks() throws IOException {
        Files.writeString(dir.resolve("file"), "12345");
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("file"));
        try (DirectoryHandle handle = new DirectoryHandle(dir)) {
            BasicFileAttributes file = handle.attributes(Path.of("file"), false);
            assertThat(file.isRegularFile()).isTrue();
            assertThat(file.size()).isEqualTo(5);
            assertThat(handle.attributes(Path.of("sub"), false).isDirectory()).isTrue();
            assertThat(handle.attributes(Path.of("link"), false).isSymbolicLink()).isTrue();
            assertThat(handle.attributes(Path.of("link"), true).size()).isEqualTo(5);
            assertThatThrownBy(() -> handle.attributes(Path.of("missing"), false)).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void keepsStattingTheDirectoryItOpenedAndFallsBackToPathsOnceClosed() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Files.writeString(a.resolve("x"), "old");
        DirectoryHandle handle = new DirectoryHandle(a);
        assertThat(handle.attributes(Path.of("x"), false).size()).isEqualTo(3);
        // another program renames the directory away and puts a new one in its place
        Files.move(a, dir.resolve("a-moved"));
        Files.createDirectory(a);
        Files.writeString(a.resolve("x"), "newer");
        assertThat(handle.attributes(Path.of("x"), false).size()).as("still the directory being listed").isEqualTo(3);
        handle.close();
        assertThat(handle.attributes(Path.of("x"), false).size()).as("by path after close").isEqualTo(5);
    }

    @Test
    void aDirectoryThatCannotBeOpenedIsStattedByPath() {
        DirectoryHandle handle = new DirectoryHandle(dir.resolve("gone"));
        assertThatThrownBy(() -> handle.attributes(Path.of("x"), false)).isInstanceOf(NoSuchFileException.class);
        handle.close();
    }
}
