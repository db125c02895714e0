package io.fs3.server.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    void aProbeStillRunningAfterAFewIntervalsCountsAsDown(@TempDir Path root) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hang = new AtomicBoolean();
        RootProbe probe = new RootProbe(root, ".fs3", Duration.ofSeconds(1), now::get, () -> {
            if (hang.get()) {
                entered.countDown();
                awaitQuietly(release); // a stat blocked on a hung hard mount
            }
            return new RootProbe.Status(true, "ok");
        });
        probe.check();
        hang.set(true);
        Thread hung = new Thread(probe::check);
        hung.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        now.addAndGet(Duration.ofSeconds(4).toNanos()); // within three intervals and two seconds: still up
        assertThat(probe.status().up()).isTrue();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(probe.status().up()).isFalse();
        assertThat(probe.status().detail()).contains("not responding");
        release.countDown();
        hung.join(10_000);
        assertThat(probe.status().up()).isTrue();
    }

    /** A process frozen for a while (SIGSTOP, a suspended VM) serves requests before its overdue probe runs. */
    @Test
    void anOverdueProbeWithNoneRunningKeepsTheLastOutcome(@TempDir Path root) throws Exception {
        Files.createDirectory(root.resolve(".fs3"));
        RootProbe probe = probe(root);
        probe.check();
        now.addAndGet(Duration.ofSeconds(60).toNanos()); // no probe for 60 intervals, none running
        assertThat(probe.status().up()).isTrue();
        Files.delete(root.resolve(".fs3")); // the next probe still sees what changed meanwhile
        probe.check();
        assertThat(probe.status().up()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
