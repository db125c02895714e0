package io.fs3.server.audit;

import io.fs3.config.AuditSettings;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs one batch, retrying with exponential backoff on connection failures, timeouts, 408, 429 and 5xx.
 * Other 4xx answers are final (retrying a rejected document cannot help).
 */
final class WebhookClient {
    enum Outcome { SENT, FAILED, INTERRUPTED }

    private HttpClient client;
    private Duration clientTimeout;

    /** Sends {@code body}; {@code retry} false means one attempt (used while shutting down). */
    Outcome send(AuditSettings s, byte[] body, boolean retry) {
        int attempts = retry ? s.maxRetries() + 1 : 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                if (attempt > 0) {
                    Thread.sleep(backoff(s.retryBackoff(), attempt).toMillis());
                }
                int status = post(s, body);
                if (status / 100 == 2) {
                    return Outcome.SENT;
                }
                if (status / 100 == 4 && status != 408 && status != 429) {
                    return Outcome.FAILED;
                }
            } catch (IOException e) {
                // retried below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.INTERRUPTED;
            }
        }
        return Outcome.FAILED;
    }

    static Duration backoff(Duration first, int attempt) {
        long ms = first.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(ms, 60_000));
    }

    private int post(AuditSettings s, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(s.url().orElseThrow())
                .timeout(s.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        s.authorization().ifPresent(a -> request.header("Authorization", a.reveal()));
        return client(s.timeout()).send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpClient client(Duration timeout) {
        if (client == null || !timeout.equals(clientTimeout)) {
            client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
            clientTimeout = timeout;
        }
        return client;
    }
}
