package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aws CLI as a user runs it: Debian's v2 (/usr/bin/aws: signed payload + Content-MD5) and, where
 * present, the v1 on PATH (botocore ≥ 1.36: CRC32 checksum headers).
 */
class AwsCliIT {
    @TempDir
    static Path root;
    @TempDir
    static Path home;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(root);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/bin/aws"})
    void copyListRemoveWithAwsCli(String aws) throws Exception {
        CliTool.require(aws);
        String bucket = "cli-" + Math.abs(aws.hashCode() % 1000);
        Path small = home.resolve("small.txt");
        Files.writeString(small, "hello from the aws cli\n");
        Path medium = home.resolve("medium.bin");
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(1).nextBytes(data);
        Files.write(medium, data);

        ok(aws, "s3", "mb", "s3://" + bucket);
        ok(aws, "s3", "cp", small.toString(), "s3://" + bucket + "/docs/small file.txt");
        ok(aws, "s3", "cp", medium.toString(), "s3://" + bucket + "/medium.bin");
        String ls = ok(aws, "s3", "ls", "--recursive", "s3://" + bucket);
        assertThat(ls).contains("docs/small file.txt").contains("medium.bin");
        String top = ok(aws, "s3", "ls", "s3://" + bucket + "/");
        assertThat(top).contains("PRE docs/");
        Path back = home.resolve("back.bin");
        ok(aws, "s3", "cp", "s3://" + bucket + "/medium.bin", back.toString());
        assertThat(Files.readAllBytes(back)).isEqualTo(data);
        String head = ok(aws, "s3api", "head-object", "--bucket", bucket, "--key", "docs/small file.txt");
        assertThat(head).contains("\"ContentLength\": 23");
        ok(aws, "s3", "rm", "s3://" + bucket + "/docs/small file.txt");
        ok(aws, "s3", "rm", "s3://" + bucket + "/medium.bin");
        assertThat(ok(aws, "s3", "ls", "--recursive", "s3://" + bucket)).doesNotContain("medium.bin");
        ok(aws, "s3", "rb", "s3://" + bucket);
        assertThat(Files.exists(root.resolve(bucket))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/bin/aws"})
    void syncBothWaysCopiesNothingTheSecondTime(String aws) throws Exception {
        CliTool.require(aws);
        Path local = Files.createDirectories(home.resolve("sync-src"));
        Files.createDirectories(local.resolve("nested/deeper"));
        Files.writeString(local.resolve("one.txt"), "1");
        Files.writeString(local.resolve("nested/two.txt"), "22");
        Files.writeString(local.resolve("nested/deeper/three with space.txt"), "333");
        ok(aws, "s3", "mb", "s3://sync-bucket");
        String up = ok(aws, "s3", "sync", local.toString(), "s3://sync-bucket/tree");
        assertThat(up).contains("upload:").contains("three with space.txt");
        assertThat(ok(aws, "s3", "sync", local.toString(), "s3://sync-bucket/tree")).doesNotContain("upload:");
        Path back = home.resolve("sync-back");
        String down = ok(aws, "s3", "sync", "s3://sync-bucket/tree", back.toString());
        assertThat(down).contains("download:");
        assertThat(Files.readString(back.resolve("nested/deeper/three with space.txt"))).isEqualTo("333");
        assertThat(ok(aws, "s3", "sync", "s3://sync-bucket/tree", back.toString())).doesNotContain("download:");
        // a local change is uploaded, and --delete removes what is gone locally
        Files.writeString(local.resolve("one.txt"), "changed");
        Files.delete(local.resolve("nested/two.txt"));
        String again = ok(aws, "s3", "sync", "--delete", local.toString(), "s3://sync-bucket/tree");
        assertThat(again).contains("upload: ").contains("one.txt").contains("delete: s3://sync-bucket/tree/nested/two.txt");
        assertThat(Files.readString(root.resolve("sync-bucket/tree/one.txt"))).isEqualTo("changed");
    }

    private static String ok(String aws, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(aws, "--endpoint-url", server.endpoint().toString()));
        cmd.addAll(List.of(args));
        CliTool.Result r = CliTool.run(home, Map.of(
                "AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", TestServer.SECRET_KEY,
                "AWS_DEFAULT_REGION", TestServer.REGION,
                "AWS_CONFIG_FILE", home.resolve("nonexistent-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("nonexistent-credentials").toString()), cmd);
        assertThat(r.exitCode()).as("%s%n%s", cmd, r.output()).isZero();
        return r.output();
    }
}
