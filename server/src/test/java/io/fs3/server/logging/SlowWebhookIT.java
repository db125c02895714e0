package io.fs3.server.logging;

import io.fs3.server.audit.WebhookReceiver;
import io.fs3.server.it.TestServer;
import io.fs3.server.ops.OpsTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.util.Map;

import static io.fs3.server.ops.OpsTesting.await;
import static io.fs3.server.ops.OpsTesting.get;
import static org.assertj.core.api.Assertions.assertThat;

/** A webhook that never answers: S3 requests still succeed, and the overflow shows up as dropped events. */
class SlowWebhookIT {
    @Test
    void requestsSucceedWhileTheWebhookHangsAndDropsAreCounted(@TempDir Path root) throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver()) {
            webhook.hang();
            try (TestServer server = TestServer.start(root, Map.of("fs3.audit.url", webhook.url().toString(),
                    "fs3.audit.queue-size", "2", "fs3.audit.batch-size", "1", "fs3.audit.timeout", "60s"));
                 S3Client s3 = server.sdk()) {
                s3.createBucket(b -> b.bucket("busy"));
                for (int i = 0; i < 12; i++) {
                    int n = i;
                    s3.putObject(b -> b.bucket("busy").key("k" + n), RequestBody.fromString("v" + n));
                }
                assertThat(s3.listObjectsV2(b -> b.bucket("busy")).keyCount()).isEqualTo(12);
                await("dropped events are counted", () -> dropped(server) >= 1);
                webhook.release();
            }
        }
    }

    private static double dropped(TestServer server) {
        try {
            return OpsTesting.value(OpsTesting.parse(get(server.endpoint().resolve("/_fs3/metrics")).body()),
                    "fs3_audit_events_total", Map.of("result", "dropped"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
