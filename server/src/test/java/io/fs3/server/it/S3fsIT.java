package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * s3fs-fuse (Debian's /usr/bin/s3fs 1.90) mounting a bucket: for every path it probes {@code HEAD key},
 * {@code HEAD key/}, {@code HEAD key_$folder$} and {@code GET ?delimiter=/&max-keys=2&prefix=key/}; mkdir creates
 * a zero-byte {@code dir/} object; files above 5 MiB go up in 5 MiB parts; mode, uid, gid and mtime live in
 * {@code x-amz-meta-*} and are changed by a self-copy with {@code REPLACE}. Needs FUSE (the test is skipped, with the
 * reason printed, where there is none).
 */
@AnyS3Endpoint
class S3fsIT {
    private static final String S3FS = "/usr/bin/s3fs";

    @TempDir
    static Path root;
    @TempDir
    static Path home;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        CliTool.require(S3FS);
        server = TestServer.connect(root);
        s3 = server.sdk();
        CliTool.version("s3fs", home, Map.of(), List.of(S3FS, "--version"));
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
    void mountReadWriteMkdirRenameRemove() throws Exception {
        FuseMounts.assumeAvailable("s3fs");
        String bucket = server.bucket("s3fs-mount");
        s3.createBucket(r -> r.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("top.txt"), RequestBody.fromString("at the top"));
        // a directory that exists only through its objects (no dir/ marker): s3fs finds it by listing
        s3.putObject(r -> r.bucket(bucket).key("implicit/inner.txt"), RequestBody.fromString("inside"));

        Path mnt = Files.createDirectories(home.resolve("mnt"));
        Path log = home.resolve("s3fs.log");
        Process mount = mount(bucket, mnt, log);
        try {
            FuseMounts.awaitMounted(mnt, mount, log, "s3fs");
            try (Stream<Path> list = Files.list(mnt)) {
                assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("top.txt", "implicit");
            }
            assertThat(Files.isDirectory(mnt.resolve("implicit"))).isTrue();
            assertThat(Files.readString(mnt.resolve("implicit/inner.txt"))).isEqualTo("inside");
            assertThat(Files.readString(mnt.resolve("top.txt"))).isEqualTo("at the top");

            // mkdir: a zero-byte "made/" object that fs3 keeps as a directory
            Files.createDirectory(mnt.resolve("made"));
            HeadObjectResponse marker = s3.headObject(r -> r.bucket(bucket).key("made/"));
            assertThat(marker.contentLength()).isZero();
            server.ifLocal(r -> assertThat(r.resolve(bucket).resolve("made")).isDirectory());

            Files.writeString(mnt.resolve("made/small.txt"), "written through s3fs");
            Path big = TestFiles.random(home.resolve("big.bin"), (12L << 20) + 9, 6);
            Files.copy(big, mnt.resolve("made/big.bin"));
            HeadObjectResponse bigHead = s3.headObject(r -> r.bucket(bucket).key("made/big.bin"));
            assertThat(bigHead.eTag()).as("s3fs uploaded it in parts").matches("\"[0-9a-f]{32}-[2-9]\"");
            assertThat(TestFiles.md5(s3.getObjectAsBytes(r -> r.bucket(bucket).key("made/big.bin")).asByteArray()))
                    .isEqualTo(TestFiles.md5(big));
            assertThat(TestFiles.md5(mnt.resolve("made/big.bin"))).isEqualTo(TestFiles.md5(big));
            HeadObjectResponse small = s3.headObject(r -> r.bucket(bucket).key("made/small.txt"));
            assertThat(small.metadata()).containsKeys("mode", "mtime");

            // utimens: s3fs rewrites the metadata with a self-copy (x-amz-metadata-directive: REPLACE)
            Instant when = Instant.parse("2003-04-05T06:07:08Z");
            Files.setLastModifiedTime(mnt.resolve("made/small.txt"), FileTime.from(when));
            assertThat(s3.headObject(r -> r.bucket(bucket).key("made/small.txt")).metadata())
                    .containsEntry("mtime", String.valueOf(when.getEpochSecond()));
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("made/small.txt")).asUtf8String())
                    .isEqualTo("written through s3fs");

            renameRemoveRmdir(bucket, mnt);
        } finally {
            FuseMounts.unmount(mnt, mount, home);
        }
        assertThat(FuseMounts.isMounted(mnt)).isFalse();
    }

    private Process mount(String bucket, Path mnt, Path log) throws Exception {
        Path passwd = home.resolve("passwd-s3fs");
        Files.writeString(passwd, server.accessKey() + ":" + server.secretKey());
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
        // multipart_threshold: s3fs 1.90 documents 5 (MB) as the minimum but refuses it
        return CliTool.start(home, Map.of(), List.of(S3FS, bucket, mnt.toString(), "-f",
                "-o", "url=" + server.endpoint(), "-o", "use_path_request_style", "-o", "passwd_file=" + passwd,
                "-o", "endpoint=" + server.region(), "-o", "multipart_size=5", "-o", "multipart_threshold=6",
                "-o", "stat_cache_expire=1", "-o", "dbglevel=warn"), log);
    }

    /** rename (copy + delete), remove, rmdir through the mount; then the bucket holds only the first two objects */
    private void renameRemoveRmdir(String bucket, Path mnt) throws Exception {
        Files.move(mnt.resolve("made/small.txt"), mnt.resolve("made/renamed.txt"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("made/renamed.txt")).asUtf8String())
                .isEqualTo("written through s3fs");
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key("made/small.txt")))
                .isInstanceOf(NoSuchKeyException.class);
        Files.delete(mnt.resolve("made/renamed.txt"));
        Files.delete(mnt.resolve("made/big.bin"));
        Files.delete(mnt.resolve("made"));
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::key)
                .containsExactly("implicit/inner.txt", "top.txt");
    }
}
