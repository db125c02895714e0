package io.fs3.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fs3.config.AuditSettings;
import io.fs3.server.ops.RequestRecord;
import io.fs3.server.ops.RequestSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Audit events to an HTTP webhook. A request only offers its event to a bounded queue (never blocks: when the
 * queue is full the event is dropped and counted); one background thread sends batches as JSON arrays and
 * retries with backoff. So a slow or dead webhook costs requests nothing. Counted in
 * {@code fs3_audit_events_total{result=sent|failed|dropped}}.
 */
public final class AuditWebhook implements RequestSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LinkedBlockingQueue<AuditEvent> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final WebhookClient client = new WebhookClient();
    private final Counter sent;
    private final Counter failed;
    private final Counter dropped;
    private final Thread worker;
    private volatile AuditSettings settings;
    private volatile boolean closing;
    private boolean lastBatchFailed;

    public AuditWebhook(AuditSettings settings, MeterRegistry registry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sent = counter(registry, "sent");
        this.failed = counter(registry, "failed");
        this.dropped = counter(registry, "dropped");
        Gauge.builder("fs3.audit.queue.size", pending, AtomicInteger::get)
                .description("Audit events waiting to be sent").register(registry);
        this.worker = new Thread(this::run, "fs3-audit-webhook");
        worker.setDaemon(true);
        worker.start();
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("fs3.audit.events").description("Audit events by outcome")
                .tag("result", result).register(registry);
    }

    public void configure(AuditSettings next) {
        settings = Objects.requireNonNull(next, "settings");
    }

    @Override
    public void finished(RequestRecord record) {
        AuditSettings s = settings;
        if (!s.enabled() || closing) {
            return;
        }
        if (pending.incrementAndGet() > s.queueSize()) {
            pending.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.add(AuditEvent.of(record));
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>();
        while (!(closing && queue.isEmpty())) {
            try {
                collect(batch, settings);
            } catch (InterruptedException e) {
                break;
            }
            if (!batch.isEmpty()) {
                deliver(batch);
                batch.clear();
            }
        }
        queue.clear();
        dropped.increment(pending.getAndSet(0)); // still queued (or half collected) when the worker had to stop
    }

    /** Waits for a first event, then up to the flush interval for the batch to fill (no waiting when closing). */
    private void collect(List<AuditEvent> batch, AuditSettings s) throws InterruptedException {
        AuditEvent first = queue.poll(closing ? 0 : 200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + s.flushInterval().toNanos();
        while (batch.size() < s.batchSize()) {
            queue.drainTo(batch, s.batchSize() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= s.batchSize() || left <= 0 || closing) {
                break;
            }
            AuditEvent next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        pending.addAndGet(-batch.size());
    }

    private void deliver(List<AuditEvent> batch) {
        AuditSettings s = settings;
        if (!s.enabled()) {
            dropped.increment(batch.size()); // audit was switched off while these waited
            return;
        }
        WebhookClient.Outcome outcome = client.send(s, json(batch), !closing);
        if (outcome == WebhookClient.Outcome.SENT) {
            sent.increment(batch.size());
            if (lastBatchFailed) {
                LOG.info("audit webhook: delivering again");
            }
            lastBatchFailed = false;
        } else {
            failed.increment(batch.size());
            if (!lastBatchFailed) {
                LOG.warn("audit webhook: {} events could not be delivered to {}; counting further failures in "
                        + "fs3_audit_events_total{result=\"failed\"}", batch.size(), redacted(s));
            }
            lastBatchFailed = true;
        }
    }

    private static byte[] json(List<AuditEvent> batch) {
        try {
            return JSON.writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL without user info or query, which may carry credentials. */
    static String redacted(AuditSettings s) {
        return s.url().map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath())).orElse("-");
    }

    /** Sends what is queued (one attempt per batch), waiting at most about two webhook timeouts. */
    @Override
    public void close() {
        closing = true;
        Duration wait = settings.timeout().multipliedBy(2).plusSeconds(1);
        try {
            worker.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
    }
}
