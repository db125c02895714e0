package io.fs3.server.ops;

import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.fs3.server.ops.LimitsIT.isEmpty;
import static io.fs3.server.ops.LimitsIT.presignedPut;
import static io.fs3.server.ops.OpsTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Graceful shutdown: no new connections, in-flight uploads finish (or are cut at the timeout), no temp files left. */
class ShutdownIT {
    private static final byte[] BODY = new byte[256 * 1024];

    static {
        Arrays.fill(BODY, (byte) 'x');
    }

    private static boolean refusesConnections(String host, int port) {
        try (Socket s = new Socket(host, port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The status of the response, or -1 if the connection was closed without one. */
    private static int responseStatusOrClosed(Socket s) {
        try {
            return RawHttp.read(s.getInputStream()).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private static CompletableFuture<Void> closeAsync(TestServer server) {
        return CompletableFuture.runAsync(() -> {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anInFlightUploadFinishesWhileNewConnectionsAreRefused(@TempDir Path root) throws Exception {
        TestServer server = TestServer.start(root, Map.of("fs3.http.shutdown-timeout", "60s"));
        try (S3Client s3 = server.sdk()) {
            s3.createBucket(b -> b.bucket("graceful"));
        }
        try (Socket upload = RawHttp.connect(server.endpoint())) {
            RawHttp.sendHead(upload, "PUT", presignedPut(server, "graceful", "big"), "Content-Length: " + BODY.length + "\r\n");
            OutputStream out = upload.getOutputStream();
            out.write(BODY, 0, 1000);
            out.flush();
            await("the upload is being written", () -> !isEmpty(root.resolve("graceful/.fs3/tmp")));

            String host = server.endpoint().getHost();
            int port = server.port();
            CompletableFuture<Void> closing = closeAsync(server);
            await("new connections are refused", () -> refusesConnections(host, port));
            assertThat(closing).isNotDone();
            out.write(BODY, 1000, BODY.length - 1000);
            out.flush();
            assertThat(RawHttp.read(upload.getInputStream()).status()).isEqualTo(200);
            closing.get(60, TimeUnit.SECONDS);
        }
        assertThat(Files.readAllBytes(root.resolve("graceful/big"))).isEqualTo(BODY);
        assertThat(isEmpty(root.resolve("graceful/.fs3/tmp"))).isTrue();
    }

    @Test
    void anUploadStillRunningAtTheTimeoutIsCutAndLeavesNothing(@TempDir Path root) throws Exception {
        TestServer server = TestServer.start(root, Map.of("fs3.http.shutdown-timeout", "300ms"));
        try (S3Client s3 = server.sdk()) {
            s3.createBucket(b -> b.bucket("cut"));
        }
        try (Socket upload = RawHttp.connect(server.endpoint())) {
            RawHttp.sendHead(upload, "PUT", presignedPut(server, "cut", "partial"), "Content-Length: " + BODY.length + "\r\n");
            upload.getOutputStream().write(BODY, 0, 1000);
            upload.getOutputStream().flush();
            await("the upload is being written", () -> !isEmpty(root.resolve("cut/.fs3/tmp")));

            closeAsync(server).get(60, TimeUnit.SECONDS); // returns although the body never completes
            assertThat(responseStatusOrClosed(upload)).as("no success for a cut upload").isNotEqualTo(200);
        }
        assertThat(root.resolve("cut/partial")).doesNotExist();
        await("no temp file is left", () -> isEmpty(root.resolve("cut/.fs3/tmp")));
    }
}
