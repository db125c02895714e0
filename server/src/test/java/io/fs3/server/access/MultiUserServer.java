package io.fs3.server.access;

import io.fs3.config.ConfigLoader;
import io.fs3.config.Fs3Settings;
import io.fs3.server.Fs3Server;
import io.fs3.server.admin.AdminCommand;
import io.fs3.server.it.TestServer;
import io.fs3.server.ops.ConfigSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * fs3 with a configuration file and a users file next to it (users made with the admin command, in
 * process), the admin key from {@link TestServer}, and SDK clients per user or anonymous.
 */
public final class MultiUserServer implements AutoCloseable {
    public static final String ADMIN = "admin";

    /** A user's key pair, as {@code user add} printed it. */
    public record Keys(String accessKey, String secretKey) {
        public AwsCredentialsProvider provider() {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        }
    }

    private final Fs3Server server;
    private final Path config;
    private final Map<String, Keys> users;

    private MultiUserServer(Fs3Server server, Path config, Map<String, Keys> users) {
        this.server = server;
        this.config = config;
        this.users = users;
    }

    public static MultiUserServer start(Path dir, Map<String, String> extra, String... userNames) throws Exception {
        Path config = writeConfig(dir, extra);
        Map<String, Keys> users = new LinkedHashMap<>();
        users.put(ADMIN, new Keys(TestServer.ACCESS_KEY, TestServer.SECRET_KEY));
        for (String name : userNames) {
            users.put(name, addUser(config, name));
        }
        Fs3Settings settings = ConfigLoader.load(Optional.of(config), Map.of());
        return new MultiUserServer(Fs3Server.start(settings, new ConfigSource(Optional.of(config), Map.of())), config, users);
    }

    public static Path writeConfig(Path dir, Map<String, String> extra) throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put("fs3.storage.root", dir.resolve("data").toString());
        p.put("fs3.http.host", "127.0.0.1");
        p.put("fs3.http.port", "0");
        p.put("fs3.auth.access-key", TestServer.ACCESS_KEY);
        p.put("fs3.auth.secret-key", TestServer.SECRET_KEY);
        p.put("fs3.storage.fsync", "false");
        p.putAll(extra);
        StringBuilder b = new StringBuilder();
        p.forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Path config = dir.resolve("fs3.properties");
        Files.writeString(config, b.toString());
        return config;
    }

    /** Runs an admin command in process against this configuration; returns its standard output. */
    public static String admin(Path config, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--config", config.toString())).toArray(String[]::new);
        int code = new AdminCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(all);
        if (code != 0) {
            throw new AssertionError("admin " + String.join(" ", args) + " failed (" + code + "): " + err);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Keys addUser(Path config, String name) {
        return parseKeys(admin(config, "user", "add", name));
    }

    static Keys parseKeys(String output) {
        String ak = null;
        String sk = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("accessKey=")) {
                ak = line.substring("accessKey=".length());
            } else if (line.startsWith("secretKey=")) {
                sk = line.substring("secretKey=".length());
            }
        }
        return new Keys(ak, sk);
    }

    public Keys keys(String user) {
        return users.get(user);
    }

    public Path config() {
        return config;
    }

    public Fs3Server server() {
        return server;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public S3Client client(String user) {
        return client(users.get(user).provider());
    }

    public S3Client client(AwsCredentialsProvider credentials) {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                .forcePathStyle(true).build();
    }

    public S3Client anonymous() {
        return client(AnonymousCredentialsProvider.create());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
