package io.fs3.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The aws CLI as a user runs it, with a config file for path-style addressing and 8 MiB multipart thresholds:
 * Debian's v2 (/usr/bin/aws 2.9: signed payload + Content-MD5, no flexible checksums) and, where present, a v1 from
 * pyenv (botocore ≥ 1.36: CRC32 checksum headers on every upload and part, CRC32 composite on complete).
 */
@AnyS3Endpoint
class AwsCliIT {
    private static final String DEBIAN_AWS = "/usr/bin/aws";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    @TempDir
    static Path home;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.connect(root);
        s3 = server.sdk();
        Files.writeString(home.resolve("aws-config"), String.join("\n",
                "[default]",
                "region = " + server.region(),
                "output = json",
                "s3 =",
                "    addressing_style = path",
                "    multipart_threshold = 8MB",
                "    multipart_chunksize = 8MB",
                ""));
        Files.writeString(home.resolve("aws-credentials"), String.join("\n",
                "[default]",
                "aws_access_key_id = " + server.accessKey(),
                "aws_secret_access_key = " + server.secretKey(),
                ""));
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

    /** Debian's v2 always (required in CI); every pyenv-installed v1 found. */
    static Stream<String> clis() throws Exception {
        List<String> found = new ArrayList<>(List.of(DEBIAN_AWS));
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.sorted().map(v -> v.resolve("bin/aws")).filter(Files::isExecutable).map(Path::toString).forEach(found::add);
            }
        }
        return found.stream();
    }

    @ParameterizedTest
    @MethodSource("clis")
    void s3CommandsWithSmallAndMultipartObjects(String aws) throws Exception {
        CliTool.require(aws);
        CliTool.version("aws CLI (" + aws + ")", home, Map.of(), List.of(aws, "--version"));
        String bucket = server.bucket("cli-s3-" + tag(aws));
        String b = "s3://" + bucket;
        Path small = TestFiles.text(home.resolve("small.txt"), "hello from the aws cli\n");
        Path big = TestFiles.random(home.resolve("big.bin"), 20L << 20, 1); // three 8 MiB parts

        assertThat(ok(aws, "s3", "mb", b)).contains("make_bucket: " + bucket);
        assertThat(ok(aws, "s3", "ls")).contains(" " + bucket + "\n");
        ok(aws, "s3", "cp", "--no-progress", "--metadata", "color=blue", "--content-type", "text/plain",
                small.toString(), b + "/docs/small file.txt");
        ok(aws, "s3", "cp", "--no-progress", big.toString(), b + "/big.bin");
        String bigEtag = s3.headObject(r -> r.bucket(bucket).key("big.bin")).eTag();
        assertThat(bigEtag).as("uploaded in 8 MiB parts").endsWith("-3\"");

        assertThat(ok(aws, "s3", "ls", "--recursive", b)).contains("docs/small file.txt").contains("big.bin");
        String top = ok(aws, "s3", "ls", b + "/");
        assertThat(top).contains("PRE docs/").contains("big.bin").doesNotContain("small file.txt");
        assertThat(ok(aws, "s3", "ls", b + "/docs/")).contains("small file.txt").doesNotContain("big.bin");

        Path back = home.resolve("big.back");
        ok(aws, "s3", "cp", "--no-progress", b + "/big.bin", back.toString());
        assertThat(TestFiles.md5(back)).isEqualTo(TestFiles.md5(big));
        JsonNode head = json(aws, "s3api", "head-object", "--bucket", bucket, "--key", "docs/small file.txt");
        assertThat(head.path("ContentLength").asLong()).isEqualTo(23);
        assertThat(head.path("ContentType").asText()).isEqualTo("text/plain");
        assertThat(head.path("Metadata").path("color").asText()).isEqualTo("blue");
        assertThat(head.path("ETag").asText()).isEqualTo('"' + TestFiles.md5(small) + '"');

        // copies: small (CopyObject) and large (the CLI copies objects above the threshold with UploadPartCopy)
        ok(aws, "s3", "cp", "--no-progress", b + "/docs/small file.txt", b + "/copies/small.txt");
        assertThat(json(aws, "s3api", "head-object", "--bucket", bucket, "--key", "copies/small.txt")
                .path("Metadata").path("color").asText()).isEqualTo("blue");
        ok(aws, "s3", "cp", "--no-progress", b + "/big.bin", b + "/copies/big.bin");
        Path copyBack = home.resolve("big-copy.back");
        ok(aws, "s3", "cp", "--no-progress", b + "/copies/big.bin", copyBack.toString());
        assertThat(TestFiles.md5(copyBack)).isEqualTo(TestFiles.md5(big));
        ok(aws, "s3", "mv", "--no-progress", b + "/copies/small.txt", b + "/moved.txt");
        assertThat(ok(aws, "s3", "ls", "--recursive", b)).contains("moved.txt").doesNotContain("copies/small.txt");

        ok(aws, "s3", "rm", b + "/moved.txt");
        assertThat(ok(aws, "s3", "rm", "--recursive", b)).contains("delete: " + b + "/big.bin");
        assertThat(ok(aws, "s3", "ls", "--recursive", b)).isBlank();
        ok(aws, "s3", "rb", b);
        assertThat(ok(aws, "s3", "ls")).doesNotContain(" " + bucket + "\n");
        server.ifLocal(r -> assertThat(r.resolve(bucket)).doesNotExist());
    }

    @ParameterizedTest
    @MethodSource("clis")
    void s3SyncBothWaysCopiesOnlyChanges(String aws) throws Exception {
        CliTool.require(aws);
        String bucket = server.bucket("cli-sync-" + tag(aws));
        String b = "s3://" + bucket;
        Path local = home.resolve("sync-src-" + tag(aws));
        TestFiles.text(local.resolve("one.txt"), "1");
        TestFiles.text(local.resolve("nested/two.txt"), "22");
        TestFiles.text(local.resolve("nested/deeper/three with space.txt"), "333");
        TestFiles.random(local.resolve("nested/big.bin"), 9L << 20, 2);
        ok(aws, "s3", "mb", b);
        String up = ok(aws, "s3", "sync", "--no-progress", local.toString(), b + "/tree");
        assertThat(up).contains("upload:").contains("three with space.txt").contains("big.bin");
        assertThat(ok(aws, "s3", "sync", "--no-progress", local.toString(), b + "/tree")).doesNotContain("upload:");
        Path back = home.resolve("sync-back-" + tag(aws));
        String down = ok(aws, "s3", "sync", "--no-progress", b + "/tree", back.toString());
        assertThat(down).contains("download:");
        assertThat(Files.readString(back.resolve("nested/deeper/three with space.txt"))).isEqualTo("333");
        assertThat(TestFiles.md5(back.resolve("nested/big.bin"))).isEqualTo(TestFiles.md5(local.resolve("nested/big.bin")));
        assertThat(ok(aws, "s3", "sync", "--no-progress", b + "/tree", back.toString())).doesNotContain("download:");
        // a local change is uploaded, and --delete removes what is gone locally
        Files.writeString(local.resolve("one.txt"), "changed");
        Files.delete(local.resolve("nested/two.txt"));
        String again = ok(aws, "s3", "sync", "--no-progress", "--delete", local.toString(), b + "/tree");
        assertThat(again).contains("upload: ").contains("one.txt").contains("delete: " + b + "/tree/nested/two.txt")
                .doesNotContain("big.bin");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("tree/one.txt")).asUtf8String()).isEqualTo("changed");
        // and the other way: --delete removes local files that are gone from the bucket
        String mirror = ok(aws, "s3", "sync", "--no-progress", "--delete", b + "/tree", back.toString());
        assertThat(mirror).contains("download: " + b + "/tree/one.txt").containsPattern("delete: \\S*nested/two.txt");
        assertThat(back.resolve("nested/two.txt")).doesNotExist();
        ok(aws, "s3", "rb", "--force", b);
    }

    @ParameterizedTest
    @MethodSource("clis")
    void s3apiCommands(String aws) throws Exception {
        CliTool.require(aws);
        String bucket = server.bucket("cli-api-" + tag(aws));
        ok(aws, "s3api", "create-bucket", "--bucket", bucket);
        assertThat(json(aws, "s3api", "list-buckets").path("Buckets").findValuesAsText("Name")).contains(bucket);
        ok(aws, "s3api", "head-bucket", "--bucket", bucket);

        Path body = TestFiles.text(home.resolve("api-body.txt"), "s3api body");
        JsonNode put = json(aws, "s3api", "put-object", "--bucket", bucket, "--key", "dir/a.txt", "--body", body.toString(),
                "--content-type", "text/x-api", "--metadata", "k1=v1,k2=v2", "--cache-control", "max-age=5");
        assertThat(put.path("ETag").asText()).isEqualTo('"' + TestFiles.md5(body) + '"');
        for (String key : List.of("dir/b.txt", "dir/sub/c.txt", "top.txt", "zz/d.txt")) {
            ok(aws, "s3api", "put-object", "--bucket", bucket, "--key", key, "--body", body.toString());
        }
        JsonNode head = json(aws, "s3api", "head-object", "--bucket", bucket, "--key", "dir/a.txt");
        assertThat(head.path("ContentType").asText()).isEqualTo("text/x-api");
        assertThat(head.path("CacheControl").asText()).isEqualTo("max-age=5");
        assertThat(head.path("Metadata").path("k1").asText()).isEqualTo("v1");
        assertThat(head.path("Metadata").path("k2").asText()).isEqualTo("v2");
        Path out = home.resolve("api-get-" + tag(aws));
        JsonNode get = json(aws, "s3api", "get-object", "--bucket", bucket, "--key", "dir/a.txt", "--range", "bytes=0-4",
                out.toString());
        assertThat(get.path("ContentRange").asText()).isEqualTo("bytes 0-4/10");
        assertThat(Files.readString(out)).isEqualTo("s3api");

        // listings: V2 and V1, with and without delimiter, and paginated by the CLI
        JsonNode all = json(aws, "s3api", "list-objects-v2", "--bucket", bucket);
        assertThat(all.path("Contents").findValuesAsText("Key"))
                .containsExactly("dir/a.txt", "dir/b.txt", "dir/sub/c.txt", "top.txt", "zz/d.txt");
        JsonNode delimited = json(aws, "s3api", "list-objects-v2", "--bucket", bucket, "--delimiter", "/", "--prefix", "dir/");
        assertThat(delimited.path("Contents").findValuesAsText("Key")).containsExactly("dir/a.txt", "dir/b.txt");
        assertThat(delimited.path("CommonPrefixes").findValuesAsText("Prefix")).containsExactly("dir/sub/");
        JsonNode v1 = json(aws, "s3api", "list-objects", "--bucket", bucket, "--delimiter", "/");
        assertThat(v1.path("Contents").findValuesAsText("Key")).containsExactly("top.txt");
        assertThat(v1.path("CommonPrefixes").findValuesAsText("Prefix")).containsExactly("dir/", "zz/");
        JsonNode paged = json(aws, "s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "2");
        assertThat(paged.path("Contents").findValuesAsText("Key")).hasSize(5);

        // copy with REPLACE, then a batch delete
        ok(aws, "s3api", "copy-object", "--bucket", bucket, "--key", "copy.txt", "--copy-source", bucket + "/dir/a.txt",
                "--metadata-directive", "REPLACE", "--metadata", "k3=v3", "--content-type", "text/x-copy");
        JsonNode copied = json(aws, "s3api", "head-object", "--bucket", bucket, "--key", "copy.txt");
        assertThat(copied.path("Metadata").path("k3").asText()).isEqualTo("v3");
        assertThat(copied.path("Metadata").has("k1")).isFalse();
        assertThat(copied.path("ContentType").asText()).isEqualTo("text/x-copy");

        multipartByHand(aws, bucket);
        deleteEveryObject(aws, bucket);
        ok(aws, "s3api", "delete-bucket", "--bucket", bucket);
    }

    /** multipart by hand: two parts, listed, completed; the object has both parts and the upload's metadata */
    private void multipartByHand(String aws, String bucket) throws Exception {
        Path part1 = TestFiles.random(home.resolve("part1-" + tag(aws)), 5L << 20, 7);
        Path part2 = TestFiles.text(home.resolve("part2-" + tag(aws)), "the short last part");
        String uploadId = json(aws, "s3api", "create-multipart-upload", "--bucket", bucket, "--key", "mpu.bin",
                "--metadata", "parts=2").path("UploadId").asText();
        String e1 = json(aws, "s3api", "upload-part", "--bucket", bucket, "--key", "mpu.bin", "--upload-id", uploadId,
                "--part-number", "1", "--body", part1.toString()).path("ETag").asText();
        String e2 = json(aws, "s3api", "upload-part", "--bucket", bucket, "--key", "mpu.bin", "--upload-id", uploadId,
                "--part-number", "2", "--body", part2.toString()).path("ETag").asText();
        assertThat(json(aws, "s3api", "list-parts", "--bucket", bucket, "--key", "mpu.bin", "--upload-id", uploadId)
                .path("Parts").findValuesAsText("ETag")).containsExactly(e1, e2);
        Path parts = home.resolve("parts-" + tag(aws) + ".json");
        Files.writeString(parts, "{\"Parts\":[{\"PartNumber\":1,\"ETag\":" + JSON.writeValueAsString(e1)
                + "},{\"PartNumber\":2,\"ETag\":" + JSON.writeValueAsString(e2) + "}]}");
        JsonNode done = json(aws, "s3api", "complete-multipart-upload", "--bucket", bucket, "--key", "mpu.bin",
                "--upload-id", uploadId, "--multipart-upload", "file://" + parts);
        assertThat(done.path("ETag").asText()).endsWith("-2\"");
        JsonNode mpu = json(aws, "s3api", "head-object", "--bucket", bucket, "--key", "mpu.bin");
        assertThat(mpu.path("ContentLength").asLong()).isEqualTo((5L << 20) + 19);
        assertThat(mpu.path("ETag").asText()).isEqualTo(done.path("ETag").asText());
        assertThat(mpu.path("Metadata").path("parts").asText()).isEqualTo("2");
    }

    /** delete-objects with every key of the bucket, then the listing is empty */
    private void deleteEveryObject(String aws, String bucket) throws Exception {
        List<String> keys = json(aws, "s3api", "list-objects-v2", "--bucket", bucket).path("Contents").findValuesAsText("Key");
        StringBuilder delete = new StringBuilder("{\"Objects\":[");
        for (int i = 0; i < keys.size(); i++) {
            delete.append(i == 0 ? "" : ",").append("{\"Key\":").append(JSON.writeValueAsString(keys.get(i))).append('}');
        }
        Path deleteJson = home.resolve("delete-" + tag(aws) + ".json");
        Files.writeString(deleteJson, delete.append("]}").toString());
        JsonNode deleted = json(aws, "s3api", "delete-objects", "--bucket", bucket, "--delete", "file://" + deleteJson);
        assertThat(deleted.path("Deleted").findValuesAsText("Key")).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(json(aws, "s3api", "list-objects-v2", "--bucket", bucket).path("Contents").isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("clis")
    void presignedUrlIsFetchedWithoutCredentials(String aws) throws Exception {
        CliTool.require(aws);
        String bucket = server.bucket("cli-presign-" + tag(aws));
        s3.createBucket(r -> r.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("shared/report 1+1.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("presigned by the cli"));
        String url = ok(aws, "s3", "presign", "--expires-in", "300", "s3://" + bucket + "/shared/report 1+1.txt").strip();
        if (url.contains("X-Amz-Signature=")) {
            assertThat(url).contains("X-Amz-Algorithm=AWS4-HMAC-SHA256");
        } else {
            // aws CLI v1 presigns with Signature Version 2 (AWSAccessKeyId, Expires, Signature) unless configured for s3v4
            assertThat(url).contains("AWSAccessKeyId=").contains("Signature=");
            assumeTrue(ServerFeatures.sigV2(server), "the CLI presigned with SigV2, which " + server.endpoint() + " does not implement");
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("presigned by the cli");
        HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(URI.create(url.replace("report%201", "report%202")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("SignatureDoesNotMatch");
        ok(aws, "s3", "rb", "--force", "s3://" + bucket);
    }

    /** A short tag per CLI so the parameterized runs use their own buckets. */
    private static String tag(String aws) {
        return DEBIAN_AWS.equals(aws) ? "v2" : "v1-" + Math.abs(aws.hashCode() % 1000);
    }

    private static JsonNode json(String aws, String... args) throws Exception {
        String out = ok(aws, args);
        int start = out.indexOf('{'); // stderr is merged in: skip any warning the CLI printed first
        return start < 0 ? JSON.createObjectNode() : JSON.readTree(out.substring(start));
    }

    private static String ok(String aws, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(aws, "--endpoint-url", server.endpoint().toString()));
        cmd.addAll(List.of(args));
        CliTool.Result r = CliTool.run(home, Map.of(
                "AWS_CONFIG_FILE", home.resolve("aws-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("aws-credentials").toString(),
                "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_PAGER", ""), cmd);
        assertThat(r.exitCode()).as("%s%n%s", cmd, r.output()).isZero();
        return r.output();
    }
}
