package io.fs3.server.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin commands of the packaged jar, run as processes like an operator would, against a server jar
 * that is running (and one that refuses to start): keys printed once, picked up without a restart,
 * rotated and revoked, concurrent edits, a broken edit, an over-readable users file.
 */
class AdminCommandsIT {
    @TempDir
    Path dir;

    private Path config() throws Exception {
        return MultiUserServer.writeConfig(dir, Map.of());
    }

    private MultiUserServer.Keys add(Path config, String user) throws Exception {
        JarProcesses.Result r = JarProcesses.run(dir, "user", "add", user, "--config", config.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).matches("(?s)accessKey=FS3[A-Z0-9]{17}\nsecretKey=\\S{40}\n");
        return MultiUserServer.parseKeys(r.stdout());
    }

    private static S3Client client(URI endpoint, MultiUserServer.Keys keys) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(keys.provider())
                .forcePathStyle(true).build();
    }

    @Test
    void usersAndKeysChangeWhileTheServerRuns() throws Exception {
        Path config = config();
        MultiUserServer.Keys alice = add(config, "alice");
        Path users = dir.resolve("users.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-------");
        try (JarProcesses.Server server = JarProcesses.start(dir.resolve("server.log"), "--config", config.toString());
             S3Client asAlice = client(server.endpoint(), alice)) {
            asAlice.createBucket(b -> b.bucket("alices"));
            asAlice.putObject(b -> b.bucket("alices").key("k"), RequestBody.fromString("v"));

            MultiUserServer.Keys bob = add(config, "bob"); // while the server runs
            try (S3Client asBob = client(server.endpoint(), bob)) {
                assertThat(asBob.listBuckets().buckets()).isEmpty();
                assertThat(denied(() -> asBob.getObjectAsBytes(b -> b.bucket("alices").key("k")))).isEqualTo("AccessDenied");
            }

            JarProcesses.Result list = JarProcesses.run(dir, "user", "list", "--config", config.toString());
            assertThat(list.stdout()).contains("alice\tuser").contains("bob\tuser").contains(alice.accessKey())
                    .doesNotContain(alice.secretKey());

            JarProcesses.Result rotate = JarProcesses.run(dir, "key", "rotate", "alice", "--config", config.toString());
            assertThat(rotate.exitCode()).isZero();
            assertThat(denied(() -> asAlice.listBuckets())).isEqualTo("InvalidAccessKeyId");
            try (S3Client rotated = client(server.endpoint(), MultiUserServer.parseKeys(rotate.stdout()))) {
                assertThat(rotated.getObjectAsBytes(b -> b.bucket("alices").key("k")).asUtf8String()).isEqualTo("v");
            }

            JarProcesses.Result remove = JarProcesses.run(dir, "user", "remove", "bob", "--config", config.toString());
            assertThat(remove.exitCode()).isZero();
            try (S3Client asBob = client(server.endpoint(), bob)) {
                assertThat(denied(asBob::listBuckets)).isEqualTo("InvalidAccessKeyId");
            }
        }
    }

    @Test
    void concurrentAdminCommandsLoseNoEdit() throws Exception {
        Path config = config();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MultiUserServer.Keys>> adds = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String user = "user" + i;
                adds.add(pool.submit(() -> add(config, user)));
            }
            for (Future<MultiUserServer.Keys> f : adds) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        String list = JarProcesses.run(dir, "user", "list", "--config", config.toString()).stdout();
        for (int i = 0; i < 6; i++) {
            assertThat(list).contains("user" + i + "\tuser");
        }
    }

    @Test
    void aBrokenEditIsReportedAndTheLastGoodUsersStay() throws Exception {
        Path config = config();
        MultiUserServer.Keys alice = add(config, "alice");
        Path users = dir.resolve("users.properties");
        try (JarProcesses.Server server = JarProcesses.start(dir.resolve("server.log"), "--config", config.toString());
             S3Client asAlice = client(server.endpoint(), alice)) {
            asAlice.listBuckets();
            String good = Files.readString(users);
            Files.writeString(users, good + "\nkey.GHOSTKEY.user=ghost\n");
            assertThat(asAlice.listBuckets().owner().id()).isEqualTo("alice");
            awaitLog(server, "users file: " + users + " rejected");
            assertThat(server.output()).contains("access key GHOSTKEY needs both");
            Files.writeString(users, good);
            assertThat(asAlice.listBuckets().owner().id()).isEqualTo("alice");
        }
    }

    @Test
    void aUsersFileOthersCanReadStopsTheServerFromStarting() throws Exception {
        Path config = config();
        add(config, "alice");
        Path users = dir.resolve("users.properties");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
        Process p = new ProcessBuilder(JarProcesses.java("--config", config.toString())).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("fs3.users.file").contains("group or others").contains("chmod 600 " + users);
        JarProcesses.Result edit = JarProcesses.run(dir, "user", "add", "bob", "--config", config.toString());
        assertThat(edit.exitCode()).as("admin commands refuse it too").isEqualTo(1);
        assertThat(edit.stderr()).contains("chmod 600");
    }

    @Test
    void theReadmeRunCommandStillWorksWithItsGeneratedKey() throws Exception {
        Path root = dir.resolve("plain");
        try (JarProcesses.Server server = JarProcesses.start(dir.resolve("plain.log"), "--root", root.toString(),
                "--port", "0")) {
            awaitLog(server, "AWS_DEFAULT_REGION="); // the key block follows readiness: parse it once complete
            String out = server.output();
            String ak = out.replaceAll("(?s).*access key: (\\S+).*", "$1");
            String sk = out.replaceAll("(?s).*secret key: (\\S+).*", "$1");
            try (S3Client admin = client(server.endpoint(), new MultiUserServer.Keys(ak, sk))) {
                admin.createBucket(b -> b.bucket("mine"));
                assertThat(admin.listBuckets().owner().id()).isEqualTo("admin");
            }
            // with no config file, the users file lives in ROOT/.fs3/
            JarProcesses.Result r = JarProcesses.run(dir, "user", "add", "dora", "--root", root.toString());
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(root.resolve(".fs3/users.properties")).exists();
            try (S3Client dora = client(server.endpoint(), MultiUserServer.parseKeys(r.stdout()))) {
                assertThat(dora.listBuckets().buckets()).isEmpty();
            }
        }
    }

    private static String denied(Supplier<?> call) {
        try {
            call.get();
        } catch (S3Exception e) {
            assertThat(e.statusCode()).isEqualTo(403);
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("expected a refusal");
    }

    private static void awaitLog(JarProcesses.Server server, String text) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!server.output().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("log never said '" + text + "':\n" + server.output());
            }
            Thread.sleep(50);
        }
    }
}
