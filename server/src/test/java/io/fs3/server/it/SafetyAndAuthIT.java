package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Over real HTTP: hostile keys never leave the bucket, keys are decoded once, and bad credentials get AWS's errors. */
class SafetyAndAuthIT {
    @TempDir
    static Path tmp;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("escape"), "sentinel");
        server = TestServer.start(tmp.resolve("root"));
        s3 = server.sdk();
        s3.createBucket(b -> b.bucket("safe"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void hostileKeysAreRefusedOrStayInsideTheBucket() throws Exception {
        for (String key : hostileKeys()) {
            if (key.indexOf('\0') >= 0) {
                continue; // the SDK cannot send NUL in a path; covered by the storage-level test
            }
            try {
                s3.putObject(b -> b.bucket("safe").key(key), RequestBody.fromString("x"));
            } catch (S3Exception e) {
                assertThat(e.statusCode()).as(key).isBetween(400, 499);
            } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                // the client itself refused to build the request: nothing reached the server
            }
        }
        assertThat(Files.readString(tmp.resolve("escape"))).isEqualTo("sentinel");
        try (Stream<Path> s = Files.list(tmp.resolve("outside"))) {
            assertThat(s).isEmpty();
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("root", "outside", "escape");
        }
        try (Stream<Path> s = Files.list(tmp.resolve("root"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("safe", ".fs3");
        }
        try (Stream<Path> s = Files.walk(tmp.resolve("root/safe/.fs3"))) {
            assertThat(s.filter(Files::isRegularFile)).as("nothing written into the reserved directory").isEmpty();
        }
    }

    @Test
    void aLiteralPlusInTheRawPathIsAPlusAndEncodedSlashIsASlash() throws Exception {
        s3.putObject(b -> b.bucket("safe").key("a+b/c d"), RequestBody.fromString("plus"));
        var url = server.presigner().presignGetObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket("safe").key("a+b/c d"))).url().toString();
        assertThat(url).contains("a%2Bb");
        HttpClient http = HttpClient.newHttpClient();
        for (String variant : List.of(url, url.replace("a%2Bb", "a+b"), url.replace("a%2Bb%2Fc", "a%2Bb/c"))) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(variant)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(variant).isEqualTo(200);
            assertThat(r.body()).isEqualTo("plus");
        }
    }

    @Test
    void wrongSecretUnknownKeyAndAnonymousGetAwsErrors() throws Exception {
        try (S3Client wrongSecret = client("test-access-key", "not-the-secret"); S3Client unknown = client("nobody", "x")) {
            assertThatThrownBy(() -> wrongSecret.listBuckets()).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            });
            assertThatThrownBy(() -> unknown.listBuckets()).isInstanceOfSatisfying(S3Exception.class, e ->
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId"));
        }
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/safe")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.headers().firstValue("x-amz-request-id")).isPresent();
        assertThat(anonymous.body()).contains("<Code>AccessDenied</Code>");
        HttpResponse<String> patch = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/_fs3/none"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(patch.statusCode()).isBetween(400, 499);
    }

    private static S3Client client(String ak, String sk) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ak, sk))).build();
    }

    private static List<String> hostileKeys() throws Exception {
        try (InputStream in = SafetyAndAuthIT.class.getResourceAsStream("/keys/hostile.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isEmpty()).map(SafetyAndAuthIT::unescape).toList();
        }
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                b.append('\\');
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
