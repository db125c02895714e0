package io.fs3.server.metrics;

import io.fs3.server.it.TestServer;
import io.fs3.server.ops.OpsTesting.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.fs3.server.ops.OpsTesting.await;
import static io.fs3.server.ops.OpsTesting.get;
import static io.fs3.server.ops.OpsTesting.has;
import static io.fs3.server.ops.OpsTesting.parse;
import static io.fs3.server.ops.OpsTesting.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prometheus metrics scraped over HTTP after real S3 traffic from the AWS SDK. */
class MetricsIT {
    @TempDir
    static Path root;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(root);
        s3 = server.sdk();
        s3.createBucket(b -> b.bucket("metrics"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    static List<Sample> scrape() throws Exception {
        HttpResponse<String> r = get(server.endpoint().resolve("/_fs3/metrics"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return parse(r.body());
    }

    static double requests(List<Sample> samples, String operation, int status) {
        return value(samples, "fs3_requests_total", Map.of("operation", operation, "status", Integer.toString(status)));
    }

    @Test
    void requestsAreCountedByOperationAndStatusWithLatencyAndBytes() throws Exception {
        List<Sample> before = scrape();
        s3.putObject(b -> b.bucket("metrics").key("counted"), RequestBody.fromString("hello world"));
        s3.getObjectAsBytes(b -> b.bucket("metrics").key("counted"));
        s3.getObjectAsBytes(b -> b.bucket("metrics").key("counted"));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("metrics").key("missing")))
                .isInstanceOf(NoSuchKeyException.class);

        await("the four requests are recorded", () -> delta(before, "HeadObject", 404) == 1);
        List<Sample> after = scrape();
        assertThat(requests(after, "PutObject", 200) - requests(before, "PutObject", 200)).isEqualTo(1);
        assertThat(requests(after, "GetObject", 200) - requests(before, "GetObject", 200)).isEqualTo(2);
        assertThat(requests(after, "HeadObject", 404) - requests(before, "HeadObject", 404)).isEqualTo(1);
        Map<String, String> get = Map.of("operation", "GetObject");
        assertThat(value(after, "fs3_request_duration_seconds_count", get)
                - value(before, "fs3_request_duration_seconds_count", get)).isEqualTo(2);
        assertThat(value(after, "fs3_request_duration_seconds_bucket", Map.of("operation", "GetObject", "le", "+Inf")))
                .isEqualTo(value(after, "fs3_request_duration_seconds_count", get));
        assertThat(value(after, "fs3_response_body_bytes_total", get)
                - value(before, "fs3_response_body_bytes_total", get)).isEqualTo(22);
        Map<String, String> put = Map.of("operation", "PutObject");
        assertThat(value(after, "fs3_request_body_bytes_total", put)
                - value(before, "fs3_request_body_bytes_total", put)).isGreaterThanOrEqualTo(11);
    }

    private static double delta(List<Sample> before, String op, int status) {
        try {
            return requests(scrape(), op, status) - requests(before, op, status);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusedSignatureIsCountedUnderTheOperationItWouldHaveBeen() throws Exception {
        List<Sample> before = scrape();
        try (S3Client wrong = S3Client.builder().endpointOverride(server.endpoint()).region(Region.of(TestServer.REGION))
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestServer.ACCESS_KEY, "not-the-secret"))).build()) {
            assertThatThrownBy(() -> wrong.putObject(b -> b.bucket("metrics").key("denied"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        await("the refused PutObject is counted", () -> delta(before, "PutObject", 403) >= 1);
    }

    @Test
    void jvmJettyCacheAndInFlightMetricsArePublished() throws Exception {
        s3.putObject(b -> b.bucket("metrics").key("dir/a"), RequestBody.fromString("a"));
        s3.listObjectsV2(b -> b.bucket("metrics").prefix("dir/"));
        s3.listObjectsV2(b -> b.bucket("metrics").prefix("dir/"));
        s3.headObject(b -> b.bucket("metrics").key("dir/a"));
        s3.headObject(b -> b.bucket("metrics").key("dir/a"));
        List<Sample> samples = scrape();
        assertThat(has(samples, "jvm_memory_used_bytes")).isTrue();
        assertThat(has(samples, "jvm_threads_live_threads")).isTrue();
        assertThat(value(samples, "jetty_threads_max", Map.of())).isPositive();
        assertThat(value(samples, "jetty_threads_current", Map.of())).isPositive();
        assertThat(value(samples, "jetty_connections_open", Map.of())).isPositive();
        assertThat(has(samples, "fs3_requests_inflight")).isTrue();
        assertThat(value(samples, "cache_gets_total", Map.of("cache", "fs3.metadata", "result", "hit"))).isPositive();
        assertThat(value(samples, "cache_gets_total", Map.of("cache", "fs3.listing"))).isPositive();
        assertThat(value(samples, "fs3_cache_hit_ratio", Map.of("cache", "fs3.metadata"))).isBetween(0.0, 1.0)
                .isPositive();
        assertThat(has(samples, "fs3_audit_events_total")).isTrue();
    }

    @Test
    void reservedPathsWinOverBucketRoutesAndNeedNoSignature() throws Exception {
        HttpResponse<String> health = get(server.endpoint().resolve("/_fs3/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get(server.endpoint().resolve("/_fs3/ready")).statusCode()).isEqualTo(200);
        assertThat(get(server.endpoint().resolve("/_fs3/live")).body()).contains("UP");
        HttpResponse<String> unknown = get(server.endpoint().resolve("/_fs3/nothing-here"));
        assertThat(unknown.statusCode()).isBetween(400, 499);
        assertThat(unknown.body()).doesNotContain("NoSuchBucket").doesNotContain("AccessDenied");
    }
}
