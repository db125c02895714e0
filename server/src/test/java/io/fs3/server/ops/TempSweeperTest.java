package io.fs3.server.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TempSweeperTest {
    @Test
    void onlyTempFilesUntouchedSinceTheCutoffAreRemoved(@TempDir Path root) throws Exception {
        Path tmp = Files.createDirectories(root.resolve("bucket/.fs3/tmp"));
        Instant cutoff = Instant.now().minus(Duration.ofMinutes(1));
        Path stale = Files.writeString(tmp.resolve("stale"), "left by a crash");
        Files.setLastModifiedTime(stale, FileTime.from(cutoff.minus(Duration.ofHours(1))));
        Path live = Files.writeString(tmp.resolve("live"), "another instance is writing this");
        Path object = Files.writeString(root.resolve("bucket/old-object"), "data");
        Files.setLastModifiedTime(object, FileTime.from(cutoff.minus(Duration.ofDays(9))));
        Path hidden = Files.createDirectories(root.resolve(".fs3/tmp"));
        Path state = Files.writeString(hidden.resolve("x"), "server state is not a bucket");
        Files.setLastModifiedTime(state, FileTime.from(cutoff.minus(Duration.ofDays(9))));

        assertThat(TempSweeper.sweep(root, List.of(), ".fs3", cutoff)).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(object).exists();
        assertThat(state).exists();
    }

    @Test
    void reclaimNamesGoWhateverTheirAge(@TempDir Path root) throws Exception {
        Path tmp = Files.createDirectories(root.resolve("bucket/.fs3/tmp"));
        Path object = Files.writeString(root.resolve("bucket/big"), "replaced object");
        Path reclaim = Files.createLink(tmp.resolve("0123abcd.reclaim"), object); // mtime: just now

        assertThat(TempSweeper.sweep(root, List.of(), ".fs3", Instant.now().minus(Duration.ofMinutes(1)))).isEqualTo(1);
        assertThat(reclaim).doesNotExist();
        assertThat(object).hasContent("replaced object");
    }

    @Test
    void configuredBucketDirectoriesElsewhereAreSweptToo(@TempDir Path root, @TempDir Path elsewhere) throws Exception {
        Path tmp = Files.createDirectories(elsewhere.resolve("data/.fs3/tmp"));
        Path object = Files.writeString(elsewhere.resolve("data/big"), "replaced object");
        Path reclaim = Files.createLink(tmp.resolve("77.reclaim"), object);
        Path stale = Files.writeString(tmp.resolve("stale"), "left by a crash");
        Instant cutoff = Instant.now().minus(Duration.ofMinutes(1));
        Files.setLastModifiedTime(stale, FileTime.from(cutoff.minus(Duration.ofHours(1))));

        assertThat(TempSweeper.sweep(root, List.of(elsewhere.resolve("data")), ".fs3", cutoff)).isEqualTo(2);
        assertThat(reclaim).doesNotExist();
        assertThat(stale).doesNotExist();
        assertThat(object).hasContent("replaced object");
    }
}
