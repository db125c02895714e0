package io.fs3.storage.posix;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryLocksTest {
    private final DirectoryLocks locks = new DirectoryLocks();

    @Test
    void changesInOneDirectoryNeverOverlap() throws Exception {
        Path dir = Path.of("/data/bucket/.fs3/tmp");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                done.add(pool.submit(() -> {
                    for (int n = 0; n < 200; n++) {
                        locks.inDirectory(dir, () -> {
                            if (inside.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void theChangesResultAndFailureComeBackAndTheLockIsReleased() throws Exception {
        Path dir = Path.of("/data/b/.fs3/tmp");
        assertThat(locks.inDirectory(dir, () -> "renamed")).isEqualTo("renamed");
        assertThatThrownBy(() -> locks.inDirectory(dir, () -> {
            throw new IOException("disk full");
        })).hasMessage("disk full");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThat(other.submit(() -> locks.inDirectory(dir, () -> "free again")).get()).isEqualTo("free again");
        } finally {
            other.shutdownNow();
        }
    }
}
