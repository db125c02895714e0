package io.fs3.server.it;

import io.fs3.config.ConfigLoader;
import io.fs3.config.Fs3Settings;
import io.fs3.server.Fs3Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A real fs3 on an ephemeral loopback port over a temp root, with clients configured for it. */
public final class TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String REGION = "us-east-1";

    private final Fs3Server server;
    private final Path root;

    private TestServer(Fs3Server server, Path root) {
        this.server = server;
        this.root = root;
    }

    public static TestServer start(Path root) throws Exception {
        return start(root, Map.of());
    }

    public static TestServer start(Path root, Map<String, String> extra) throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put("fs3.storage.root", root.toString());
        p.put("fs3.http.host", "127.0.0.1");
        p.put("fs3.http.port", "0");
        p.put("fs3.auth.access-key", ACCESS_KEY);
        p.put("fs3.auth.secret-key", SECRET_KEY);
        p.put("fs3.storage.fsync", "false");
        p.putAll(extra);
        Fs3Settings settings = ConfigLoader.load(Optional.empty(), p);
        return new TestServer(Fs3Server.start(settings), root);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    public Path root() {
        return root;
    }

    public Fs3Server server() {
        return server;
    }

    public S3Client sdk() {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials()).forcePathStyle(true).build();
    }

    public S3AsyncClient asyncSdk() {
        return S3AsyncClient.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials()).forcePathStyle(true).build();
    }

    public S3Presigner presigner() {
        return S3Presigner.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build()).build();
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
