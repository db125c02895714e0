package io.fs3.server.health;

import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.fs3.server.ops.OpsTesting.await;
import static io.fs3.server.ops.OpsTesting.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Readiness follows the storage root; S3 requests get 503 ServiceUnavailable while it is gone. */
class HealthIT {
    static S3Client noRetry(TestServer server) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.of(TestServer.REGION))
                .credentialsProvider(TestServer.credentials()).forcePathStyle(true)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static int status(TestServer server, String path) {
        try {
            return get(server.endpoint().resolve(path)).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rootRenamedAwayMakesFs3UnreadyUntilItIsBack(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data"));
        try (TestServer server = TestServer.start(root, Map.of("fs3.health.probe-interval", "50ms"));
             S3Client s3 = noRetry(server)) {
            s3.createBucket(b -> b.bucket("kept"));
            s3.putObject(b -> b.bucket("kept").key("k"), RequestBody.fromString("v"));
            assertThat(status(server, "/_fs3/ready")).isEqualTo(200);

            Files.move(root, tmp.resolve("away"));
            await("readiness drops", () -> status(server, "/_fs3/ready") == 503);
            HttpResponse<String> health = get(server.endpoint().resolve("/_fs3/health"));
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").doesNotContain(tmp.toString());
            assertServiceUnavailable(() -> s3.listObjectsV2(b -> b.bucket("kept")));
            assertServiceUnavailable(s3::listBuckets);
            assertServiceUnavailable(() -> s3.putObject(b -> b.bucket("kept").key("k2"), RequestBody.fromString("v")));
            assertThat(status(server, "/_fs3/live")).isEqualTo(200);

            Files.move(tmp.resolve("away"), root);
            await("readiness returns", () -> status(server, "/_fs3/ready") == 200);
            assertThat(s3.listObjectsV2(b -> b.bucket("kept")).contents()).extracting(S3Object::key).containsExactly("k");
        }
    }

    @Test
    void emptyMountPointInPlaceOfTheRootIsNotReady(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("mnt"));
        try (TestServer server = TestServer.start(root, Map.of("fs3.health.probe-interval", "50ms"));
             S3Client s3 = noRetry(server)) {
            s3.createBucket(b -> b.bucket("nfs"));
            // What a vanished NFS mount leaves behind: the bare mount point directory, empty.
            Files.move(root, tmp.resolve("mounted-elsewhere"));
            Files.createDirectory(root);
            await("readiness drops", () -> status(server, "/_fs3/ready") == 503);
            assertServiceUnavailable(() -> s3.headBucket(b -> b.bucket("nfs")));
        }
    }

    private static void assertServiceUnavailable(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            if (e.awsErrorDetails().errorCode() != null) {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            }
        });
    }
}
