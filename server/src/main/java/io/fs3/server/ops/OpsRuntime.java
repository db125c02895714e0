package io.fs3.server.ops;

import io.fs3.config.Fs3Settings;
import io.fs3.config.LimitSettings;
import io.fs3.config.MetricsSettings;
import io.fs3.config.ObservabilitySettings;
import io.fs3.server.audit.AuditWebhook;
import io.fs3.server.health.ReadinessFilter;
import io.fs3.server.health.RootProbe;
import io.fs3.server.logging.AccessLog;
import io.fs3.server.logging.LogLevels;
import io.fs3.server.metrics.Fs3Metrics;
import io.fs3.server.metrics.RequestMetrics;
import io.fs3.storage.posix.PosixBackend;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The parts that make fs3 run as a service: metrics, health, access log, audit webhook, log levels, server
 * limits and configuration reload. Built once by {@code Fs3Server}, registered with Jersey and Jetty, and
 * stopped by Jetty after in-flight requests have finished.
 */
public final class OpsRuntime extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(OpsRuntime.class);
    private final Fs3Settings settings;
    private final Fs3Metrics metrics;
    private final RequestMetrics requestMetrics;
    private final RootProbe probe;
    private final AccessLog accessLog;
    private final AuditWebhook audit;
    private final LogLevels logLevels;
    private final Optional<ConfigWatcher> watcher;
    private volatile MetricsSettings metricsSettings;
    private volatile boolean stopping;
    private Optional<NetworkConnectionLimit> connectionLimit = Optional.empty();

    private OpsRuntime(Fs3Settings settings, Fs3Metrics metrics, ConfigSource source, LogLevels logLevels) {
        ObservabilitySettings o = settings.observability();
        this.settings = settings;
        this.metrics = metrics;
        this.logLevels = logLevels;
        this.metricsSettings = o.metrics();
        this.requestMetrics = new RequestMetrics(metrics.registry());
        this.probe = new RootProbe(settings.storage().root(), settings.storage().reservedDir(), o.healthProbeInterval(),
                System::nanoTime);
        this.accessLog = new AccessLog(o.accessLog(), System.out);
        this.audit = new AuditWebhook(o.audit(), metrics.registry());
        this.watcher = source.file().isPresent() && !o.reloadInterval().isZero()
                ? Optional.of(new ConfigWatcher(source, OpsRuntime::isLive, this::apply)) : Optional.empty();
    }

    /** Applies the log level, sweeps temp files an earlier run left, and builds every part (nothing runs yet). */
    public static OpsRuntime create(Fs3Settings settings, PosixBackend backend, ConfigSource source) {
        LogLevels logLevels = new LogLevels();
        logLevels.apply(settings.observability().logLevel());
        Instant processStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        TempSweeper.sweep(settings.storage().root(), settings.buckets().paths().values(), settings.storage().reservedDir(),
                processStart.minus(settings.limits().idleTimeout()));
        Fs3Metrics metrics = new Fs3Metrics();
        metrics.bindCaches(backend.metadataCache(), backend.listingCache(), backend.smallObjects());
        return new OpsRuntime(settings, metrics, source, logLevels);
    }

    /** Keys applied without a restart (configuration reload). Everything else is logged as "restart needed". */
    static boolean isLive(String key) {
        return key.equals("fs3.log.level") || key.startsWith("fs3.metrics.") || key.startsWith("fs3.access-log.")
                || key.startsWith("fs3.audit.");
    }

    /** Request recording, the readiness gate and the {@code /_fs3/} endpoints. */
    public void register(ResourceConfig rc) {
        rc.register(new RequestListener(requestSinks()));
        rc.register(new RequestMetering());
        rc.register(new ReadinessFilter(probe));
        rc.register(new OpsResource(metrics, probe, () -> metricsSettings, () -> stopping));
    }

    /**
     * Connection limits and timeouts (on every connector added so far), S3-style error pages, Jetty metrics,
     * and this object's lifecycle.
     */
    public void attach(Server jetty) {
        LimitSettings limits = settings.limits();
        Optional<HeaderTimeout> headerTimeout = limits.headerTimeout().isZero() ? Optional.empty()
                : Optional.of(new HeaderTimeout(limits.headerTimeout(), System::nanoTime, metrics.registry()));
        for (Connector c : jetty.getConnectors()) {
            if (c instanceof AbstractConnector connector) {
                // A connection that sends nothing (headers or body) for this long is closed.
                connector.setIdleTimeout(limits.idleTimeout().toMillis());
                // ...and one that trickles its request head (slow-loris) once the head takes this long.
                headerTimeout.ifPresent(h -> connector.addBean(h, false));
            }
        }
        headerTimeout.ifPresent(jetty::addBean);
        if (limits.maxConnections() > 0) {
            // At the limit Jetty stops accepting: further clients wait in the TCP backlog, nothing is refused.
            connectionLimit = Optional.of(new NetworkConnectionLimit(limits.maxConnections(), jetty.getConnectors()));
            jetty.addBean(connectionLimit.get());
        }
        jetty.setErrorHandler(new S3ErrorPages());
        if (jetty.getThreadPool() instanceof QueuedThreadPool pool) {
            metrics.bindJetty(pool, jetty);
        }
        jetty.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                stopping = true;
                LOG.info("shutting down: accepting no new connections; {} requests in flight have up to {} to finish",
                        requestMetrics.inFlight(), limits.shutdownTimeout());
            }
        });
        jetty.addBean(this);
    }

    /** Applies what can change live (see {@link #isLive}); called by the configuration watcher. */
    public void apply(Fs3Settings next) {
        ObservabilitySettings o = next.observability();
        logLevels.apply(o.logLevel());
        metricsSettings = o.metrics();
        accessLog.configure(o.accessLog());
        audit.configure(o.audit());
    }

    public Fs3Metrics metrics() {
        return metrics;
    }

    /** Everything that records a finished S3 request: metrics, the access log, the audit webhook. */
    public List<RequestSink> requestSinks() {
        return List.of(requestMetrics, accessLog, audit);
    }

    public RootProbe probe() {
        return probe;
    }

    public Optional<ConfigWatcher> configWatcher() {
        return watcher;
    }

    public Optional<NetworkConnectionLimit> connectionLimit() {
        return connectionLimit;
    }

    @Override
    protected void doStart() {
        probe.start();
        watcher.ifPresent(w -> w.start(settings.observability().reloadInterval()));
    }

    @Override
    protected void doStop() {
        watcher.ifPresent(ConfigWatcher::close);
        audit.close();
        accessLog.close();
        probe.close();
        metrics.close();
        int cut = requestMetrics.inFlight();
        if (cut > 0) {
            LOG.warn("stopped; {} requests were still running at the shutdown timeout and were cut off", cut);
        } else {
            LOG.info("stopped");
        }
    }
}
