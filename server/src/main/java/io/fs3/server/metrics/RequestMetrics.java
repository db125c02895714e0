package io.fs3.server.metrics;

import io.fs3.server.ops.RequestRecord;
import io.fs3.server.ops.RequestSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-request meters: {@code fs3_requests_total{operation,status}}, the latency histogram
 * {@code fs3_request_duration_seconds{operation}}, body bytes in and out per operation, and requests in flight.
 */
public final class RequestMetrics implements RequestSink {
    /** Histogram buckets: from a cached HEAD to a multi-GB upload. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60), Duration.ofMinutes(5)};
    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, OperationMeters> byOperation = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("fs3.requests.inflight", inFlight, AtomicInteger::get)
                .description("S3 requests being processed").register(registry);
    }

    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void started() {
        inFlight.incrementAndGet();
    }

    @Override
    public void finished(RequestRecord r) {
        inFlight.decrementAndGet();
        OperationMeters m = byOperation.computeIfAbsent(r.operation(), this::meters);
        m.byStatus().computeIfAbsent(r.status(), status -> Counter.builder("fs3.requests")
                .description("S3 requests by operation and HTTP status")
                .tags("operation", r.operation(), "status", Integer.toString(status)).register(registry)).increment();
        m.duration().record(r.durationNanos(), TimeUnit.NANOSECONDS);
        m.bodyIn().increment(r.bytesIn());
        m.bodyOut().increment(r.bytesOut());
    }

    /** Looking meters up in the registry costs more than the rest of a small GET: each is built once. */
    private OperationMeters meters(String operation) {
        return new OperationMeters(
                Timer.builder("fs3.request.duration").description("S3 request latency, until the response is written")
                        .tag("operation", operation).serviceLevelObjectives(BUCKETS).register(registry),
                Counter.builder("fs3.request.body").baseUnit("bytes").description("Request body bytes received (as sent)")
                        .tag("operation", operation).register(registry),
                Counter.builder("fs3.response.body").baseUnit("bytes").description("Response body bytes sent")
                        .tag("operation", operation).register(registry),
                new ConcurrentHashMap<>());
    }

    private record OperationMeters(Timer duration, Counter bodyIn, Counter bodyOut, Map<Integer, Counter> byStatus) {
    }
}
