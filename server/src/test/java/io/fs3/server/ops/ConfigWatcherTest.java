package io.fs3.server.ops;

import io.fs3.config.Fs3Settings;
import io.fs3.config.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigWatcherTest {
    private final List<Fs3Settings> applied = new ArrayList<>();

    private ConfigWatcher watcher(Path file, Map<String, String> overrides) {
        return new ConfigWatcher(new ConfigSource(Optional.of(file), overrides), OpsRuntime::isLive, applied::add);
    }

    @Test
    void liveKeysAreAppliedAndRestartKeysReported(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("fs3.properties"), "fs3.http.port=9000\n");
        try (ConfigWatcher w = watcher(file, Map.of())) {
            assertThat(w.checkNow()).as("unchanged file").isEmpty();
            Files.writeString(file, "fs3.http.port=9100\nfs3.log.level=debug\nfs3.access-log.enabled=true\n");
            ConfigWatcher.Report report = w.checkNow().orElseThrow();
            assertThat(report.applied()).containsExactlyInAnyOrder("fs3.log.level", "fs3.access-log.enabled");
            assertThat(report.restartNeeded()).containsExactly("fs3.http.port");
            assertThat(report.rejected()).isEmpty();
            assertThat(applied).hasSize(1);
            assertThat(applied.get(0).observability().logLevel()).isEqualTo(LogLevel.DEBUG);
            assertThat(applied.get(0).observability().accessLog().enabled()).isTrue();
            assertThat(w.lastReport()).contains(report);
        }
    }

    @Test
    void aBrokenEditIsRejectedAndTheLastGoodConfigurationStays(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("fs3.properties"), "fs3.log.level=info\n");
        try (ConfigWatcher w = watcher(file, Map.of())) {
            Files.writeString(file, "fs3.log.level=loud\nfs3.acess-log.enabled=true\n");
            ConfigWatcher.Report rejected = w.checkNow().orElseThrow();
            assertThat(rejected.rejected()).hasValueSatisfying(problems -> assertThat(problems)
                    .contains("fs3.log.level").contains("did you mean 'fs3.access-log.enabled'"));
            assertThat(applied).isEmpty();

            Files.writeString(file, "fs3.log.level=warn\n");
            ConfigWatcher.Report fixed = w.checkNow().orElseThrow();
            assertThat(fixed.applied()).containsExactly("fs3.log.level");
            assertThat(applied).singleElement().extracting(s -> s.observability().logLevel()).isEqualTo(LogLevel.WARN);
        }
    }

    @Test
    void commandLineOverridesKeepWinning(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("fs3.properties"), "fs3.http.port=9000\n");
        try (ConfigWatcher w = watcher(file, Map.of("fs3.http.port", "7000"))) {
            Files.writeString(file, "fs3.http.port=9100\n");
            ConfigWatcher.Report report = w.checkNow().orElseThrow();
            assertThat(report.restartNeeded()).isEmpty();
            assertThat(applied.get(0).server().port()).isEqualTo(7000);
        }
    }

    @Test
    void aDeletedFileKeepsTheLastGoodConfiguration(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("fs3.properties"), "fs3.log.level=info\n");
        try (ConfigWatcher w = watcher(file, Map.of())) {
            Files.delete(file);
            assertThat(w.checkNow()).isEmpty();
            assertThat(applied).isEmpty();
        }
    }
}
