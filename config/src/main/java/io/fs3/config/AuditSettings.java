package io.fs3.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Audit events POSTed as JSON arrays to {@code url} (absent = off), with an optional Authorization header value,
 * at most {@code queueSize} events waiting (more are dropped and counted), {@code batchSize} per request, sent at
 * least every {@code flushInterval}, each POST bounded by {@code timeout} and retried {@code maxRetries} times
 * with a backoff starting at {@code retryBackoff} and doubling.
 */
public record AuditSettings(Optional<URI> url, Optional<Secret> authorization, int queueSize, int batchSize,
                            Duration flushInterval, Duration timeout, int maxRetries, Duration retryBackoff) {
    public boolean enabled() {
        return url.isPresent();
    }
}
