package io.fs3.server.fastpath;

import io.fs3.server.it.TestServer;
import io.fs3.server.ops.OpsTesting;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The direct PutObject path stores exactly what the Jersey path stores and answers as it does, takes only the
 * requests it should, and every failure (found before or after the body was read) is still Jersey's S3 error,
 * with nothing stored by the failed attempt.
 */
class ObjectPutFastPathIT {
    @TempDir
    static Path tmp;
    static Path root;
    static TestServer server;
    static S3Client s3;
    static S3Presigner presigner;
    static HttpClient http;
    static MeterRegistry registry;
    static boolean storesOnIoThread;
    static final String BUCKET = "puts";
    static final byte[] BODY = "stored straight from Jetty\n".getBytes(StandardCharsets.UTF_8);

    /** Starts with fsync off (as every test server does): PUTs whose body has arrived are stored on the I/O thread. */
    @BeforeAll
    static void start() throws Exception {
        startWith(Map.of());
    }

    static void startWith(Map<String, String> settings) throws Exception {
        storesOnIoThread = !"off".equals(settings.get("fs3.http.io-thread-writes"));
        root = Files.createDirectories(tmp.resolve("data"));
        server = TestServer.start(root, settings);
        s3 = server.sdk();
        presigner = server.presigner();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        registry = server.server().ops().metrics().registry();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() throws Exception {
        presigner.close();
        s3.close();
        server.close();
    }

    static double direct() {
        return registry.counter("fs3.requests.direct.writes").count();
    }

    /** A presigned PUT URL that signs these headers (as the SDK presigns them, values bound by the signature). */
    static URI presignedPut(String key, Map<String, String> metadata, String contentType) throws Exception {
        return presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(BUCKET).key(key).metadata(metadata).contentType(contentType)))
                .url().toURI();
    }

    static HttpResponse<byte[]> put(URI uri, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String md5Hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    @Test
    void storesAndAnswersExactlyAsJerseyDoes() throws Exception {
        Map<String, String> meta = Map.of("colour", "blue");
        String[] headers = {"Content-Type", "text/plain", "x-amz-meta-colour", "blue",
                "Cache-Control", "max-age=60", "Content-Disposition", "attachment; filename=\"a.txt\""};
        double before = direct();
        HttpResponse<byte[]> fast = put(presignedPut("fast/ü n+%.txt", meta, "text/plain"), BODY, headers);
        assertThat(direct()).as("took the direct path").isEqualTo(before + 1);
        // the same request, made Jersey's by a conditional the direct path leaves alone (no object there yet)
        HttpResponse<byte[]> jersey = put(presignedPut("jersey/ü n+%.txt", meta, "text/plain"), BODY,
                concat(headers, "If-None-Match", "*"));
        assertThat(direct()).as("the conditional PUT went to Jersey").isEqualTo(before + 1);

        assertThat(fast.statusCode()).isEqualTo(200).isEqualTo(jersey.statusCode());
        assertThat(ObjectReadFastPathIT.comparable(fast)).isEqualTo(ObjectReadFastPathIT.comparable(jersey));
        assertThat(fast.headers().firstValue("ETag")).contains("\"" + md5Hex(BODY) + "\"");
        assertThat(fast.headers().firstValue("x-amz-request-id")).isPresent().isEqualTo(fast.headers().firstValue("x-amz-id-2"));

        HeadObjectResponse a = s3.headObject(b -> b.bucket(BUCKET).key("fast/ü n+%.txt"));
        HeadObjectResponse b = s3.headObject(x -> x.bucket(BUCKET).key("jersey/ü n+%.txt"));
        assertThat(a.eTag()).isEqualTo(b.eTag());
        assertThat(a.contentType()).isEqualTo("text/plain").isEqualTo(b.contentType());
        assertThat(a.metadata()).isEqualTo(Map.of("colour", "blue")).isEqualTo(b.metadata());
        assertThat(a.cacheControl()).isEqualTo("max-age=60").isEqualTo(b.cacheControl());
        assertThat(a.contentDisposition()).isEqualTo(b.contentDisposition());
        assertThat(Files.readAllBytes(root.resolve(BUCKET).resolve("fast").resolve("ü n+%.txt"))).isEqualTo(BODY);
    }

    @Test
    void signedPayloadsAreCheckedAndContentMd5IsHonoured() throws Exception {
        double before = direct();
        // The MinIO SDK and boto3 over plain HTTP sign the payload's SHA-256: the direct path verifies it.
        byte[] body = new byte[ObjectPutFastPath.MAX_BODY];
        new Random(5).nextBytes(body);
        Signed signed = signedPut("signed.bin", body);
        HttpResponse<byte[]> ok = put(signed.uri(), body, signed.headers());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(direct()).isEqualTo(before + 1);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("signed.bin")).asByteArray()).isEqualTo(body);

        byte[] other = body.clone();
        other[0] ^= 1;
        HttpResponse<byte[]> mismatch = put(signed.uri(), other, signed.headers());
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(new String(mismatch.body(), StandardCharsets.UTF_8)).contains("<Code>XAmzContentSHA256Mismatch</Code>");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("signed.bin")).asByteArray())
                .as("the old object is untouched").isEqualTo(body);

        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(BODY));
        URI withMd5 = presignedPut("md5.txt", Map.of(), "text/plain");
        assertThat(put(withMd5, BODY, "Content-Type", "text/plain", "Content-MD5", md5).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> badDigest = put(presignedPut("md5-bad.txt", Map.of(), "text/plain"), "other".getBytes(),
                "Content-Type", "text/plain", "Content-MD5", md5);
        assertThat(badDigest.statusCode()).isEqualTo(400);
        assertThat(new String(badDigest.body(), StandardCharsets.UTF_8)).contains("<Code>BadDigest</Code>");
        assertThat(root.resolve(BUCKET).resolve("md5-bad.txt")).doesNotExist();
        assertThat(direct()).as("the two good ones only").isEqualTo(before + 2);
    }

    @Test
    void theChecksumHeaderOfTheCliAndBoto3IsVerifiedStoredAndReturnedAsByJersey() throws Exception {
        double before = direct();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(BODY);
        String crc32 = Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        Map<String, String> extra = Map.of("x-amz-checksum-crc32", crc32, "x-amz-sdk-checksum-algorithm", "CRC32",
                "x-amz-storage-class", "STANDARD", "Content-Type", "application/octet-stream");
        Signed fastPut = signedPut("crc/fast.bin", BODY, extra);
        HttpResponse<byte[]> fast = put(fastPut.uri(), BODY, fastPut.headers());
        assertThat(direct()).as("took the direct path").isEqualTo(before + 1);
        Signed jerseyPut = signedPut("crc/jersey.bin", BODY, extra);
        HttpResponse<byte[]> jersey = put(jerseyPut.uri(), BODY, concat(jerseyPut.headers(), "If-None-Match", "*"));
        assertThat(direct()).isEqualTo(before + 1);
        assertThat(fast.statusCode()).isEqualTo(200).isEqualTo(jersey.statusCode());
        assertThat(fast.headers().firstValue("x-amz-checksum-crc32")).contains(crc32);
        assertThat(fast.headers().firstValue("x-amz-checksum-type")).contains("FULL_OBJECT");
        assertThat(ObjectReadFastPathIT.comparable(fast)).isEqualTo(ObjectReadFastPathIT.comparable(jersey));
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("crc/fast.bin").checksumMode("ENABLED")).checksumCRC32())
                .isEqualTo(crc32);

        Signed wrong = signedPut("crc/wrong.bin", BODY, Map.of("x-amz-checksum-crc32", "AAAAAA=="));
        HttpResponse<byte[]> mismatch = put(wrong.uri(), BODY, wrong.headers());
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(new String(mismatch.body(), StandardCharsets.UTF_8)).contains("<Code>BadDigest</Code>");
        assertThat(root.resolve(BUCKET).resolve("crc").resolve("wrong.bin")).doesNotExist();
        assertThat(direct()).isEqualTo(before + 1);
    }

    @Test
    void everyFailureIsJerseysS3Error() throws Exception {
        double before = direct();
        String url = presignedPut("denied.txt", Map.of(), "text/plain").toString();
        int sig = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        URI tampered = URI.create(url.substring(0, sig) + (url.charAt(sig) == '0' ? '1' : '0') + url.substring(sig + 1));
        HttpResponse<byte[]> badSignature = put(tampered, BODY, "Content-Type", "text/plain");
        assertThat(badSignature.statusCode()).isEqualTo(403);
        assertThat(new String(badSignature.body(), StandardCharsets.UTF_8)).contains("<Code>SignatureDoesNotMatch</Code>");

        URI noBucket = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket("no-such-bucket").key("k"))).url().toURI();
        HttpResponse<byte[]> missing = put(noBucket, BODY);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("<Code>NoSuchBucket</Code>");

        Files.write(root.resolve(BUCKET).resolve("parent"), BODY);
        HttpResponse<byte[]> underFile = put(presignedPut("parent/child", Map.of(), "text/plain"), BODY,
                "Content-Type", "text/plain");
        assertThat(underFile.statusCode()).isEqualTo(409);
        assertThat(new String(underFile.body(), StandardCharsets.UTF_8)).contains("<Code>ObjectParentIsFile</Code>");

        HttpResponse<byte[]> anonymous = put(server.endpoint().resolve("/" + BUCKET + "/anon.txt"), BODY);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(root.resolve(BUCKET).resolve("anon.txt")).doesNotExist();
        assertThat(direct()).isEqualTo(before);
        try (var files = Files.list(root.resolve(BUCKET).resolve(".fs3").resolve("tmp"))) {
            assertThat(files).as("no temp file left behind").isEmpty();
        }
    }

    @Test
    void largeBodiesGoThroughJersey() throws Exception {
        double before = direct();
        byte[] large = new byte[ObjectPutFastPath.MAX_BODY + 1];
        new Random(9).nextBytes(large);
        assertThat(put(presignedPut("large.bin", Map.of(), "application/octet-stream"), large,
                "Content-Type", "application/octet-stream").statusCode()).isEqualTo(200);
        assertThat(direct()).isEqualTo(before);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("large.bin")).asByteArray()).isEqualTo(large);
    }

    /**
     * The Java SDK's small PUTs (signed aws-chunked with a CRC32 trailer) are decoded, verified and stored
     * directly; a checksum that does not match is Jersey's BadDigest, with nothing stored.
     */
    @Test
    void theJavaSdksAwsChunkedPutsAreDecodedAndVerified() throws Exception {
        double before = direct();
        double ioBefore = registry.counter("fs3.requests.direct.writes.io.thread").count();
        s3.putObject(b -> b.bucket(BUCKET).key("sdk.txt").checksumAlgorithm("CRC32").contentType("text/plain")
                .metadata(Map.of("who", "sdk")), RequestBody.fromBytes(BODY));
        assertThat(direct()).isEqualTo(before + 1);
        assertThat(registry.counter("fs3.requests.direct.writes.io.thread").count())
                .as("after Expect: 100-continue too").isEqualTo(ioBefore + (storesOnIoThread ? 1 : 0));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("sdk.txt")).asByteArray()).isEqualTo(BODY);
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("sdk.txt").checksumMode("ENABLED"));
        CRC32 crc = new CRC32();
        crc.update(BODY);
        assertThat(head.checksumCRC32()).isEqualTo(Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array()));
        assertThat(head.eTag()).isEqualTo("\"" + md5Hex(BODY) + "\"");
        assertThat(head.contentLength()).isEqualTo(BODY.length);
        assertThat(head.contentEncoding()).as("aws-chunked is framing, not stored").isNull();
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(head.metadata()).containsEntry("who", "sdk");

        String wrong = Base64.getEncoder().encodeToString(new byte[4]);
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("sdk-bad.txt").checksumCRC32(wrong),
                RequestBody.fromBytes(BODY)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest"));
        assertThat(root.resolve(BUCKET).resolve("sdk-bad.txt")).doesNotExist();
        assertThat(direct()).isEqualTo(before + 1);
    }

    /**
     * With fsync off a PUT is read as its body arrives, with its headers or after them, and stored on the I/O
     * thread, unless configured otherwise; one that fails there is still Jersey's S3 error, with nothing stored.
     */
    @Test
    void theBodyIsReadAsItArrivesAndStoredWhereConfigured() throws Exception {
        double all = direct();
        double onIoThread = registry.counter("fs3.requests.direct.writes.io.thread").count();
        assertThat(rawPut(presignedPut("one-write.txt", Map.of(), "text/plain"), "", 0)).startsWith("HTTP/1.1 200");
        assertThat(rawPut(presignedPut("late-body.txt", Map.of(), "text/plain"), "", 300)).startsWith("HTTP/1.1 200");
        assertThat(direct()).isEqualTo(all + 2);
        assertThat(registry.counter("fs3.requests.direct.writes.io.thread").count())
                .isEqualTo(onIoThread + (storesOnIoThread ? 2 : 0));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("one-write.txt")).asByteArray()).isEqualTo(BODY);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("late-body.txt")).asByteArray()).isEqualTo(BODY);

        String badDigest = rawPut(presignedPut("bad-digest.txt", Map.of(), "text/plain"),
                "Content-MD5: " + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n", 0);
        assertThat(badDigest).startsWith("HTTP/1.1 400").contains("<Code>BadDigest</Code>");
        assertThat(root.resolve(BUCKET).resolve("bad-digest.txt")).doesNotExist();
        assertThat(direct()).isEqualTo(all + 2);
    }

    /**
     * PUTs {@link #BODY} on a raw connection: request line, headers and body in one write, or the body
     * {@code bodyDelayMillis} after the headers. The whole response, as text.
     */
    static String rawPut(URI put, String extraHeaders, long bodyDelayMillis) throws Exception {
        try (Socket socket = new Socket(put.getHost(), put.getPort())) {
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(("PUT " + put.getRawPath() + "?" + put.getRawQuery() + " HTTP/1.1\r\nHost: "
                    + put.getHost() + ":" + put.getPort() + "\r\nContent-Type: text/plain\r\n" + extraHeaders
                    + "Content-Length: " + BODY.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            if (bodyDelayMillis > 0) {
                out.write(head.toByteArray());
                out.flush();
                Thread.sleep(bodyDelayMillis); // the request is now waiting for its body
                out.write(BODY);
            } else {
                head.writeBytes(BODY);
                out.write(head.toByteArray());
            }
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void directWritesAreMetered() throws Exception {
        double ok = registry.counter("fs3.requests", "operation", "PutObject", "status", "200").count();
        double bytesIn = registry.counter("fs3.request.body", "operation", "PutObject").count();
        assertThat(put(presignedPut("metered.txt", Map.of(), "text/plain"), BODY, "Content-Type", "text/plain")
                .statusCode()).isEqualTo(200);
        OpsTesting.await("the direct PUT is metered", () ->
                registry.counter("fs3.requests", "operation", "PutObject", "status", "200").count() == ok + 1
                        && registry.counter("fs3.request.body", "operation", "PutObject").count() == bytesIn + BODY.length);
    }

    record Signed(URI uri, String[] headers) {
    }

    /** A PUT signed in its headers with the payload's SHA-256, as the SDK's signer makes it. */
    static Signed signedPut(String key, byte[] body) {
        return signedPut(key, body, Map.of());
    }

    static Signed signedPut(String key, byte[] body, Map<String, String> extraHeaders) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.PUT)
                .uri(server.endpoint().resolve("/" + BUCKET + "/" + key));
        extraHeaders.forEach(builder::putHeader);
        SdkHttpRequest request = builder.build();
        var signed = AwsV4HttpSigner.create().sign(b -> b
                .identity(AwsCredentialsIdentity.create(server.accessKey(), server.secretKey()))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, server.region())
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        List<String> headers = new ArrayList<>();
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) { // the HTTP client sends the same Host itself
                values.forEach(v -> {
                    headers.add(name);
                    headers.add(v);
                });
            }
        });
        return new Signed(signed.request().getUri(), headers.toArray(String[]::new));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
