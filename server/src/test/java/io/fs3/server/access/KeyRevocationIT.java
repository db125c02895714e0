package io.fs3.server.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key revoked while its client is busy: every request that starts after {@code key revoke} returns fails,
 * on the client's existing keep-alive connections too, and so do presigned URLs it made earlier.
 */
class KeyRevocationIT {
    @TempDir
    Path dir;

    private record Attempt(long startNanos, String outcome) {
    }

    @Test
    void theNextRequestAfterRevocationFails() throws Exception {
        try (MultiUserServer server = MultiUserServer.start(dir, Map.of(), "alice");
             S3Client alice = server.client("alice")) {
            alice.createBucket(b -> b.bucket("busy"));
            alice.putObject(b -> b.bucket("busy").key("k"), RequestBody.fromString("v"));
            URI presigned;
            try (S3Presigner presigner = S3Presigner.builder().endpointOverride(server.endpoint())
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(server.keys("alice").provider())
                    .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                            .pathStyleAccessEnabled(true).build()).build()) {
                presigned = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofHours(1))
                        .getObjectRequest(g -> g.bucket("busy").key("k"))).url().toURI();
            }
            assertThat(status(presigned)).isEqualTo(200);

            List<Attempt> attempts = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        alice.getObjectAsBytes(b -> b.bucket("busy").key("k"));
                        attempts.add(new Attempt(start, "ok"));
                    } catch (S3Exception e) {
                        attempts.add(new Attempt(start, e.awsErrorDetails().errorCode()));
                    }
                }
            });
            client.start();
            while (attempts.size() < 20) {
                Thread.sleep(5);
            }
            MultiUserServer.admin(server.config(), "key", "revoke", server.keys("alice").accessKey());
            long revoked = System.nanoTime();
            int before = attempts.size();
            while (attempts.size() < before + 20) {
                Thread.sleep(5);
            }
            stop.set(true);
            client.join();

            assertThat(attempts.stream().filter(a -> a.startNanos() < revoked).map(Attempt::outcome)).contains("ok");
            assertThat(attempts.stream().filter(a -> a.startNanos() > revoked).map(Attempt::outcome))
                    .hasSizeGreaterThanOrEqualTo(20).containsOnly("InvalidAccessKeyId");
            assertThat(status(presigned)).isEqualTo(403);
        }
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
