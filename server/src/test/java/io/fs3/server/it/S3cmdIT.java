package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * s3cmd (Debian's /usr/bin/s3cmd) as a user runs it: path-style through {@code host_bucket} without
 * {@code %(bucket)s}, Signature V4, 5 MiB multipart chunks. On the wire it lists with ListObjects V1 as
 * {@code GET /bucket/?delimiter=%2F} (trailing slash), sends {@code x-amz-meta-s3cmd-attrs} (md5, mode, mtime) with
 * every upload, checks the MD5 of what it downloads against the ETag (or, for multipart objects, against the md5 in
 * its attrs), and compares MD5s in {@code sync}.
 */
@AnyS3Endpoint
class S3cmdIT {
    private static final String S3CMD = "/usr/bin/s3cmd";
    private static final Instant OLD_MTIME = Instant.parse("2001-02-03T04:05:06Z");

    @TempDir
    static Path root;
    @TempDir
    static Path home;
    static TestServer server;
    static S3Client s3;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        CliTool.require(S3CMD);
        server = TestServer.connect(root);
        s3 = server.sdk();
        config = home.resolve("s3cfg");
        Files.writeString(config, String.join("\n",
                "[default]",
                "access_key = " + server.accessKey(),
                "secret_key = " + server.secretKey(),
                "host_base = " + server.hostAndPort(),
                "host_bucket = " + server.hostAndPort(),
                "use_https = " + (server.https() ? "True" : "False"),
                "signature_v2 = False",
                "bucket_location = " + server.region(),
                "multipart_chunk_size_mb = 5",
                "check_ssl_certificate = True",
                ""));
        CliTool.version("s3cmd", home, Map.of(), List.of(S3CMD, "--version"));
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
    void bucketsObjectsMultipartListingCopyAndDelete() throws Exception {
        String bucket = server.bucket("s3cmd-objects");
        String b = "s3://" + bucket;
        Path small = TestFiles.text(home.resolve("small.txt"), "hello from s3cmd\n");
        Path big = TestFiles.random(home.resolve("big.bin"), 17_000_000, 11); // > 15 MiB: four 5 MiB parts

        assertThat(ok("mb", b)).contains("Bucket '" + b + "/' created");
        assertThat(ok("ls")).contains(b);
        ok("put", "--mime-type=text/plain", "--add-header=x-amz-meta-color:blue", small.toString(), b + "/docs/small file.txt");
        ok("put", big.toString(), b + "/big.bin");
        HeadObjectResponse bigHead = s3.headObject(r -> r.bucket(bucket).key("big.bin"));
        assertThat(bigHead.eTag()).as("s3cmd uploaded in 5 MiB parts").endsWith("-4\"");
        assertThat(bigHead.contentLength()).isEqualTo(17_000_000);

        // ListObjects V1 with and without delimiter (GET /bucket/?delimiter=%2F)
        String top = ok("ls", b);
        assertThat(top).contains("DIR  " + b + "/docs/").contains(b + "/big.bin").doesNotContain("small file.txt");
        assertThat(ok("ls", b + "/docs/")).contains(b + "/docs/small file.txt").doesNotContain("big.bin");
        assertThat(ok("ls", "--recursive", b)).contains(b + "/docs/small file.txt").contains(b + "/big.bin");
        assertThat(ok("la")).contains(b + "/big.bin");

        String info = ok("info", b + "/docs/small file.txt");
        assertThat(info).contains("File size: 17").contains("MIME type: text/plain")
                .contains("MD5 sum:   " + TestFiles.md5(small)).contains("x-amz-meta-color: blue");
        assertThat(ok("info", b)).contains(b + "/ (bucket)");

        // downloads are MD5-checked by s3cmd itself: against the ETag, and for the multipart object against its attrs
        Path back = home.resolve("big.back");
        assertThat(ok("get", b + "/big.bin", back.toString())).doesNotContainIgnoringCase("MD5 signatures do not match");
        assertThat(TestFiles.md5(back)).isEqualTo(TestFiles.md5(big));
        Path smallBack = home.resolve("small.back");
        assertThat(ok("get", b + "/docs/small file.txt", smallBack.toString())).doesNotContainIgnoringCase("do not match");
        assertThat(Files.readString(smallBack)).isEqualTo("hello from s3cmd\n");

        // server-side copy keeps the metadata; mv is copy + delete
        ok("cp", b + "/docs/small file.txt", b + "/copy.txt");
        assertThat(ok("info", b + "/copy.txt")).contains("x-amz-meta-color: blue").contains("MD5 sum:   " + TestFiles.md5(small));
        ok("mv", b + "/copy.txt", b + "/moved.txt");
        assertThat(ok("ls", "--recursive", b)).contains(b + "/moved.txt").doesNotContain(b + "/copy.txt");
        assertThat(ok("du", b)).contains(String.valueOf(17_000_000 + 17 + 17));

        assertThat(ok("del", b + "/moved.txt")).contains("delete: '" + b + "/moved.txt'");
        ok("del", "--recursive", "--force", b);
        assertThat(ok("ls", "--recursive", b)).isBlank();
        assertThat(ok("rb", b)).contains("Bucket '" + b + "/' removed");
        assertThat(ok("ls")).doesNotContain(b + "\n");
        server.ifLocal(r -> assertThat(r.resolve(bucket)).doesNotExist());
    }

    @Test
    void syncBothWaysComparesMd5AndKeepsModificationTimes() throws Exception {
        String bucket = server.bucket("s3cmd-sync");
        String b = "s3://" + bucket;
        Path local = home.resolve("sync-src");
        TestFiles.mtime(TestFiles.text(local.resolve("one.txt"), "one"), OLD_MTIME);
        TestFiles.text(local.resolve("nested/two.txt"), "two");
        TestFiles.text(local.resolve("nested/deeper/three with space.txt"), "three");
        TestFiles.text(local.resolve("ünï/cödé.txt"), "unicode");
        ok("mb", b);

        String up = ok("sync", local + "/", b + "/tree/");
        assertThat(up).contains("upload:").contains("three with space.txt").contains("cödé.txt");
        assertThat(ok("sync", local + "/", b + "/tree/")).as("nothing changed").doesNotContain("upload:");

        // same size and mtime, other bytes: only an MD5 comparison sees it
        Files.writeString(local.resolve("nested/two.txt"), "TWO");
        TestFiles.mtime(local.resolve("nested/two.txt"), OLD_MTIME);
        Files.delete(local.resolve("ünï/cödé.txt"));
        String again = ok("sync", "--delete-removed", local + "/", b + "/tree/");
        assertThat(again).contains("upload: '" + local.resolve("nested/two.txt") + "'")
                .contains("delete: '" + b + "/tree/ünï/cödé.txt'").doesNotContain("one.txt");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("tree/nested/two.txt")).asUtf8String()).isEqualTo("TWO");

        Path back = home.resolve("sync-back");
        String down = ok("sync", b + "/tree/", back + "/");
        assertThat(down).contains("download:").contains("three with space.txt");
        assertThat(Files.readString(back.resolve("nested/deeper/three with space.txt"))).isEqualTo("three");
        // s3cmd restores the mtime it stored in x-amz-meta-s3cmd-attrs
        assertThat(Files.getLastModifiedTime(back.resolve("one.txt")).toInstant()).isEqualTo(OLD_MTIME);
        assertThat(back.resolve("ünï")).doesNotExist();
        assertThat(ok("sync", b + "/tree/", back + "/")).as("nothing changed").doesNotContain("download:");
        ok("del", "--recursive", "--force", b);
        ok("rb", b);
    }

    @Test
    void signatureV2() throws Exception {
        assumeTrue(ServerFeatures.sigV2(server), "SigV2 is not implemented by " + server.endpoint()
                + " (probe: a V2-signed ListBuckets was refused); s3cmd --signature-v2 and signurl need it");
        String bucket = server.bucket("s3cmd-v2");
        String b = "s3://" + bucket;
        Path file = TestFiles.text(home.resolve("v2.txt"), "signed the old way");
        List<String> v2 = List.of("--signature-v2", "--debug");
        for (String out : List.of(ok(v2, "mb", b), ok(v2, "put", file.toString(), b + "/v2.txt"), ok(v2, "ls", b),
                ok(v2, "get", "--force", b + "/v2.txt", home.resolve("v2.back").toString()))) {
            assertThat(out).as("s3cmd stayed on V2 (it falls back to V4 when a server refuses V2)")
                    .contains("Using signature v2").doesNotContain("Endpoint requires signature v4");
        }
        assertThat(Files.readString(home.resolve("v2.back"))).isEqualTo("signed the old way");

        // signurl: a V2 presigned URL (AWSAccessKeyId, Expires, Signature)
        String url = ok("signurl", b + "/v2.txt", "+300").strip();
        assertThat(url).contains("Signature=");
        HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("signed the old way");
        ok(v2, "del", b + "/v2.txt");
        ok(v2, "rb", b);
    }

    @Test
    void setaclMakesAnObjectPublicAndPrivateAgain() throws Exception {
        String bucket = server.bucket("s3cmd-acl");
        String b = "s3://" + bucket;
        ok("mb", b);
        assumeTrue(ServerFeatures.acls(s3, bucket), "ACLs are not implemented by " + server.endpoint()
                + " (probe: GetBucketAcl was answered 501 NotImplemented); s3cmd setacl needs them");
        ok("put", TestFiles.text(home.resolve("acl.txt"), "for everyone").toString(), b + "/acl.txt");
        URI anonymous = URI.create(server.endpoint() + "/" + bucket + "/acl.txt");
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(anonymous).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("private by default").isEqualTo(403);

        ok("setacl", "--acl-public", b + "/acl.txt");
        assertThat(ok("info", b + "/acl.txt")).containsPattern("ACL:\\s+\\*anon\\*: READ");
        HttpResponse<String> pub = http.send(HttpRequest.newBuilder(anonymous).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pub.statusCode()).isEqualTo(200);
        assertThat(pub.body()).isEqualTo("for everyone");

        ok("setacl", "--acl-private", b + "/acl.txt");
        assertThat(ok("info", b + "/acl.txt")).doesNotContain("*anon*");
        assertThat(http.send(HttpRequest.newBuilder(anonymous).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(403);
        ok("del", "--recursive", "--force", b);
        ok("rb", b);
    }

    private static String ok(String... args) throws Exception {
        return ok(List.of(), args);
    }

    private static String ok(List<String> options, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(S3CMD, "-c", config.toString(), "--no-progress"));
        cmd.addAll(options);
        cmd.addAll(List.of(args));
        CliTool.Result r = CliTool.run(home, Map.of(), cmd);
        assertThat(r.exitCode()).as("%s%n%s", cmd, r.output()).isZero();
        return r.output();
    }
}
