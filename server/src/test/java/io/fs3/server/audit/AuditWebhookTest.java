package io.fs3.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.fs3.config.AuditSettings;
import io.fs3.config.Secret;
import io.fs3.server.ops.RequestRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.fs3.server.ops.OpsTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

class AuditWebhookTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static AuditSettings settings(URI url, int queueSize, int batchSize, int retries) {
        return new AuditSettings(Optional.of(url), Optional.of(Secret.of("Splunk t0ken")), queueSize, batchSize,
                Duration.ofMillis(100), Duration.ofSeconds(5), retries, Duration.ofMillis(10));
    }

    private static RequestRecord record(String id) {
        return new RequestRecord(Instant.parse("2026-01-02T03:04:05Z"), id, "AK", "PutObject", "PUT", "b", "k/ü",
                200, null, 11, 0, 2_500_000, "127.0.0.1", "curl/8");
    }

    private double count(String result) {
        return registry.get("fs3.audit.events").tag("result", result).counter().count();
    }

    @Test
    void eventsArriveAsBatchedJsonWithTheAuthorizationHeader() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             AuditWebhook audit = new AuditWebhook(settings(receiver.url(), 100, 10, 0), registry)) {
            for (int i = 0; i < 25; i++) {
                audit.finished(record("R" + i));
            }
            await("25 events delivered", () -> receiver.events().size() == 25);
            assertThat(receiver.posts()).isBetween(3, 25);
            JsonNode first = receiver.events().stream().filter(e -> e.get("requestId").asText().equals("R0"))
                    .findFirst().orElseThrow();
            assertThat(first.get("operation").asText()).isEqualTo("PutObject");
            assertThat(first.get("key").asText()).isEqualTo("k/ü");
            assertThat(first.get("status").asInt()).isEqualTo(200);
            assertThat(first.get("bytesIn").asLong()).isEqualTo(11);
            assertThat(first.get("durationMs").asDouble()).isEqualTo(2.5);
            assertThat(first.get("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
            assertThat(first.has("errorCode")).isFalse();
            assertThat(receiver.authorizations()).containsOnly("Splunk t0ken");
            await("sent counted", () -> count("sent") == 25);
        }
    }

    @Test
    void failedPostsAreRetriedWithBackoff() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             AuditWebhook audit = new AuditWebhook(settings(receiver.url(), 100, 10, 3), registry)) {
            receiver.failFirst(2);
            audit.finished(record("retried"));
            await("delivered after two 503s", () -> receiver.events().size() == 1);
            assertThat(receiver.posts()).isEqualTo(3);
            assertThat(count("failed")).isZero();
        }
    }

    @Test
    void aHangingWebhookNeverBlocksRequestsAndOverflowIsDroppedAndCounted() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             AuditWebhook audit = new AuditWebhook(settings(receiver.url(), 2, 1, 0), registry)) {
            receiver.hang();
            audit.finished(record("first"));
            await("the worker is stuck in the first post", () -> receiver.posts() == 1);
            for (int i = 0; i < 10; i++) {
                audit.finished(record("overflow" + i)); // returns although the webhook does not answer
            }
            assertThat(count("dropped")).isEqualTo(8); // the queue holds 2
            receiver.release();
            await("queued events delivered", () -> count("sent") == 3);
        }
    }

    @Test
    void aDeadWebhookCountsFailuresAfterRetrying() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: connections are refused
        }
        try (AuditWebhook audit = new AuditWebhook(settings(URI.create("http://127.0.0.1:" + port + "/x"), 10, 5, 2),
                registry)) {
            audit.finished(record("lost"));
            await("failure counted", () -> count("failed") == 1);
            assertThat(count("sent")).isZero();
        }
    }

    @Test
    void redactedUrlDropsUserInfoAndQuery() {
        AuditSettings s = settings(URI.create("https://user:pw@audit.example:8088/hec/event?token=abc"), 1, 1, 0);
        assertThat(AuditWebhook.redacted(s)).isEqualTo("https://audit.example:8088/hec/event");
    }
}
