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
import java.util.function.Supplier;

/**
 * Checks the storage root every interval, off the request path, so readiness costs requests nothing. The root
 * is usable when it is a directory that still holds fs3's state directory (a vanished NFS mount leaves the
 * empty mount point behind, which does not) and is writable (access(2) reports EROFS even to root). A probe
 * that has been running for a few intervals (a hung hard mount blocks stat) counts as down; one that is merely
 * late, with none running, does not (see {@link #status()}).
 */
public final class RootProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RootProbe.class);
    private static final Status NOT_CHECKED = new Status(false, "storage root not checked yet");

    /** The outcome of one probe; {@code detail} is safe to show unauthenticated clients (no paths). */
    public record Status(boolean up, String detail) {
        static final Status OK = new Status(true, "ok");
    }

    private final Path root;
    private final Path stateDir;
    private final Duration interval;
    /** A probe running longer than this (three intervals and two seconds) counts as stuck; read per request. */
    private final long staleAfterNanos;
    private final LongSupplier nanoTime;
    private final Supplier<Status> probe;
    private final ScheduledExecutorService executor;
    private volatile Status last = NOT_CHECKED;
    private volatile long checkStartedNanos; // when the probe in progress started; 0 while none runs

    public RootProbe(Path root, String reservedDir, Duration interval, LongSupplier nanoTime) {
        this(root, reservedDir, interval, nanoTime, null);
    }

    /** {@code probe} replaces the filesystem checks (tests); null = the checks above. */
    RootProbe(Path root, String reservedDir, Duration interval, LongSupplier nanoTime, Supplier<Status> probe) {
        this.probe = probe != null ? probe : this::probeRoot;
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
        checkStartedNanos = Math.max(1, nanoTime.getAsLong());
        try {
            Status now;
            try {
                now = probe.get();
            } catch (RuntimeException e) {
                now = new Status(false, "storage root cannot be checked: " + e.getClass().getSimpleName());
            }
            Status before = last;
            last = now;
            if (before == NOT_CHECKED || now.up() != before.up() || !now.detail().equals(before.detail())) {
                if (now.up()) {
                    LOG.info(before == NOT_CHECKED ? "storage root {} is usable: ready"
                            : "storage root {} is available again: ready", root);
                } else {
                    LOG.warn("storage root {} unavailable: {}; S3 requests get 503 ServiceUnavailable", root, now.detail());
                }
            }
            return now;
        } finally {
            checkStartedNanos = 0;
        }
    }

    /**
     * The latest outcome, or down while a probe has been running for too long (a hung hard mount blocks stat).
     * A probe that is only overdue, with none running, leaves the latest outcome standing: after the process
     * was frozen (SIGSTOP, a suspended VM, a long pause) requests run before the overdue probe does, and they
     * used to get 503 for it.
     */
    public Status status() {
        long started = checkStartedNanos;
        if (started != 0 && nanoTime.getAsLong() - started > staleAfterNanos) {
            return new Status(false, "storage root probe is not responding (filesystem hung?)");
        }
        return last;
    }

    private Status probeRoot() {
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
