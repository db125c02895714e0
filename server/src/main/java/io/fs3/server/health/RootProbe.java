package io.fs3.server.health;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Checks the storage root every interval, off the request path, so readiness costs requests nothing. The root
 * is usable when it is a directory that still holds fs3's state directory (a vanished NFS mount leaves the
 * empty mount point behind, which does not) and is writable (access(2) reports EROFS even to root). A probe
 * that has not finished for a few intervals (a hung hard mount blocks stat) counts as down.
 */
public final class RootProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RootProbe.class);

    /** The outcome of one probe; {@code detail} is safe to show unauthenticated clients (no paths). */
    public record Status(boolean up, String detail) {
        static final Status OK = new Status(true, "ok");
    }

    private final Path root;
    private final Path stateDir;
    private final Duration interval;
    /** A probe older than this (three intervals and two seconds) counts as stuck; computed once, read per request. */
    private final long staleAfterNanos;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService executor;
    private volatile Status last = new Status(false, "storage root not checked yet");
    private volatile long lastCheckedNanos; // 0 until the first probe

    public RootProbe(Path root, String reservedDir, Duration interval, LongSupplier nanoTime) {
        this.root = Objects.requireNonNull(root, "root");
        this.stateDir = root.resolve(reservedDir);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.staleAfterNanos = interval.multipliedBy(3).plusSeconds(2).toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.executor = Executors.newSingleThreadScheduledExecutor(
                new ThreadFactoryBuilder().setNameFormat("fs3-root-probe").setDaemon(true).build());
    }

    /** Probes once now, then every interval in the background. */
    public void start() {
        check();
        long ms = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Runs one probe and remembers its outcome; logs when readiness changes. */
    public Status check() {
        Status now;
        try {
            now = probe();
        } catch (RuntimeException e) {
            now = new Status(false, "storage root cannot be checked: " + e.getClass().getSimpleName());
        }
        Status before = last;
        boolean first = lastCheckedNanos == 0;
        last = now;
        lastCheckedNanos = nanoTime.getAsLong();
        if (first || now.up() != before.up() || !now.detail().equals(before.detail())) {
            if (now.up()) {
                LOG.info(first ? "storage root {} is usable: ready" : "storage root {} is available again: ready", root);
            } else {
                LOG.warn("storage root {} unavailable: {}; S3 requests get 503 ServiceUnavailable", root, now.detail());
            }
        }
        return now;
    }

    /** The latest outcome, or down if the background probe is stuck. */
    public Status status() {
        if (nanoTime.getAsLong() - lastCheckedNanos > staleAfterNanos) {
            return new Status(false, "storage root probe is not responding (filesystem hung?)");
        }
        return last;
    }

    private Status probe() {
        if (!Files.isDirectory(root)) {
            return new Status(false, "storage root is missing or not a directory");
        }
        if (!Files.isDirectory(stateDir, LinkOption.NOFOLLOW_LINKS)) {
            return new Status(false, "storage root does not hold fs3's state directory (filesystem not mounted?)");
        }
        if (!Files.isWritable(root)) {
            return new Status(false, "storage root is not writable");
        }
        return Status.OK;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
