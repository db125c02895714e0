package io.fs3.server.ops;

import io.fs3.config.ConfigLoader;
import io.fs3.config.LogLevel;
import io.fs3.server.Fs3Server;
import io.fs3.server.it.TestServer;
import io.fs3.server.logging.LogLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static io.fs3.server.ops.OpsTesting.await;
import static io.fs3.server.ops.OpsTesting.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Editing the properties file of a running server: live keys take effect, restart keys are reported. */
class ReloadIT {
    @AfterEach
    void restoreLogLevel() {
        new LogLevels().apply(LogLevel.INFO);
    }

    private static String config(Path root, Path accessLog, String extra) {
        return String.join("\n", "fs3.storage.root=" + root, "fs3.http.host=127.0.0.1", "fs3.http.port=0",
                "fs3.auth.access-key=" + TestServer.ACCESS_KEY, "fs3.auth.secret-key=" + TestServer.SECRET_KEY,
                "fs3.storage.fsync=false", "fs3.config.reload-interval=100ms",
                "fs3.access-log.file=" + accessLog, extra, "");
    }

    @Test
    void editingThePropertiesFileAppliesLiveKeysAndReportsRestartKeys(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data"));
        Path accessLog = tmp.resolve("access.log");
        Path file = Files.writeString(tmp.resolve("fs3.properties"), config(root, accessLog,
                "fs3.access-log.enabled=false\nfs3.metrics.enabled=false"));
        ConfigSource source = new ConfigSource(Optional.of(file), Map.of());
        try (Fs3Server server = Fs3Server.start(ConfigLoader.load(source.file(), source.overrides()), source);
             S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.of(TestServer.REGION))
                     .credentialsProvider(TestServer.credentials()).forcePathStyle(true).build()) {
            s3.createBucket(b -> b.bucket("reload"));
            assertThat(get(server.endpoint().resolve("/_fs3/metrics")).statusCode()).isEqualTo(404);
            assertThat(accessLog).doesNotExist();

            Files.writeString(file, config(root, accessLog,
                    "fs3.access-log.enabled=true\nfs3.log.level=debug\nfs3.http.port=19999"));
            await("the edit is reported", () -> server.ops().configWatcher().orElseThrow().lastReport().isPresent());
            ConfigWatcher.Report report = server.ops().configWatcher().orElseThrow().lastReport().orElseThrow();
            assertThat(report.applied()).contains("fs3.access-log.enabled", "fs3.log.level", "fs3.metrics.enabled");
            assertThat(report.restartNeeded()).containsExactly("fs3.http.port");

            String id = s3.putObject(b -> b.bucket("reload").key("now-logged"), RequestBody.fromString("x"))
                    .responseMetadata().requestId();
            await("the access log has the PUT", () -> contains(accessLog, "request_id=" + id));
            assertThat(LoggerFactory.getLogger("io.fs3.server.ops.ReloadProbe").isDebugEnabled()).isTrue();
            assertThat(get(server.endpoint().resolve("/_fs3/metrics")).statusCode()).isEqualTo(200);
            assertThat(server.port()).as("the port needs a restart").isNotEqualTo(19999);

            Files.writeString(file, config(root, accessLog, "fs3.access-log.enabled=perhaps"));
            await("the broken edit is reported",
                    () -> server.ops().configWatcher().orElseThrow().lastReport().orElseThrow().rejected().isPresent());
            String after = s3.putObject(b -> b.bucket("reload").key("still-logged"), RequestBody.fromString("y"))
                    .responseMetadata().requestId();
            await("the last good configuration stays", () -> contains(accessLog, "request_id=" + after));
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.exists(file) && Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
