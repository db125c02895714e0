package io.fs3.server.metrics;

import io.fs3.storage.cache.MetadataCache;
import io.fs3.storage.cache.SmallObjectCache;
import io.fs3.storage.list.ListingCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.Arrays;

/**
 * The one meter registry of an fs3 server, scraped by Prometheus at {@code /_fs3/metrics}. Other parts
 * register their meters on {@link #registry()}; this class binds the JVM, the caches and Jetty.
 */
public final class Fs3Metrics implements AutoCloseable {
    /** Prometheus text exposition format 0.0.4, which every Prometheus version scrapes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Fs3Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    /**
     * Both caches under Micrometer's cache names ({@code cache_gets_total{cache,result}}, {@code cache_size}),
     * plus a ready-made hit ratio per cache.
     */
    public void bindCaches(MetadataCache metadata, ListingCache listing, SmallObjectCache content) {
        metadata.bindTo(registry);
        content.bindTo(registry);
        FunctionCounter.builder("cache.gets", listing, c -> c.stats().hitCount())
                .tags("cache", "fs3.listing", "result", "hit").register(registry);
        FunctionCounter.builder("cache.gets", listing, c -> c.stats().missCount())
                .tags("cache", "fs3.listing", "result", "miss").register(registry);
        Gauge.builder("cache.size", listing, ListingCache::estimatedSize).tag("cache", "fs3.listing")
                .description("Directories held as sorted snapshots").register(registry);
        Gauge.builder("fs3.listing.cache.entries", listing, ListingCache::cachedEntries)
                .description("Directory entries held by the listing cache's snapshots").register(registry);
        hitRatio("fs3.metadata");
        hitRatio("fs3.listing");
        hitRatio("fs3.content");
    }

    private void hitRatio(String cache) {
        Gauge.builder("fs3.cache.hit.ratio", registry, r -> {
            double hits = count(r, cache, "hit");
            double total = hits + count(r, cache, "miss");
            return total == 0 ? 0 : hits / total;
        }).tag("cache", cache).description("Cache hits over lookups since start").register(registry);
    }

    private static double count(MeterRegistry r, String cache, String result) {
        FunctionCounter c = r.find("cache.gets").tags("cache", cache, "result", result).functionCounter();
        return c == null ? 0 : c.count();
    }

    /** Jetty's request thread pool and open connections (all connectors). */
    public void bindJetty(QueuedThreadPool pool, Server server) {
        Gauge.builder("jetty.threads.current", pool, QueuedThreadPool::getThreads).register(registry);
        Gauge.builder("jetty.threads.idle", pool, QueuedThreadPool::getIdleThreads).register(registry);
        Gauge.builder("jetty.threads.busy", pool, QueuedThreadPool::getBusyThreads).register(registry);
        Gauge.builder("jetty.threads.max", pool, QueuedThreadPool::getMaxThreads).register(registry);
        Gauge.builder("jetty.threads.jobs", pool, QueuedThreadPool::getQueueSize)
                .description("Jobs waiting for a thread").register(registry);
        Gauge.builder("jetty.connections.open", server, s -> Arrays.stream(s.getConnectors())
                .mapToInt(c -> c.getConnectedEndPoints().size()).sum()).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
