package io.fs3.server.ops;

import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fs3.http.header-timeout}: a request head trickled byte by byte (each byte inside the idle timeout)
 * is cut once it has taken that long; an idle keep-alive connection and a slow request body are not.
 */
class HeaderTimeoutIT {
    private static final Map<String, String> SETTINGS = Map.of("fs3.http.header-timeout", "1s",
            "fs3.http.idle-timeout", "10s");
    private static final int TRICKLE_MS = 100;

    @Test
    void aTrickledRequestHeadIsClosedAfterTheHeaderTimeout(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, SETTINGS);
             Socket socket = RawHttp.connect(server.endpoint())) {
            socket.setSoTimeout(TRICKLE_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /_fs3/live HTTP/1.1\r\nHost: " + server.hostAndPort() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            // At most 8 s of trickling (80 header bytes); without the limit the idle timeout (10 s) never fires.
            for (int i = 0; i < 80 && !closed; i++) {
                closed = !sendOneByteIfOpen(out, socket.getInputStream(), i == 0 ? 'X' : 'a');
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(closed).as("the server closed the connection").isTrue();
            assertThat(elapsedMs).as("not before the header timeout").isGreaterThanOrEqualTo(1000);
            assertThat(elapsedMs).as("well before the idle timeout would have").isLessThan(6000);
            assertThat(server.server().ops().metrics().registry().counter("fs3.http.header.timeouts").count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void anIdleKeepAliveConnectionAndASlowBodyOutliveTheHeaderTimeout(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, SETTINGS); S3Client s3 = server.sdk()) {
            s3.createBucket(b -> b.bucket("slow"));
            URI live = server.endpoint().resolve("/_fs3/live");
            try (Socket socket = RawHttp.connect(server.endpoint())) {
                RawHttp.sendHead(socket, "GET", live, "");
                assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
                Thread.sleep(2500); // idle between requests: the idle timeout's business, not the header timeout's
                RawHttp.sendHead(socket, "GET", live, "");
                assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);

                String body = "0123456789abcdefghijklmnopqrst"; // 30 bytes over ~3 s: three header timeouts
                RawHttp.sendHead(socket, "PUT", LimitsIT.presignedPut(server, "slow", "trickled"),
                        "Content-Length: " + body.length() + "\r\n");
                for (byte b : body.getBytes(StandardCharsets.US_ASCII)) {
                    socket.getOutputStream().write(b);
                    socket.getOutputStream().flush();
                    Thread.sleep(TRICKLE_MS);
                }
                assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
                assertThat(s3.getObjectAsBytes(r -> r.bucket("slow").key("trickled")).asUtf8String()).isEqualTo(body);
            }
            assertThat(server.server().ops().metrics().registry().counter("fs3.http.header.timeouts").count()).isZero();
        }
    }

    /** Writes one byte and waits up to the socket's timeout for the server to close; false once it has. */
    private static boolean sendOneByteIfOpen(OutputStream out, InputStream in, int b) throws IOException {
        try {
            out.write(b);
            out.flush();
        } catch (IOException e) {
            return false; // reset by the server
        }
        try {
            return in.read() >= 0; // a byte would be an answer to a head that never ended: count as open
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
