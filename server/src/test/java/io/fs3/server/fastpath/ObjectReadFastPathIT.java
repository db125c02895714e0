package io.fs3.server.fastpath;

import io.fs3.server.it.TestServer;
import io.fs3.server.ops.OpsTesting;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct GET/HEAD path answers exactly as the Jersey path does (status, headers, body), takes only the
 * requests it should, and leaves every failure to Jersey's S3 errors. A request with a non-matching
 * If-None-Match is the same request for Jersey: the pair compares the two paths on the same object.
 */
class ObjectReadFastPathIT {
    @TempDir
    static Path tmp;
    static TestServer server;
    static S3Client s3;
    static S3Presigner presigner;
    static HttpClient http;
    static MeterRegistry registry;
    static final String BUCKET = "fast";
    static final byte[] SMALL = "hello, direct path\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] LARGE = new byte[ObjectReadFastPath.MAX_BODY + 1];
    /** Streamed in several buffers, the last one partly filled. */
    static final byte[] BIG = new byte[3 * ObjectReadFastPath.STREAM_BUFFER + 17];

    @BeforeAll
    static void start() throws Exception {
        startWith(Map.of()); // auto: the temp directory is local, so direct answers run on the I/O thread
    }

    static void startWith(Map<String, String> settings) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data"));
        server = TestServer.start(root, settings);
        s3 = server.sdk();
        presigner = server.presigner();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        registry = server.server().ops().metrics().registry();
        new Random(7).nextBytes(LARGE);
        new Random(8).nextBytes(BIG);
        s3.createBucket(b -> b.bucket(BUCKET));
        s3.putObject(b -> b.bucket(BUCKET).key("plain.txt").contentType("text/plain"), RequestBody.fromBytes(SMALL));
        s3.putObject(b -> b.bucket(BUCKET).key("dir/ü n+%.bin").contentType("application/x-thing")
                        .contentEncoding("identity").contentDisposition("attachment; filename=\"a.bin\"")
                        .contentLanguage("de").cacheControl("max-age=60").expires(java.time.Instant.parse("2030-01-01T00:00:00Z"))
                        .metadata(Map.of("colour", "blue", "n", "1")).tagging("a=1&b=2").checksumAlgorithm("SHA256"),
                RequestBody.fromBytes(SMALL));
        s3.putObject(b -> b.bucket(BUCKET).key("empty"), RequestBody.empty());
        s3.putObject(b -> b.bucket(BUCKET).key("large.bin"), RequestBody.fromBytes(LARGE));
        s3.putObject(b -> b.bucket(BUCKET).key("big.bin").contentType("application/x-big").metadata(Map.of("m", "1")),
                RequestBody.fromBytes(BIG));
        Files.write(root.resolve(BUCKET).resolve("foreign.log"), SMALL); // written by another program
    }

    @AfterAll
    static void stop() throws Exception {
        presigner.close();
        s3.close();
        server.close();
    }

    static double direct() {
        return registry.counter("fs3.requests.direct").count();
    }

    static URI presigned(String method, String key) throws Exception {
        return switch (method) {
            case "GET" -> presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(BUCKET).key(key))).url().toURI();
            case "HEAD" -> presigner.presignHeadObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .headObjectRequest(g -> g.bucket(BUCKET).key(key))).url().toURI();
            default -> throw new IllegalArgumentException(method);
        };
    }

    static HttpResponse<byte[]> send(String method, URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The headers a client sees, minus the ones that differ on every response. */
    static Map<String, List<String>> comparable(HttpResponse<?> r) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date") && !name.equalsIgnoreCase("x-amz-request-id")
                    && !name.equalsIgnoreCase("x-amz-id-2")) {
                h.put(name, values);
            }
        });
        return h;
    }

    @Test
    void answersExactlyAsJerseyDoes() throws Exception {
        for (String key : List.of("plain.txt", "dir/ü n+%.bin", "empty", "foreign.log", "large.bin", "big.bin")) {
            for (String method : List.of("GET", "HEAD")) {
                URI uri = presigned(method, key);
                double before = direct();
                HttpResponse<byte[]> fast = send(method, uri);
                assertThat(direct()).as("%s %s took the direct path", method, key).isEqualTo(before + 1);
                HttpResponse<byte[]> jersey = send(method, uri, "If-None-Match", "\"not-this-one\"");
                assertThat(direct()).as("%s %s with a conditional went to Jersey", method, key).isEqualTo(before + 1);

                assertThat(fast.statusCode()).as("%s %s", method, key).isEqualTo(200).isEqualTo(jersey.statusCode());
                assertThat(comparable(fast)).as("%s %s headers", method, key).isEqualTo(comparable(jersey));
                assertThat(fast.body()).as("%s %s body", method, key).isEqualTo(jersey.body());
                assertThat(fast.headers().firstValue("x-amz-request-id")).isPresent()
                        .isEqualTo(fast.headers().firstValue("x-amz-id-2"));
            }
        }
        HttpResponse<byte[]> meta = send("GET", presigned("GET", "dir/ü n+%.bin"));
        assertThat(meta.body()).isEqualTo(SMALL);
        assertThat(meta.headers().firstValue("x-amz-meta-colour")).contains("blue");
        assertThat(meta.headers().firstValue("x-amz-tagging-count")).contains("2");
        assertThat(meta.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"a.bin\"");
    }

    @Test
    void signedSdkRequestsTakeItWithTheirChecksumModeAndVerify() throws Exception {
        double before = direct();
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("dir/ü n+%.bin")
                .checksumMode("ENABLED"));
        assertThat(got.asByteArray()).isEqualTo(SMALL);
        assertThat(got.response().checksumSHA256()).isNotBlank();
        assertThat(got.response().metadata()).containsEntry("colour", "blue");
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("plain.txt")).contentLength()).isEqualTo(SMALL.length);
        assertThat(direct()).isEqualTo(before + 2);
    }

    @Test
    void rangesAndOverridesGoThroughJersey() throws Exception {
        double before = direct();
        HttpResponse<byte[]> range = send("GET", presigned("GET", "plain.txt"), "Range", "bytes=0-4");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(new String(range.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        URI override = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(BUCKET).key("plain.txt").responseContentType("text/html"))).url().toURI();
        assertThat(send("GET", override).headers().firstValue("Content-Type")).contains("text/html");
        assertThat(direct()).isEqualTo(before);
    }

    @Test
    void everyFailureIsJerseysS3Error() throws Exception {
        double before = direct();
        URI good = presigned("GET", "plain.txt");
        String url = good.toString();
        int sig = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        URI tampered = URI.create(url.substring(0, sig) + (url.charAt(sig) == '0' ? '1' : '0') + url.substring(sig + 1));
        HttpResponse<byte[]> badSignature = send("GET", tampered);
        assertThat(badSignature.statusCode()).isEqualTo(403);
        assertThat(new String(badSignature.body(), StandardCharsets.UTF_8)).contains("<Code>SignatureDoesNotMatch</Code>");

        HttpResponse<byte[]> missing = send("GET", presigned("GET", "nope"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("<Code>NoSuchKey</Code>");
        assertThat(send("HEAD", presigned("HEAD", "nope")).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> anonymous = send("GET", server.endpoint().resolve("/" + BUCKET + "/plain.txt"));
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).contains("<Code>AccessDenied</Code>");
        assertThat(direct()).isEqualTo(before);
        OpsTesting.await("the 404 is metered", () ->
                registry.counter("fs3.requests", "operation", "GetObject", "status", "404").count() > 0);
    }

    @Test
    void directAnswersAreMetered() throws Exception {
        double ok = registry.counter("fs3.requests", "operation", "GetObject", "status", "200").count();
        double bytes = registry.counter("fs3.response.body", "operation", "GetObject").count();
        double before = direct();
        assertThat(send("GET", presigned("GET", "plain.txt")).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> big = send("GET", presigned("GET", "big.bin"));
        assertThat(big.body()).isEqualTo(BIG);
        assertThat(direct()).isEqualTo(before + 2);
        // recorded once the response is written, which the client may see first
        OpsTesting.await("the direct GETs are metered", () ->
                registry.counter("fs3.requests", "operation", "GetObject", "status", "200").count() == ok + 2
                        && registry.counter("fs3.response.body", "operation", "GetObject").count()
                        == bytes + SMALL.length + BIG.length);
    }

    /**
     * Requests the direct path does not answer must not run on the I/O thread: an upload whose body stalls
     * would otherwise hold up every other connection that thread serves.
     */
    @Test
    void aStalledUploadHoldsUpNoOtherRequest() throws Exception {
        URI put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(BUCKET).key("slow.bin"))).url().toURI();
        byte[] body = new byte[1000];
        new Random(3).nextBytes(body);
        try (Socket upload = new Socket(put.getHost(), put.getPort())) {
            upload.setSoTimeout(30_000);
            OutputStream out = upload.getOutputStream();
            out.write(("PUT " + put.getRawPath() + "?" + put.getRawQuery() + " HTTP/1.1\r\nHost: " + put.getHost() + ":"
                    + put.getPort() + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(200); // the upload is now waiting for the rest of its body

            HttpClient other = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            for (String key : List.of("plain.txt", "large.bin", "nope")) {
                HttpResponse<byte[]> r = other.send(HttpRequest.newBuilder(presigned("GET", key))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).as(key).isEqualTo(key.equals("nope") ? 404 : 200);
            }
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isNotEmpty();

            out.write(body, 10, body.length - 10);
            out.flush();
            String status = new String(upload.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 200");
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("slow.bin")).asByteArray()).isEqualTo(body);
    }
}
