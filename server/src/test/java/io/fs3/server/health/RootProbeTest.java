package io.fs3.server.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RootProbeTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RootProbe probe(Path root) {
        return new RootProbe(root, ".fs3", Duration.ofSeconds(1), now::get);
    }

    @Test
    void rootHoldingTheStateDirectoryIsUp(@TempDir Path root) throws Exception {
        Files.createDirectory(root.resolve(".fs3"));
        assertThat(probe(root).check().up()).isTrue();
    }

    @Test
    void missingRootOrMissingStateDirectoryIsDown(@TempDir Path tmp) throws Exception {
        assertThat(probe(tmp.resolve("gone")).check()).extracting(RootProbe.Status::up).isEqualTo(false);
        RootProbe.Status bare = probe(tmp).check();
        assertThat(bare.up()).isFalse();
        assertThat(bare.detail()).contains("state directory").doesNotContain(tmp.toString());
    }

    @Test
    void aProbeThatStopsReportingCountsAsDown(@TempDir Path root) throws Exception {
        Files.createDirectory(root.resolve(".fs3"));
        RootProbe probe = probe(root);
        probe.check();
        assertThat(probe.status().up()).isTrue();
        now.addAndGet(Duration.ofSeconds(10).toNanos()); // no probe finished for 10 intervals (hung mount)
        assertThat(probe.status().up()).isFalse();
        assertThat(probe.status().detail()).contains("not responding");
        probe.check();
        assertThat(probe.status().up()).isTrue();
    }
}
