package io.fs3.server.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RotatingFileTest {
    @Test
    void rotatesBySizeAndKeepsABoundedNumberOfFiles(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("logs/access.log");
        try (RotatingFile file = new RotatingFile(log, 100, 2)) {
            for (int i = 0; i < 20; i++) {
                file.writeLine("line-%02d-padding-padding-pad".formatted(i)); // 30 bytes with newline
            }
        }
        assertThat(Files.readString(log)).endsWith("line-19-padding-padding-pad\n");
        assertThat(Files.readString(dir.resolve("logs/access.log.1"))).contains("line-17").doesNotContain("line-19");
        assertThat(dir.resolve("logs/access.log.2")).exists();
        assertThat(dir.resolve("logs/access.log.3")).doesNotExist();
        for (String name : new String[] {"access.log", "access.log.1", "access.log.2"}) {
            assertThat(Files.size(dir.resolve("logs").resolve(name))).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void reopeningAppendsToTheExistingFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("a.log");
        try (RotatingFile file = new RotatingFile(log, 1000, 3)) {
            file.writeLine("first");
        }
        try (RotatingFile file = new RotatingFile(log, 1000, 3)) {
            file.writeLine("second");
        }
        assertThat(Files.readAllLines(log)).containsExactly("first", "second");
    }
}
