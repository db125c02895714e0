package io.fs3.multipart.posix;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.fs3.multipart.UploadId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The background sweep, at start and then every interval, over every bucket: aborts uploads initiated
 * longer ago than the expiry (as an S3 lifecycle rule would) and removes the claimed directories of
 * completes whose process died (their lock is free) and of interrupted aborts. One log line and Micrometer
 * counters per sweep; a gauge of open uploads. (Upload temp files in the reserved tmp directory are the
 * server's start-up temp sweep's.)
 */
public final class StagingJanitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StagingJanitor.class);
    private final Path root;
    private final StagingLayout layout;
    private final Duration expiry;
    private final Duration interval;
    private final Clock clock;
    private final Counter expired;
    private final Counter orphans;
    private final Counter sweeps;
    private final AtomicLong open;
    private final ScheduledExecutorService scheduler;

    /** What one sweep found and did. */
    public record Sweep(int buckets, int openUploads, int expired, int orphans) {
    }

    StagingJanitor(Path root, StagingLayout layout, Duration expiry, Duration interval, Clock clock, MeterRegistry registry) {
        this.root = root;
        this.layout = layout;
        this.expiry = expiry;
        this.interval = interval;
        this.clock = clock;
        this.expired = Counter.builder("fs3.multipart.sweep.expired")
                .description("Uploads aborted by the sweep because they were older than fs3.multipart.expiry").register(registry);
        this.orphans = Counter.builder("fs3.multipart.sweep.orphans")
                .description("Staging directories of interrupted completes and aborts removed by the sweep").register(registry);
        this.sweeps = Counter.builder("fs3.multipart.sweeps").description("Multipart sweeps run").register(registry);
        this.open = registry.gauge("fs3.multipart.uploads.open", new AtomicLong());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                new ThreadFactoryBuilder().setNameFormat("fs3-multipart-janitor").setDaemon(true).build());
    }

    /** Sweeps now (so a crash's leftovers are gone before the first request) and then every interval. */
    public void start() {
        sweepLogged();
        scheduler.scheduleWithFixedDelay(this::sweepLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Sweep sweep() throws IOException {
        Tally tally = new Tally();
        Instant oldest = clock.instant().minus(expiry);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path bucketDir : dirs) {
                if (!bucketDir.getFileName().toString().startsWith(".") && Files.isDirectory(bucketDir)) {
                    tally.buckets++;
                    sweepStaging(bucketDir, oldest, tally);
                }
            }
        }
        Sweep s = new Sweep(tally.buckets, tally.open, tally.expired, tally.orphans);
        open.set(s.openUploads());
        expired.increment(s.expired());
        orphans.increment(s.orphans());
        sweeps.increment();
        return s;
    }

    private void sweepLogged() {
        long start = System.nanoTime();
        try {
            Sweep s = sweep();
            LOG.info("multipart sweep buckets={} open_uploads={} expired={} orphans={} duration_ms={}",
                    s.buckets(), s.openUploads(), s.expired(), s.orphans(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("multipart sweep_failed error={}", e.toString());
        }
    }

    private void sweepStaging(Path bucketDir, Instant oldest, Tally tally) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.root(bucketDir))) {
            for (Path dir : entries) {
                try {
                    sweepEntry(bucketDir, dir, oldest, tally);
                } catch (IOException e) {
                    LOG.debug("multipart sweep_skipped dir={} error={}", dir, e.toString()); // vanished meanwhile
                }
            }
        } catch (NoSuchFileException e) {
            // no upload was ever started in this bucket
        }
    }

    private void sweepEntry(Path bucketDir, Path dir, Instant oldest, Tally tally) throws IOException {
        String name = dir.getFileName().toString();
        Optional<UploadId> openId = layout.idOf(name, "");
        if (openId.isPresent()) {
            if (initiated(dir).isBefore(oldest) && Trees.discard(dir, layout.aborting(bucketDir, openId.get()))) {
                tally.expired++;
            } else {
                tally.open++;
            }
        } else if ((layout.idOf(name, StagingLayout.COMPLETING).isPresent() && abandoned(dir))
                || layout.idOf(name, StagingLayout.ABORTING).isPresent()) {
            Trees.delete(dir);
            tally.orphans++;
        }
    }

    private static Instant initiated(Path dir) throws IOException {
        Optional<Manifest> m = Manifest.read(dir);
        return m.isPresent() ? m.get().initiated() : Files.getLastModifiedTime(dir).toInstant();
    }

    /** A claimed upload whose claimer is gone: not held in this JVM, and its lock file can be locked. */
    private static boolean abandoned(Path completing) {
        if (Claim.heldHere(completing)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(completing.resolve(StagingLayout.LOCK), StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            return lock != null;
        } catch (NoSuchFileException e) {
            return true; // finished or given back meanwhile: deleting a missing path does nothing
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    private static final class Tally {
        private int buckets;
        private int open;
        private int expired;
        private int orphans;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
