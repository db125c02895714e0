package io.fs3.server.it;

import io.fs3.config.ConfigLoader;
import io.fs3.config.Fs3Settings;
import io.fs3.server.Fs3Server;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The S3 endpoint an integration test talks to, with clients configured for it.
 *
 * <p>Normally a real fs3 on an ephemeral loopback port over a temp root. With {@code -Dfs3.it.endpoint=URL}
 * (plus {@code fs3.it.accessKey}, {@code fs3.it.secretKey}, optionally {@code fs3.it.region}) the client
 * suites ({@link #connect}) run against that server instead, so fs3's behaviour can be compared with any other
 * S3 implementation; tests that need fs3 itself ({@link #start}, {@link #root()}, {@link #server()},
 * {@link #requireFs3}) are then skipped with the reason.
 */
public final class TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String REGION = "us-east-1";

    /** Another S3 server to run the client suites against, from system properties; empty = start fs3. */
    public record External(URI endpoint, String accessKey, String secretKey, String region) {
        static Optional<External> fromSystemProperties() {
            String url = System.getProperty("fs3.it.endpoint", "").trim();
            if (url.isEmpty()) {
                return Optional.empty();
            }
            String access = System.getProperty("fs3.it.accessKey", "");
            String secret = System.getProperty("fs3.it.secretKey", "");
            if (access.isEmpty() || secret.isEmpty()) {
                throw new IllegalStateException("-Dfs3.it.endpoint=" + url + " also needs -Dfs3.it.accessKey and -Dfs3.it.secretKey");
            }
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            return Optional.of(new External(uri, access, secret, System.getProperty("fs3.it.region", REGION)));
        }
    }

    private static final Optional<External> EXTERNAL = External.fromSystemProperties();
    /** Suffix of every bucket a test creates on an external endpoint (so runs never collide and can be cleaned). */
    private static final String RUN_ID = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);

    private final Fs3Server server; // null against an external endpoint
    private final Path root;         // null against an external endpoint
    private final URI endpoint;

    private TestServer(Fs3Server server, Path root, URI endpoint) {
        this.server = server;
        this.root = root;
        this.endpoint = endpoint;
    }

    /**
     * The endpoint under test for a client-compatibility suite: the external one if {@code fs3.it.endpoint} is
     * set, otherwise a fresh fs3 serving {@code root}.
     */
    public static TestServer connect(Path root) throws Exception {
        if (EXTERNAL.isPresent()) {
            System.out.println("[fs3-it] running against external endpoint " + EXTERNAL.get().endpoint()
                    + " (buckets get the suffix -" + RUN_ID + ")");
            return new TestServer(null, null, EXTERNAL.get().endpoint());
        }
        return start(root, Map.of());
    }

    /** A fresh fs3 serving {@code root}, for tests of fs3 itself (skipped when an external endpoint is set). */
    public static TestServer start(Path root) throws Exception {
        return start(root, Map.of());
    }

    public static TestServer start(Path root, Map<String, String> extra) throws Exception {
        skipIfExternal("starts its own fs3" + (extra.isEmpty() ? "" : " with settings " + extra.keySet()));
        Map<String, String> p = new HashMap<>();
        p.put("fs3.storage.root", root.toString());
        p.put("fs3.http.host", "127.0.0.1");
        p.put("fs3.http.port", "0");
        p.put("fs3.auth.access-key", ACCESS_KEY);
        p.put("fs3.auth.secret-key", SECRET_KEY);
        p.put("fs3.storage.fsync", "false");
        p.putAll(extra);
        Fs3Settings settings = ConfigLoader.load(Optional.empty(), p);
        Fs3Server started = Fs3Server.start(settings);
        return new TestServer(started, root, started.endpoint());
    }

    /** Whether the tests run against another server given by {@code -Dfs3.it.endpoint}. */
    public static boolean isExternal() {
        return EXTERNAL.isPresent();
    }

    private static void skipIfExternal(String what) {
        Assumptions.assumeTrue(EXTERNAL.isEmpty(), () -> "fs3-specific (" + what + "); skipped because -Dfs3.it.endpoint="
                + EXTERNAL.get().endpoint() + " points the client suites at another server");
    }

    /** Skips the calling test against an external endpoint: it checks behaviour that is fs3's own, not S3's. */
    public void requireFs3(String why) {
        skipIfExternal(why);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** host:port of the endpoint (for clients configured that way, e.g. s3cmd). */
    public String hostAndPort() {
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        return endpoint.getHost() + ":" + port;
    }

    public boolean https() {
        return "https".equals(endpoint.getScheme());
    }

    public int port() {
        requireFs3("uses fs3's port");
        return server.port();
    }

    /** fs3's storage root; skips the calling test against an external endpoint. */
    public Path root() {
        requireFs3("inspects fs3's directory tree");
        return root;
    }

    /** fs3's storage root when the endpoint is a local fs3. */
    public Optional<Path> localRoot() {
        return Optional.ofNullable(root);
    }

    /** Runs a check on fs3's directory tree, only when the endpoint is a local fs3. */
    public void ifLocal(Consumer<Path> check) {
        if (root != null) {
            check.accept(root);
        }
    }

    public Fs3Server server() {
        requireFs3("uses the fs3 server object");
        return server;
    }

    /** A bucket name for this run: {@code base} itself on a local fs3, {@code base-RUNID} on an external endpoint. */
    public String bucket(String base) {
        return EXTERNAL.isPresent() ? base + "-" + RUN_ID : base;
    }

    public String accessKey() {
        return EXTERNAL.map(External::accessKey).orElse(ACCESS_KEY);
    }

    public String secretKey() {
        return EXTERNAL.map(External::secretKey).orElse(SECRET_KEY);
    }

    public String region() {
        return EXTERNAL.map(External::region).orElse(REGION);
    }

    public S3Client sdk() {
        return S3Client.builder().endpointOverride(endpoint).region(Region.of(region()))
                .credentialsProvider(credentials()).forcePathStyle(true).build();
    }

    public S3AsyncClient asyncSdk() {
        return S3AsyncClient.builder().endpointOverride(endpoint).region(Region.of(region()))
                .credentialsProvider(credentials()).forcePathStyle(true).build();
    }

    public S3Presigner presigner() {
        return S3Presigner.builder().endpointOverride(endpoint).region(Region.of(region()))
                .credentialsProvider(credentials())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build()).build();
    }

    /** Credentials of the endpoint under test (fs3's test user, or the external endpoint's). */
    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                EXTERNAL.map(External::accessKey).orElse(ACCESS_KEY), EXTERNAL.map(External::secretKey).orElse(SECRET_KEY)));
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        } else {
            removeRunBuckets();
        }
    }

    /** On an external endpoint, best-effort removal of what this run's tests left behind. */
    private void removeRunBuckets() {
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(region()))
                .credentialsProvider(credentials()).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED).build()) {
            for (Bucket b : s3.listBuckets().buckets()) {
                if (!b.name().endsWith("-" + RUN_ID)) {
                    continue;
                }
                try {
                    for (MultipartUpload u : s3.listMultipartUploads(r -> r.bucket(b.name())).uploads()) {
                        s3.abortMultipartUpload(r -> r.bucket(b.name()).key(u.key()).uploadId(u.uploadId()));
                    }
                } catch (RuntimeException ignored) {
                    // the server may not list uploads; objects and bucket still go
                }
                for (var page : s3.listObjectsV2Paginator(r -> r.bucket(b.name()))) {
                    List<ObjectIdentifier> ids = page.contents().stream().map(S3Object::key)
                            .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
                    if (!ids.isEmpty()) {
                        s3.deleteObjects(r -> r.bucket(b.name()).delete(d -> d.objects(ids)));
                    }
                }
                s3.deleteBucket(r -> r.bucket(b.name()));
            }
        } catch (RuntimeException e) {
            System.out.println("[fs3-it] cleanup of buckets *-" + RUN_ID + " on " + endpoint + " failed: " + e);
        }
    }
}
