package io.fs3.server.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB object streamed in and out of the packaged server jar running with a 128 MiB heap: proof that
 * bodies move in constant memory. The data is generated on the fly, never held by the test either.
 */
class LargeObjectSmallHeapIT {
    private static final long SIZE = 1L << 30;
    private static final Pattern ENDPOINT = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path tmp;

    @Test
    void oneGibibyteThroughA128MiBHeap() throws Exception {
        Path jar = Path.of("target/fs3-server.jar");
        assertThat(jar).as("run after 'package' (mvn verify)").exists();
        Path config = tmp.resolve("fs3.properties");
        Files.writeString(config, String.join("\n", "fs3.http.host=127.0.0.1", "fs3.http.port=0",
                "fs3.auth.access-key=" + TestServer.ACCESS_KEY, "fs3.auth.secret-key=" + TestServer.SECRET_KEY,
                "fs3.storage.fsync=false", "fs3.storage.root=" + tmp.resolve("data")));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", jar.toString(), "--config", config.toString())
                .redirectErrorStream(true).start();
        try (S3Client s3 = client(awaitEndpoint(p))) {
            s3.createBucket(b -> b.bucket("big"));
            MessageDigest sent = MessageDigest.getInstance("MD5");
            String etag = s3.putObject(b -> b.bucket("big").key("one-gib"), RequestBody.fromContentProvider(
                    () -> new DigestInputStream(new PatternStream(SIZE), sent), SIZE, "application/octet-stream")).eTag();
            String sentMd5 = HexFormat.of().formatHex(sent.digest());
            assertThat(etag).isEqualTo('"' + sentMd5 + '"');
            MessageDigest received = MessageDigest.getInstance("MD5");
            long n;
            try (InputStream in = new DigestInputStream(s3.getObject(b -> b.bucket("big").key("one-gib")), received)) {
                n = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertThat(n).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sentMd5);
            assertThat(Files.size(tmp.resolve("data/big/one-gib"))).isEqualTo(SIZE);
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static S3Client client(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials()).forcePathStyle(true).build();
    }

    private static URI awaitEndpoint(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = ENDPOINT.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // server stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("server did not start:\n" + seen);
    }

    /** A deterministic, non-repeating-looking byte stream of a given length (an LCG), generated as it is read. */
    static final class PatternStream extends InputStream {
        private long remaining;
        private long state = 0x9E3779B97F4A7C15L;

        PatternStream(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                b[off + i] = (byte) (state >>> 56);
            }
            remaining -= n;
            return n;
        }
    }
}
