package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rclone (Debian's /usr/bin/rclone, provider {@code Other}, configured through RCLONE_CONFIG_FS3_* variables): it
 * lists with ListObjects V1, keeps modification times in {@code X-Amz-Meta-Mtime}, uploads above 5 MiB in 5 MiB
 * parts with the whole file's MD5 in {@code X-Amz-Meta-Md5chksum}, and in {@code check}/{@code sync} compares MD5s:
 * the ETag of a single-part object (a real MD5 for objects fs3 wrote) and that metadata for multipart ones.
 * AWS_CA_BUNDLE, set in some environments, breaks rclone; {@link CliTool} strips every AWS_* variable.
 */
@AnyS3Endpoint
class RcloneIT {
    private static final String RCLONE = "/usr/bin/rclone";
    private static final Instant OLD_MTIME = Instant.parse("2001-02-03T04:05:06Z");

    @TempDir
    static Path root;
    @TempDir
    static Path home;
    static TestServer server;
    static S3Client s3;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        CliTool.require(RCLONE);
        server = TestServer.connect(root);
        s3 = server.sdk();
        env = new HashMap<>(Map.of(
                "RCLONE_CONFIG_FS3_TYPE", "s3",
                "RCLONE_CONFIG_FS3_PROVIDER", "Other",
                "RCLONE_CONFIG_FS3_ENV_AUTH", "false",
                "RCLONE_CONFIG_FS3_ACCESS_KEY_ID", server.accessKey(),
                "RCLONE_CONFIG_FS3_SECRET_ACCESS_KEY", server.secretKey(),
                "RCLONE_CONFIG_FS3_ENDPOINT", server.endpoint().toString(),
                "RCLONE_CONFIG_FS3_REGION", server.region(),
                "RCLONE_CONFIG_FS3_FORCE_PATH_STYLE", "true",
                "RCLONE_CONFIG_FS3_UPLOAD_CUTOFF", "5Mi",
                "RCLONE_CONFIG_FS3_CHUNK_SIZE", "5Mi"));
        env.put("TZ", "UTC");
        Files.writeString(home.resolve("rclone.conf"), "");
        CliTool.version("rclone", home, env, List.of(RCLONE, "version"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void mkdirCopyListCheckCopytoMovetoDeleteRmdir() throws Exception {
        String bucket = server.bucket("rclone-basics");
        Path local = localTree(home.resolve("basics"));
        ok("mkdir", "fs3:" + bucket);
        assertThat(ok("lsd", "fs3:")).contains(" " + bucket + "\n");

        ok("copy", local.toString(), "fs3:" + bucket + "/tree");
        HeadObjectResponse big = s3.headObject(r -> r.bucket(bucket).key("tree/big.bin"));
        assertThat(big.eTag()).as("uploaded in 5 MiB parts").endsWith("-3\"");
        assertThat(big.metadata()).containsKey("md5chksum").containsKey("mtime");
        HeadObjectResponse small = s3.headObject(r -> r.bucket(bucket).key("tree/a.txt"));
        assertThat(small.eTag()).as("a single PUT's ETag is the MD5 rclone compares")
                .isEqualTo('"' + TestFiles.md5(local.resolve("a.txt")) + '"');

        // listings: recursive (no delimiter) and directory by directory (delimiter /)
        assertThat(lines(ok("lsf", "-R", "fs3:" + bucket + "/tree"))).isEqualTo(new TreeSet<>(Set.of(
                "a.txt", "big.bin", "sub/", "sub/b.txt", "sub/deep/", "sub/deep/c with space.txt", "ünï/", "ünï/ß.txt")));
        assertThat(lines(ok("lsf", "fs3:" + bucket + "/tree"))).containsExactlyInAnyOrder("a.txt", "big.bin", "sub/", "ünï/");
        String lsd = ok("lsd", "fs3:" + bucket + "/tree");
        assertThat(lsd).contains(" sub\n").contains(" ünï\n").doesNotContain("a.txt");

        // hashes: check compares every MD5 (no "hashes could not be checked"), md5sum reads them
        String check = ok("check", local.toString(), "fs3:" + bucket + "/tree");
        assertThat(check).contains("0 differences found").contains("5 matching files").doesNotContain("could not be checked");
        Map<String, String> remoteMd5 = ok("md5sum", "fs3:" + bucket + "/tree").lines().map(l -> l.split(" {2}", 2))
                .collect(Collectors.toMap(p -> p[1], p -> p[0]));
        assertThat(remoteMd5).containsEntry("big.bin", TestFiles.md5(local.resolve("big.bin")))
                .containsEntry("sub/deep/c with space.txt", TestFiles.md5(local.resolve("sub/deep/c with space.txt")));

        // the modification time round-trips through X-Amz-Meta-Mtime
        assertThat(ok("lsjson", "fs3:" + bucket + "/tree/a.txt")).contains("\"ModTime\":\"2001-02-03T04:05:06.000000000Z\"");

        ok("copyto", "fs3:" + bucket + "/tree/a.txt", "fs3:" + bucket + "/copied.txt");
        assertThat(ok("cat", "fs3:" + bucket + "/copied.txt")).isEqualTo("alpha\n");
        ok("moveto", "fs3:" + bucket + "/copied.txt", "fs3:" + bucket + "/moved.txt");
        assertThat(lines(ok("lsf", "fs3:" + bucket))).containsExactlyInAnyOrder("moved.txt", "tree/");
        assertThat(ok("lsjson", "fs3:" + bucket + "/moved.txt")).contains("\"ModTime\":\"2001-02-03T04:05:06.000000000Z\"");

        ok("delete", "fs3:" + bucket + "/tree/sub");
        assertThat(lines(ok("lsf", "-R", "fs3:" + bucket + "/tree"))).containsExactlyInAnyOrder(
                "a.txt", "big.bin", "ünï/", "ünï/ß.txt");
        ok("delete", "fs3:" + bucket);
        assertThat(ok("lsf", "-R", "fs3:" + bucket)).isBlank();
        ok("rmdir", "fs3:" + bucket);
        assertThat(ok("lsd", "fs3:")).doesNotContain(" " + bucket + "\n");
        server.ifLocal(r -> assertThat(r.resolve(bucket)).doesNotExist());
    }

    @Test
    void checkFindsContentThatDiffersOnlyInItsHash() throws Exception {
        String bucket = server.bucket("rclone-check");
        Path local = Files.createDirectories(home.resolve("check"));
        TestFiles.mtime(TestFiles.text(local.resolve("same-size.txt"), "original"), OLD_MTIME);
        TestFiles.random(local.resolve("big.bin"), 11L << 20, 5);
        ok("mkdir", "fs3:" + bucket);
        ok("copy", local.toString(), "fs3:" + bucket);
        assertThat(ok("check", local.toString(), "fs3:" + bucket)).contains("0 differences found");

        // same size, same mtime, other bytes: only the MD5 tells
        TestFiles.mtime(TestFiles.text(local.resolve("same-size.txt"), "ORIGINAL"), OLD_MTIME);
        try (var ch = java.nio.channels.FileChannel.open(local.resolve("big.bin"), java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), 7L << 20); // inside the multipart object's second part
        }
        CliTool.Result r = rclone("check", local.toString(), "fs3:" + bucket);
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("2 differences found").contains("same-size.txt: md5 differ").contains("big.bin: md5 differ");
        CliTool.Result download = rclone("check", "--download", local.toString(), "fs3:" + bucket);
        assertThat(download.exitCode()).as(download.output()).isNotZero();
        assertThat(download.output()).contains("2 differences found");
        ok("purge", "fs3:" + bucket);
    }

    @Test
    void syncBothWaysTransfersOnlyChanges() throws Exception {
        String bucket = server.bucket("rclone-sync");
        Path local = localTree(home.resolve("sync"));
        ok("mkdir", "fs3:" + bucket);
        assertThat(ok("sync", "-v", local.toString(), "fs3:" + bucket + "/mirror")).contains("Copied (new)");
        assertThat(ok("sync", "-v", local.toString(), "fs3:" + bucket + "/mirror")).as("nothing changed")
                .doesNotContain("Copied").doesNotContain("Deleted");

        TestFiles.text(local.resolve("sub/b.txt"), "bravo, changed\n");
        Files.delete(local.resolve("ünï/ß.txt"));
        TestFiles.text(local.resolve("new/added.txt"), "added\n");
        String again = ok("sync", "-v", local.toString(), "fs3:" + bucket + "/mirror");
        assertThat(again).contains("sub/b.txt: Copied (replaced existing)").contains("new/added.txt: Copied (new)")
                .contains("ünï/ß.txt: Deleted").doesNotContain("big.bin");
        assertThat(ok("check", local.toString(), "fs3:" + bucket + "/mirror")).contains("0 differences found");

        Path back = home.resolve("sync-back");
        ok("sync", "fs3:" + bucket + "/mirror", back.toString());
        assertThat(Files.readString(back.resolve("sub/b.txt"))).isEqualTo("bravo, changed\n");
        assertThat(TestFiles.md5(back.resolve("big.bin"))).isEqualTo(TestFiles.md5(local.resolve("big.bin")));
        assertThat(Files.getLastModifiedTime(back.resolve("a.txt")).toInstant()).isEqualTo(OLD_MTIME);
        assertThat(back.resolve("ünï/ß.txt")).doesNotExist();
        assertThat(ok("sync", "-v", "fs3:" + bucket + "/mirror", back.toString())).as("nothing changed")
                .doesNotContain("Copied");
        ok("purge", "fs3:" + bucket);
    }

    @Test
    void mountWithVfsCacheModeWrites() throws Exception {
        FuseMounts.assumeAvailable("rclone mount");
        String bucket = server.bucket("rclone-mount");
        s3.createBucket(r -> r.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("existing/file.txt"), RequestBody.fromString("already there"));
        Path mnt = Files.createDirectories(home.resolve("mnt"));
        Path log = home.resolve("rclone-mount.log");
        Process mount = CliTool.start(home, env, List.of(RCLONE, "--config", home.resolve("rclone.conf").toString(),
                "mount", "fs3:" + bucket, mnt.toString(), "--vfs-cache-mode", "writes", "--vfs-write-back", "0s",
                "--cache-dir", home.resolve("vfs-cache").toString(), "--dir-cache-time", "1s", "-v"), log);
        try {
            FuseMounts.awaitMounted(mnt, mount, log, "rclone mount");
            assertThat(Files.readString(mnt.resolve("existing/file.txt"))).isEqualTo("already there");
            Files.writeString(mnt.resolve("written.txt"), "through the mount");
            Files.createDirectories(mnt.resolve("made/deeper"));
            Path bigLocal = TestFiles.random(home.resolve("mount-big.bin"), 6L << 20, 9);
            Files.copy(bigLocal, mnt.resolve("made/deeper/big.bin"));
            Files.move(mnt.resolve("written.txt"), mnt.resolve("renamed.txt"));
            Files.delete(mnt.resolve("existing/file.txt"));
            try (Stream<Path> list = Files.list(mnt)) {
                assertThat(list.map(p -> p.getFileName().toString())).contains("renamed.txt", "made");
            }
            awaitKeys(bucket, List.of("made/deeper/big.bin", "renamed.txt"));
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("renamed.txt")).asUtf8String()).isEqualTo("through the mount");
            assertThat(TestFiles.md5(s3.getObjectAsBytes(r -> r.bucket(bucket).key("made/deeper/big.bin")).asByteArray()))
                    .isEqualTo(TestFiles.md5(bigLocal));
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("existing/")).contents()).isEmpty();
        } finally {
            FuseMounts.unmount(mnt, mount, home);
        }
        assertThat(FuseMounts.isMounted(mnt)).isFalse();
        ok("purge", "fs3:" + bucket);
    }

    /** Waits for rclone's VFS to have uploaded what was written through the mount (and nothing else). */
    private static void awaitKeys(String bucket, List<String> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> keys = List.of();
        while (System.nanoTime() < deadline) {
            keys = s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).sorted().toList();
            if (keys.equals(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected keys " + expected + " after writing through the mount, found " + keys);
    }

    /** a.txt (old mtime), sub/b.txt, sub/deep/c with space.txt, ünï/ß.txt and a 12 MiB big.bin (three parts). */
    private static Path localTree(Path dir) throws Exception {
        TestFiles.mtime(TestFiles.text(dir.resolve("a.txt"), "alpha\n"), OLD_MTIME);
        TestFiles.text(dir.resolve("sub/b.txt"), "bravo\n");
        TestFiles.text(dir.resolve("sub/deep/c with space.txt"), "charlie\n");
        TestFiles.text(dir.resolve("ünï/ß.txt"), "unicode\n");
        TestFiles.random(dir.resolve("big.bin"), 12L << 20, 3);
        return dir;
    }

    private static Set<String> lines(String output) {
        return output.lines().filter(l -> !l.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String ok(String... args) throws Exception {
        CliTool.Result r = rclone(args);
        assertThat(r.exitCode()).as("rclone %s%n%s", List.of(args), r.output()).isZero();
        return r.output();
    }

    private static CliTool.Result rclone(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(RCLONE, "--config", home.resolve("rclone.conf").toString()));
        cmd.addAll(List.of(args));
        return CliTool.run(home, env, cmd);
    }
}
