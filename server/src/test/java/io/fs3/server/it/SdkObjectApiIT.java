package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core object and bucket API driven by the AWS SDK for Java v2 with its default (checksum, aws-chunked) settings. */
class SdkObjectApiIT {
    @TempDir
    static Path root;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(root);
        s3 = server.sdk();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void bucketLifecycle() {
        s3.createBucket(b -> b.bucket("life"));
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains("life");
        s3.headBucket(b -> b.bucket("life"));
        assertThat(Files.isDirectory(root.resolve("life"))).isTrue();
        s3.putObject(b -> b.bucket("life").key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("life")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        s3.deleteObject(b -> b.bucket("life").key("k"));
        s3.deleteBucket(b -> b.bucket("life"));
        assertThat(Files.exists(root.resolve("life"))).isFalse();
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("life"))).isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void existingDirectoryWithNonDnsNameIsServed() throws Exception {
        Files.createDirectories(root.resolve("Legacy_Dir"));
        Files.writeString(root.resolve("Legacy_Dir/file.txt"), "legacy");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("Legacy_Dir").key("file.txt")).asUtf8String()).isEqualTo("legacy");
    }

    @Test
    void putGetHeadWithMetadataAndChecksums() throws Exception {
        s3.createBucket(b -> b.bucket("objects"));
        byte[] data = "hello fs3".getBytes(StandardCharsets.UTF_8);
        PutObjectResponse put = s3.putObject(b -> b.bucket("objects").key("dir/hello.txt").contentType("text/plain")
                        .cacheControl("max-age=60").contentDisposition("attachment").metadata(Map.of("color", "blue"))
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                RequestBody.fromBytes(data));
        assertThat(put.eTag()).isEqualTo('"' + md5(data) + '"');
        HeadObjectResponse head = s3.headObject(b -> b.bucket("objects").key("dir/hello.txt"));
        assertThat(head.contentLength()).isEqualTo(data.length);
        assertThat(head.eTag()).isEqualTo(put.eTag());
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.contentDisposition()).isEqualTo("attachment");
        assertThat(head.metadata()).containsEntry("color", "blue");
        ResponseBytes<GetObjectResponse> get = s3.getObjectAsBytes(b -> b.bucket("objects").key("dir/hello.txt"));
        assertThat(get.asByteArray()).isEqualTo(data);
        assertThat(get.response().eTag()).isEqualTo(put.eTag());
        // The bytes are a plain file in the tree, usable by every other program.
        assertThat(Files.readAllBytes(root.resolve("objects/dir/hello.txt"))).isEqualTo(data);
    }

    @Test
    void rangeAndConditionalRequests() {
        s3.createBucket(b -> b.bucket("ranges"));
        String etag = s3.putObject(b -> b.bucket("ranges").key("r"), RequestBody.fromString("0123456789")).eTag();
        assertThat(s3.getObjectAsBytes(b -> b.bucket("ranges").key("r").range("bytes=2-4")).asUtf8String()).isEqualTo("234");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("ranges").key("r").range("bytes=7-")).asUtf8String()).isEqualTo("789");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("ranges").key("r").range("bytes=-3")).asUtf8String()).isEqualTo("789");
        ResponseBytes<GetObjectResponse> partial = s3.getObjectAsBytes(b -> b.bucket("ranges").key("r").range("bytes=2-4"));
        assertThat(partial.response().contentRange()).isEqualTo("bytes 2-4/10");
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("ranges").key("r").range("bytes=10-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                });
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("ranges").key("r").ifMatch("\"nope\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("ranges").key("r").ifNoneMatch(etag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("ranges").key("r").ifMatch(etag)
                .ifUnmodifiedSince(Instant.parse("2000-01-01T00:00:00Z"))).asUtf8String()).isEqualTo("0123456789");
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("ranges").key("r").ifModifiedSince(Instant.now().plusSeconds(60))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
    }

    @Test
    void responseOverridesAndPresignedGet() throws Exception {
        s3.createBucket(b -> b.bucket("presign"));
        s3.putObject(b -> b.bucket("presign").key("a b+c.txt"), RequestBody.fromString("presigned"));
        try (var presigner = server.presigner()) {
            var url = presigner.presignGetObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("presign").key("a b+c.txt").responseContentType("text/x-test"))).url();
            var http = java.net.http.HttpClient.newHttpClient();
            var resp = http.send(java.net.http.HttpRequest.newBuilder(url.toURI()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).isEqualTo(200);
            assertThat(resp.body()).isEqualTo("presigned");
            assertThat(resp.headers().firstValue("content-type")).contains("text/x-test");
            var tampered = java.net.URI.create(url.toString().replace("presign/a", "presign/b"));
            var bad = http.send(java.net.http.HttpRequest.newBuilder(tampered).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(403);
            assertThat(bad.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }

    @Test
    void deleteIsIdempotentAndRemovesEmptyParents() {
        s3.createBucket(b -> b.bucket("deletes"));
        s3.putObject(b -> b.bucket("deletes").key("a/b/c.txt"), RequestBody.fromString("c"));
        s3.deleteObject(b -> b.bucket("deletes").key("a/b/c.txt"));
        s3.deleteObject(b -> b.bucket("deletes").key("a/b/c.txt"));
        assertThat(Files.exists(root.resolve("deletes/a"))).isFalse();
        assertThat(s3.listObjectsV2(b -> b.bucket("deletes").delimiter("/")).commonPrefixes()).isEmpty();
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("deletes").key("a/b/c.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void folderObjectsSurviveUntilDeleted() {
        s3.createBucket(b -> b.bucket("folders"));
        s3.putObject(b -> b.bucket("folders").key("photos/"), RequestBody.empty());
        s3.putObject(b -> b.bucket("folders").key("photos/cat.jpg"), RequestBody.fromString("cat"));
        s3.deleteObject(b -> b.bucket("folders").key("photos/cat.jpg"));
        assertThat(s3.listObjectsV2(b -> b.bucket("folders")).contents()).extracting(S3Object::key)
                .containsExactly("photos/");
        assertThat(s3.headObject(b -> b.bucket("folders").key("photos/")).contentLength()).isZero();
        s3.putObject(b -> b.bucket("folders").key("photos/dog.jpg"), RequestBody.fromString("dog"));
        s3.deleteObject(b -> b.bucket("folders").key("photos/"));
        assertThat(s3.listObjectsV2(b -> b.bucket("folders")).contents()).extracting(S3Object::key)
                .containsExactly("photos/dog.jpg");
    }

    @Test
    void keysThatTreesCannotHoldGetClearErrors() {
        s3.createBucket(b -> b.bucket("conflicts"));
        s3.putObject(b -> b.bucket("conflicts").key("file"), RequestBody.fromString("f"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("conflicts").key("file/child"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ObjectParentIsFile");
                });
        s3.putObject(b -> b.bucket("conflicts").key("dir/child"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("conflicts").key("dir"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExistingObjectIsDirectory");
                });
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("conflicts").key(".fs3/tmp/x"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("conflicts").key("k".repeat(1025)), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyTooLongError"));
        // the earlier objects are untouched by the refused writes
        assertThat(s3.getObjectAsBytes(b -> b.bucket("conflicts").key("file")).asUtf8String()).isEqualTo("f");
    }

    @Test
    void keysWithSpecialCharactersRoundTrip() {
        s3.createBucket(b -> b.bucket("names"));
        List<String> keys = List.of("sp ace", "plus+sign", "per%cent", "a=b&c", "hash#tag", "q?mark", "quote'\"",
                " leading", "trailing ", "ünïcödé/日本語/😀.txt", "deep/a/b/c/d/e/f/g/h/i.txt", "tilde~!$()*,;", "a:b@c");
        for (String k : keys) {
            s3.putObject(b -> b.bucket("names").key(k), RequestBody.fromString("v:" + k));
        }
        for (String k : keys) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("names").key(k)).asUtf8String()).isEqualTo("v:" + k);
        }
        assertThat(s3.listObjectsV2Paginator(b -> b.bucket("names").maxKeys(3)).contents().stream().map(S3Object::key))
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(Files.exists(root.resolve("names/ünïcödé/日本語/😀.txt"))).isTrue();
    }

    @Test
    void filesWrittenByOtherProgramsAreServedWithOneStableEtag() throws Exception {
        s3.createBucket(b -> b.bucket("foreign"));
        Files.createDirectories(root.resolve("foreign/sub"));
        Files.writeString(root.resolve("foreign/sub/report.csv"), "a,b\n1,2\n");
        HeadObjectResponse head = s3.headObject(b -> b.bucket("foreign").key("sub/report.csv"));
        assertThat(head.eTag()).matches("\"[0-9a-f]{32}-1\"");
        assertThat(head.contentType()).isEqualTo("text/csv");
        GetObjectResponse get = s3.getObjectAsBytes(b -> b.bucket("foreign").key("sub/report.csv")).response();
        S3Object listed = s3.listObjectsV2(b -> b.bucket("foreign")).contents().get(0);
        assertThat(get.eTag()).isEqualTo(head.eTag());
        assertThat(listed.eTag()).isEqualTo(head.eTag());
        assertThat(listed.size()).isEqualTo(8);
        // rewritten by another program: new size and a new ETag, never the cached old ones
        Files.writeString(root.resolve("foreign/sub/report.csv"), "a,b\n1,2\n3,4\n");
        Files.setLastModifiedTime(root.resolve("foreign/sub/report.csv"),
                java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        HeadObjectResponse after = s3.headObject(b -> b.bucket("foreign").key("sub/report.csv"));
        assertThat(after.contentLength()).isEqualTo(12);
        assertThat(after.eTag()).isNotEqualTo(head.eTag());
        // an fs3-written object rewritten in place keeps its xattrs, but its stored MD5 no longer counts
        s3.putObject(b -> b.bucket("foreign").key("own.txt"), RequestBody.fromString("mine"));
        Files.writeString(root.resolve("foreign/own.txt"), "changed by someone else");
        assertThat(s3.headObject(b -> b.bucket("foreign").key("own.txt")).eTag()).endsWith("-1\"");
    }

    @Test
    void asyncClientUnsignedTrailerUploads() throws Exception {
        s3.createBucket(b -> b.bucket("async"));
        try (S3AsyncClient async = server.asyncSdk()) {
            byte[] data = new byte[300_000];
            new java.util.Random(7).nextBytes(data);
            PutObjectResponse put = async.putObject(b -> b.bucket("async").key("blob"), AsyncRequestBody.fromBytes(data)).get();
            assertThat(put.eTag()).isEqualTo('"' + md5(data) + '"');
            assertThat(s3.getObjectAsBytes(b -> b.bucket("async").key("blob")).asByteArray()).isEqualTo(data);
        }
    }

    @Test
    void unknownSubresourceIsNotImplementedAndLeavesObjectAlone() {
        s3.createBucket(b -> b.bucket("subres"));
        s3.putObject(b -> b.bucket("subres").key("o"), RequestBody.fromString("keep"));
        assertThatThrownBy(() -> s3.putObjectAcl(b -> b.bucket("subres").key("o").acl("public-read")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("subres").key("o")).asUtf8String()).isEqualTo("keep");
        assertThat(s3.getBucketVersioning(b -> b.bucket("subres")).status()).isNull();
    }

    static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }
}
