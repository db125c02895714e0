package io.fs3.server.ops;

import io.fs3.server.it.TestServer;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static io.fs3.server.ops.OpsTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Server limits answer with S3 errors: a stalled body, an oversized header block, too many connections. */
class LimitsIT {
    static URI presignedPut(TestServer server, String bucket, String key) {
        try (S3Presigner presigner = server.presigner()) {
            return presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket(bucket).key(key))).url().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStalledUploadGetsRequestTimeoutAndPublishesNothing(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, Map.of("fs3.http.idle-timeout", "1s"));
             S3Client s3 = server.sdk()) {
            s3.createBucket(b -> b.bucket("slow"));
            try (Socket socket = RawHttp.connect(server.endpoint())) {
                RawHttp.sendHead(socket, "PUT", presignedPut(server, "slow", "stalled"), "Content-Length: 100\r\n");
                socket.getOutputStream().write("0123456789".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                RawHttp.Response response = RawHttp.read(socket.getInputStream()); // the other 90 bytes never come
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("<Code>RequestTimeout</Code>");
            }
            assertThat(root.resolve("slow/stalled")).doesNotExist();
            await("no temp file is left", () -> isEmpty(root.resolve("slow/.fs3/tmp")));
        }
    }

    @Test
    void anOversizedHeaderBlockGetsAnS3Error(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, Map.of("fs3.http.max-request-header-size", "8KB"));
             Socket socket = RawHttp.connect(server.endpoint())) {
            RawHttp.sendHead(socket, "GET", server.endpoint().resolve("/"), "X-Pad: " + "a".repeat(12_000) + "\r\n");
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            assertThat(response.status()).isEqualTo(431);
            assertThat(response.headers().get("Content-Type")).startsWith("application/xml");
            assertThat(response.body()).contains("<Code>RequestHeaderSectionTooLarge</Code>");
        }
    }

    @Test
    void beyondTheConnectionLimitClientsWaitUntilAConnectionCloses(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, Map.of("fs3.http.max-connections", "1"))) {
            NetworkConnectionLimit limit = server.server().ops().connectionLimit().orElseThrow();
            URI live = server.endpoint().resolve("/_fs3/live");
            Socket first = RawHttp.connect(server.endpoint());
            RawHttp.sendHead(first, "GET", live, "");
            assertThat(RawHttp.read(first.getInputStream()).status()).isEqualTo(200); // accepted, now idle
            try (Socket second = RawHttp.connect(server.endpoint())) {
                RawHttp.sendHead(second, "GET", live, "Connection: close\r\n");
                assertThat(limit.getNetworkConnectionCount()).as("the second client waits in the backlog").isEqualTo(1);
                first.close();
                assertThat(RawHttp.read(second.getInputStream()).status()).isEqualTo(200);
            }
        }
    }
}
