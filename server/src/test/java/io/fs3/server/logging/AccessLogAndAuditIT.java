package io.fs3.server.logging;

import com.fasterxml.jackson.databind.JsonNode;
import io.fs3.server.audit.WebhookReceiver;
import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.fs3.server.ops.OpsTesting.await;
import static io.fs3.server.ops.OpsTesting.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Access-log lines and audit events checked against real SDK requests. */
class AccessLogAndAuditIT {
    @TempDir
    static Path tmp;
    static WebhookReceiver webhook;
    static TestServer server;
    static S3Client s3;
    static Path accessLog;

    @BeforeAll
    static void start() throws Exception {
        webhook = new WebhookReceiver();
        accessLog = tmp.resolve("logs/access.log");
        Path root = Files.createDirectories(tmp.resolve("data"));
        server = TestServer.start(root, Map.of("fs3.access-log.enabled", "true", "fs3.access-log.file", accessLog.toString(),
                "fs3.audit.url", webhook.url().toString(), "fs3.audit.authorization", "Bearer audit-secret",
                "fs3.audit.flush-interval", "50ms"));
        s3 = server.sdk();
        s3.createBucket(b -> b.bucket("logged"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
        webhook.close();
    }

    static Optional<String> line(String requestId) {
        try {
            return Files.exists(accessLog) ? Files.readAllLines(accessLog).stream()
                    .filter(l -> l.contains(" request_id=" + requestId + " ")).findFirst() : Optional.empty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<JsonNode> event(String requestId) {
        return webhook.events().stream().filter(e -> e.get("requestId").asText().equals(requestId)).findFirst();
    }

    @Test
    void putAndFailedGetAreLoggedAndAudited() throws Exception {
        String putId = s3.putObject(b -> b.bucket("logged").key("dir/a b.txt"), RequestBody.fromString("hello"))
                .responseMetadata().requestId();
        String[] missingId = new String[1];
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("logged").key("nope")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> missingId[0] = e.requestId());

        await("both access-log lines", () -> line(putId).isPresent() && line(missingId[0]).isPresent());
        String put = line(putId).orElseThrow();
        assertThat(put).contains(" user=" + TestServer.ACCESS_KEY + " ", " op=PutObject ", " method=PUT ",
                " bucket=logged ", " key=\"dir/a b.txt\" ", " status=200 ", " error=- ", " bytes_out=0 ",
                " client=127.0.0.1 ");
        assertThat(put).matches(".* bytes_in=[1-9][0-9]* .*").matches("^time=\\S+Z .*")
                .matches(".* duration_ms=[0-9]+\\.[0-9]{3} .*");
        assertThat(line(missingId[0]).orElseThrow()).contains(" op=GetObject ", " key=nope ", " status=404 ",
                " error=NoSuchKey ");

        await("both audit events", () -> event(putId).isPresent() && event(missingId[0]).isPresent());
        JsonNode putEvent = event(putId).orElseThrow();
        assertThat(putEvent.get("operation").asText()).isEqualTo("PutObject");
        assertThat(putEvent.get("bucket").asText()).isEqualTo("logged");
        assertThat(putEvent.get("key").asText()).isEqualTo("dir/a b.txt");
        assertThat(putEvent.get("status").asInt()).isEqualTo(200);
        assertThat(putEvent.get("user").asText()).isEqualTo(TestServer.ACCESS_KEY);
        assertThat(putEvent.get("bytesIn").asLong()).isPositive();
        assertThat(putEvent.get("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(event(missingId[0]).orElseThrow().get("errorCode").asText()).isEqualTo("NoSuchKey");
        assertThat(webhook.authorizations()).containsOnly("Bearer audit-secret");
    }

    @Test
    void presignedSignaturesAndSecretsNeverReachTheLogOrAudit() throws Exception {
        s3.putObject(b -> b.bucket("logged").key("shared"), RequestBody.fromString("x"));
        URI url;
        try (S3Presigner presigner = server.presigner()) {
            url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("logged").key("shared"))).url().toURI();
        }
        var response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        String requestId = response.headers().firstValue("x-amz-request-id").orElseThrow();
        String signature = url.getQuery().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");

        await("the presigned GET is logged and audited", () -> line(requestId).isPresent() && event(requestId).isPresent());
        String everything = Files.readString(accessLog) + webhook.events();
        assertThat(everything).doesNotContain(signature).doesNotContain("X-Amz-Signature")
                .doesNotContain("X-Amz-Credential").doesNotContain(TestServer.SECRET_KEY).doesNotContain("audit-secret");
        assertThat(line(requestId).orElseThrow()).contains(" op=GetObject ", " key=shared ", " bytes_out=1 ");
    }

    @Test
    void opsEndpointsAreNotS3TrafficAndAreNotLogged() throws Exception {
        var health = get(server.endpoint().resolve("/_fs3/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        String putId = s3.putObject(b -> b.bucket("logged").key("after-health"), RequestBody.fromString("x"))
                .responseMetadata().requestId();
        await("the later PUT is logged", () -> line(putId).isPresent());
        List<String> lines = Files.readAllLines(accessLog);
        assertThat(lines).noneMatch(l -> l.contains("_fs3"));
    }
}
