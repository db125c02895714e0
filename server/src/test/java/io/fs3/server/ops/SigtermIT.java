package io.fs3.server.ops;

import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.fs3.server.ops.LimitsIT.isEmpty;
import static io.fs3.server.ops.OpsTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar under a real SIGTERM: the in-flight upload completes, the process exits cleanly, no temp files. */
class SigtermIT {
    private static final Pattern ENDPOINT = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path tmp;

    @Test
    void sigtermLetsTheInFlightUploadFinishAndExits() throws Exception {
        Path jar = Path.of("target/fs3-server.jar");
        assertThat(jar).as("run after 'package' (mvn verify)").exists();
        Path root = tmp.resolve("data");
        Path config = Files.writeString(tmp.resolve("fs3.properties"), String.join("\n", "fs3.http.host=127.0.0.1",
                "fs3.http.port=0", "fs3.auth.access-key=" + TestServer.ACCESS_KEY,
                "fs3.auth.secret-key=" + TestServer.SECRET_KEY, "fs3.storage.fsync=false", "fs3.storage.root=" + root,
                "fs3.http.shutdown-timeout=60s"));
        Path log = tmp.resolve("server.log"); // a file, not a pipe: nothing is lost when the process exits
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--config", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Supplier<List<String>> output = () -> lines(log);
        try {
            await("the server prints its endpoint", () -> output.get().stream().anyMatch(l -> ENDPOINT.matcher(l).find()));
            URI endpoint = output.get().stream().map(ENDPOINT::matcher).filter(Matcher::find).map(m -> URI.create(m.group(1)))
                    .findFirst().orElseThrow();
            try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(TestServer.REGION))
                    .credentialsProvider(TestServer.credentials()).forcePathStyle(true).build()) {
                s3.createBucket(b -> b.bucket("term"));
            }
            // Above the direct PUT path's 64 KiB, so the body streams into a temp file as it arrives (the signal
            // that the upload is in flight); the direct path's uploads are in flight behind the same handler.
            byte[] body = new byte[128 * 1024];
            Arrays.fill(body, (byte) 'z');
            try (Socket upload = RawHttp.connect(endpoint)) {
                RawHttp.sendHead(upload, "PUT", presignedPut(endpoint), "Content-Length: " + body.length + "\r\n");
                OutputStream out = upload.getOutputStream();
                out.write(body, 0, 100);
                out.flush();
                await("the upload is being written", () -> !isEmpty(root.resolve("term/.fs3/tmp")));

                p.destroy(); // SIGTERM
                await("shutdown has begun", () -> output.get().stream().anyMatch(l -> l.contains("shutting down")));
                out.write(body, 100, body.length - 100);
                out.flush();
                assertThat(RawHttp.read(upload.getInputStream()).status()).isEqualTo(200);
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("exit status after SIGTERM").isEqualTo(143);
            await("the stop is logged", () -> output.get().stream().anyMatch(l -> l.contains("OpsRuntime - stopped")));
            assertThat(Files.size(root.resolve("term/k"))).isEqualTo(body.length);
            assertThat(isEmpty(root.resolve("term/.fs3/tmp"))).isTrue();
        } finally {
            p.destroyForcibly();
            output.get().forEach(System.out::println); // the server's log, for the test report
        }
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static URI presignedPut(URI endpoint) throws Exception {
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.of(TestServer.REGION))
                .credentialsProvider(TestServer.credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            return presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket("term").key("k"))).url().toURI();
        }
    }
}
