package io.fs3.server.it;

import org.junit.jupiter.api.AutoClose;
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
import software.amazon.awssdk.services.s3.model.ChecksumMode;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS SDK for Java v2 with its current defaults: the sync client sends bodies as signed aws-chunked with a CRC32
 * trailer ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}) even over http, the async client unsigned aws-chunked
 * with a trailer; both verify response checksums when asked. Multipart uploads and the transfer manager: {@link AwsSdkJavaV2MultipartIT}.
 */
@AnyS3Endpoint
class AwsSdkJavaV2IT {
    @TempDir
    static Path root;
    @AutoClose
    static TestServer server;
    @AutoClose
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.connect(root);
        s3 = server.sdk();
        CliTool.recordVersion("AWS SDK for Java v2", software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION);
    }

    @Test
    void bucketLifecycle() {
        s3.createBucket(b -> b.bucket(server.bucket("life")));
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains(server.bucket("life"));
        s3.headBucket(b -> b.bucket(server.bucket("life")));
        server.ifLocal(r -> assertThat(r.resolve("life")).isDirectory());
        s3.putObject(b -> b.bucket(server.bucket("life")).key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket(server.bucket("life"))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        s3.deleteObject(b -> b.bucket(server.bucket("life")).key("k"));
        s3.deleteBucket(b -> b.bucket(server.bucket("life")));
        server.ifLocal(r -> assertThat(r.resolve("life")).doesNotExist());
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(server.bucket("life")))).isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void existingDirectoryWithNonDnsNameIsServed() throws Exception {
        Path root = server.root();
        Files.createDirectories(root.resolve("Legacy_Dir"));
        Files.writeString(root.resolve("Legacy_Dir/file.txt"), "legacy");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("Legacy_Dir").key("file.txt")).asUtf8String()).isEqualTo("legacy");
    }

    @Test
    void putGetHeadWithMetadataAndChecksums() throws Exception {
        s3.createBucket(b -> b.bucket(server.bucket("objects")));
        byte[] data = "hello fs3".getBytes(StandardCharsets.UTF_8);
        PutObjectResponse put = s3.putObject(b -> b.bucket(server.bucket("objects")).key("dir/hello.txt").contentType("text/plain")
                        .cacheControl("max-age=60").contentDisposition("attachment").metadata(Map.of("color", "blue"))
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                RequestBody.fromBytes(data));
        assertThat(put.eTag()).isEqualTo('"' + TestFiles.md5(data) + '"');
        HeadObjectResponse head = s3.headObject(b -> b.bucket(server.bucket("objects")).key("dir/hello.txt"));
        assertThat(head.contentLength()).isEqualTo(data.length);
        assertThat(head.eTag()).isEqualTo(put.eTag());
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.contentDisposition()).isEqualTo("attachment");
        assertThat(head.metadata()).containsEntry("color", "blue");
        ResponseBytes<GetObjectResponse> get = s3.getObjectAsBytes(b -> b.bucket(server.bucket("objects")).key("dir/hello.txt"));
        assertThat(get.asByteArray()).isEqualTo(data);
        assertThat(get.response().eTag()).isEqualTo(put.eTag());
        // The bytes are a plain file in the tree, usable by every other program.
        server.ifLocal(r -> assertThat(r.resolve("objects/dir/hello.txt")).hasBinaryContent(data));
    }

    @Test
    void rangeAndConditionalRequests() {
        s3.createBucket(b -> b.bucket(server.bucket("ranges")));
        String etag = s3.putObject(b -> b.bucket(server.bucket("ranges")).key("r"), RequestBody.fromString("0123456789")).eTag();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket("ranges")).key("r").range("bytes=2-4")).asUtf8String()).isEqualTo("234");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket("ranges")).key("r").range("bytes=7-")).asUtf8String()).isEqualTo("789");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket("ranges")).key("r").range("bytes=-3")).asUtf8String()).isEqualTo("789");
        ResponseBytes<GetObjectResponse> partial = s3.getObjectAsBytes(b -> b.bucket(server.bucket("ranges")).key("r").range("bytes=2-4"));
        assertThat(partial.response().contentRange()).isEqualTo("bytes 2-4/10");
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(server.bucket("ranges")).key("r").range("bytes=10-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                });
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(server.bucket("ranges")).key("r").ifMatch("\"nope\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(server.bucket("ranges")).key("r").ifNoneMatch(etag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket("ranges")).key("r").ifMatch(etag)
                .ifUnmodifiedSince(Instant.parse("2000-01-01T00:00:00Z"))).asUtf8String()).isEqualTo("0123456789");
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(server.bucket("ranges")).key("r").ifModifiedSince(Instant.now().plusSeconds(60))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
    }

    @Test
    void responseOverridesAndPresignedGet() throws Exception {
        s3.createBucket(b -> b.bucket(server.bucket("presign")));
        s3.putObject(b -> b.bucket(server.bucket("presign")).key("a b+c.txt"), RequestBody.fromString("presigned"));
        try (var presigner = server.presigner()) {
            var url = presigner.presignGetObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(server.bucket("presign")).key("a b+c.txt").responseContentType("text/x-test"))).url();
            var http = java.net.http.HttpClient.newHttpClient();
            var resp = http.send(java.net.http.HttpRequest.newBuilder(url.toURI()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).isEqualTo(200);
            assertThat(resp.body()).isEqualTo("presigned");
            assertThat(resp.headers().firstValue("content-type")).contains("text/x-test");
            var tampered = java.net.URI.create(url.toString().replace(server.bucket("presign") + "/a", server.bucket("presign") + "/b"));
            var bad = http.send(java.net.http.HttpRequest.newBuilder(tampered).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(403);
            assertThat(bad.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }

    @Test
    void deleteIsIdempotentAndRemovesEmptyParents() {
        s3.createBucket(b -> b.bucket(server.bucket("deletes")));
        s3.putObject(b -> b.bucket(server.bucket("deletes")).key("a/b/c.txt"), RequestBody.fromString("c"));
        s3.deleteObject(b -> b.bucket(server.bucket("deletes")).key("a/b/c.txt"));
        s3.deleteObject(b -> b.bucket(server.bucket("deletes")).key("a/b/c.txt"));
        server.ifLocal(r -> assertThat(r.resolve("deletes/a")).doesNotExist());
        assertThat(s3.listObjectsV2(b -> b.bucket(server.bucket("deletes")).delimiter("/")).commonPrefixes()).isEmpty();
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket(server.bucket("deletes")).key("a/b/c.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void folderObjectsSurviveUntilDeleted() {
        s3.createBucket(b -> b.bucket(server.bucket("folders")));
        s3.putObject(b -> b.bucket(server.bucket("folders")).key("photos/"), RequestBody.empty());
        s3.putObject(b -> b.bucket(server.bucket("folders")).key("photos/cat.jpg"), RequestBody.fromString("cat"));
        s3.deleteObject(b -> b.bucket(server.bucket("folders")).key("photos/cat.jpg"));
        assertThat(s3.listObjectsV2(b -> b.bucket(server.bucket("folders"))).contents()).extracting(S3Object::key)
                .containsExactly("photos/");
        assertThat(s3.headObject(b -> b.bucket(server.bucket("folders")).key("photos/")).contentLength()).isZero();
        s3.putObject(b -> b.bucket(server.bucket("folders")).key("photos/dog.jpg"), RequestBody.fromString("dog"));
        s3.deleteObject(b -> b.bucket(server.bucket("folders")).key("photos/"));
        assertThat(s3.listObjectsV2(b -> b.bucket(server.bucket("folders"))).contents()).extracting(S3Object::key)
                .containsExactly("photos/dog.jpg");
    }

    @Test
    void keysThatTreesCannotHoldGetClearErrors() {
        server.requireFs3("a file and a directory of one name cannot both exist in a tree");
        s3.createBucket(b -> b.bucket(server.bucket("conflicts")));
        s3.putObject(b -> b.bucket(server.bucket("conflicts")).key("file"), RequestBody.fromString("f"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(server.bucket("conflicts")).key("file/child"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ObjectParentIsFile");
                });
        s3.putObject(b -> b.bucket(server.bucket("conflicts")).key("dir/child"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(server.bucket("conflicts")).key("dir"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExistingObjectIsDirectory");
                });
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(server.bucket("conflicts")).key(".fs3/tmp/x"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(server.bucket("conflicts")).key("k".repeat(1025)), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyTooLongError"));
        // the earlier objects are untouched by the refused writes
        assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket("conflicts")).key("file")).asUtf8String()).isEqualTo("f");
    }

    @Test
    void keysWithSpecialCharactersRoundTrip() {
        s3.createBucket(b -> b.bucket(server.bucket("names")));
        List<String> keys = List.of("sp ace", "plus+sign", "per%cent", "a=b&c", "hash#tag", "q?mark", "quote'\"",
                " leading", "trailing ", "ünïcödé/日本語/😀.txt", "deep/a/b/c/d/e/f/g/h/i.txt", "tilde~!$()*,;", "a:b@c");
        for (String k : keys) {
            s3.putObject(b -> b.bucket(server.bucket("names")).key(k), RequestBody.fromString("v:" + k));
        }
        for (String k : keys) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket("names")).key(k)).asUtf8String()).isEqualTo("v:" + k);
        }
        assertThat(s3.listObjectsV2Paginator(b -> b.bucket(server.bucket("names")).maxKeys(3)).contents().stream().map(S3Object::key))
                .containsExactlyInAnyOrderElementsOf(keys);
        server.ifLocal(r -> assertThat(r.resolve("names/ünïcödé/日本語/😀.txt")).exists());
    }

    @Test
    void filesWrittenByOtherProgramsAreServedWithOneStableEtag() throws Exception {
        Path root = server.root();
        s3.createBucket(b -> b.bucket(server.bucket("foreign")));
        Files.createDirectories(root.resolve("foreign/sub"));
        Files.writeString(root.resolve("foreign/sub/report.csv"), "a,b\n1,2\n");
        HeadObjectResponse head = s3.headObject(b -> b.bucket(server.bucket("foreign")).key("sub/report.csv"));
        assertThat(head.eTag()).matches("\"[0-9a-f]{32}-1\"");
        assertThat(head.contentType()).isEqualTo("text/csv");
        GetObjectResponse get = s3.getObjectAsBytes(b -> b.bucket(server.bucket("foreign")).key("sub/report.csv")).response();
        S3Object listed = s3.listObjectsV2(b -> b.bucket(server.bucket("foreign"))).contents().get(0);
        assertThat(get.eTag()).isEqualTo(head.eTag());
        assertThat(listed.eTag()).isEqualTo(head.eTag());
        assertThat(listed.size()).isEqualTo(8);
        // rewritten by another program: new size and a new ETag, never the cached old ones
        Files.writeString(root.resolve("foreign/sub/report.csv"), "a,b\n1,2\n3,4\n");
        Files.setLastModifiedTime(root.resolve("foreign/sub/report.csv"),
                java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        HeadObjectResponse after = s3.headObject(b -> b.bucket(server.bucket("foreign")).key("sub/report.csv"));
        assertThat(after.contentLength()).isEqualTo(12);
        assertThat(after.eTag()).isNotEqualTo(head.eTag());
        // an fs3-written object rewritten in place keeps its xattrs, but its stored MD5 no longer counts
        s3.putObject(b -> b.bucket(server.bucket("foreign")).key("own.txt"), RequestBody.fromString("mine"));
        Files.writeString(root.resolve("foreign/own.txt"), "changed by someone else");
        assertThat(s3.headObject(b -> b.bucket(server.bucket("foreign")).key("own.txt")).eTag()).endsWith("-1\"");
    }

    @Test
    void asyncClientUnsignedTrailerUploads() throws Exception {
        s3.createBucket(b -> b.bucket(server.bucket("async")));
        try (S3AsyncClient async = server.asyncSdk()) {
            byte[] data = new byte[300_000];
            new java.util.Random(7).nextBytes(data);
            PutObjectResponse put = async.putObject(b -> b.bucket(server.bucket("async")).key("blob"), AsyncRequestBody.fromBytes(data)).get();
            assertThat(put.eTag()).isEqualTo('"' + TestFiles.md5(data) + '"');
            assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket("async")).key("blob")).asByteArray()).isEqualTo(data);
        }
    }

    @Test
    void unknownSubresourceIsNotImplementedAndLeavesObjectAlone() {
        server.requireFs3("fs3 answers 501 to object lock, which it does not implement");
        s3.createBucket(b -> b.bucket(server.bucket("subres")));
        s3.putObject(b -> b.bucket(server.bucket("subres")).key("o"), RequestBody.fromString("keep"));
        // PUT ?retention must never fall through to PutObject and overwrite the object with the XML document
        assertThatThrownBy(() -> s3.putObjectRetention(b -> b.bucket(server.bucket("subres")).key("o")
                .retention(r -> r.mode("GOVERNANCE").retainUntilDate(Instant.now().plusSeconds(60)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket("subres")).key("o")).asUtf8String()).isEqualTo("keep");
        assertThat(s3.getBucketVersioning(b -> b.bucket(server.bucket("subres"))).status()).isNull();
    }

    @Test
    void defaultChecksumsAreVerifiedStoredAndReturned() throws Exception {
        String bucket = server.bucket("checksums");
        s3.createBucket(b -> b.bucket(bucket));
        byte[] data = new byte[200_000];
        new java.util.Random(21).nextBytes(data);
        // the default: signed aws-chunked body with an x-amz-checksum-crc32 trailer
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("crc32"), RequestBody.fromBytes(data));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        String crc32 = java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        assertThat(put.checksumCRC32()).isEqualTo(crc32);
        assertThat(put.eTag()).isEqualTo('"' + TestFiles.md5(data) + '"');
        // with checksum mode ENABLED the SDK validates the body against the returned checksum
        ResponseBytes<GetObjectResponse> get = s3.getObjectAsBytes(b -> b.bucket(bucket).key("crc32")
                .checksumMode(ChecksumMode.ENABLED));
        assertThat(get.asByteArray()).isEqualTo(data);
        assertThat(get.response().checksumCRC32()).isEqualTo(crc32);
        assertThat(get.response().checksumType()).isEqualTo(software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT);
        assertThat(put.checksumType()).isEqualTo(software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("crc32").checksumMode(ChecksumMode.ENABLED)).checksumCRC32())
                .isEqualTo(crc32);
        PutObjectResponse sha = s3.putObject(b -> b.bucket(bucket).key("sha256").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromBytes(data));
        assertThat(sha.checksumSHA256()).isEqualTo(java.util.Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(data)));
        // a checksum that does not match the body: refused, nothing published
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("wrong").checksumCRC32("AAAAAA=="),
                RequestBody.fromBytes(data)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("wrong"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void listingWithAndWithoutDelimiterV1AndV2() {
        String bucket = server.bucket("listing");
        s3.createBucket(b -> b.bucket(bucket));
        List<String> keys = List.of("a.txt", "a/b/c.txt", "a/b.txt", "a0", "docs/", "docs/x.md", "z");
        for (String k : keys) {
            s3.putObject(b -> b.bucket(bucket).key(k), k.endsWith("/") ? RequestBody.empty() : RequestBody.fromString(k));
        }
        // UTF-8 byte order across "directories": a.txt < a/... < a0
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
                .containsExactly("a.txt", "a/b.txt", "a/b/c.txt", "a0", "docs/", "docs/x.md", "z");
        var v2 = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
        assertThat(v2.contents()).extracting(S3Object::key).containsExactly("a.txt", "a0", "z");
        assertThat(v2.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/", "docs/");
        var nested = s3.listObjectsV2(b -> b.bucket(bucket).prefix("a/").delimiter("/"));
        assertThat(nested.contents()).extracting(S3Object::key).containsExactly("a/b.txt");
        assertThat(nested.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/b/");
        var pages = s3.listObjectsV2Paginator(b -> b.bucket(bucket).delimiter("/").maxKeys(2));
        assertThat(pages.stream().count()).isEqualTo(3);
        assertThat(pages.commonPrefixes().stream().map(p -> p.prefix())).containsExactly("a/", "docs/");
        var v1 = s3.listObjects(b -> b.bucket(bucket).delimiter("/").maxKeys(3));
        assertThat(v1.isTruncated()).isTrue();
        assertThat(v1.contents()).extracting(S3Object::key).containsExactly("a.txt", "a0");
        assertThat(v1.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/");
        var v1Next = s3.listObjects(b -> b.bucket(bucket).delimiter("/").marker(v1.nextMarker()));
        assertThat(v1Next.contents()).extracting(S3Object::key).containsExactly("z");
        assertThat(v1Next.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("docs/");
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).startAfter("a0")).contents()).extracting(S3Object::key)
                .containsExactly("docs/", "docs/x.md", "z");
    }

    @Test
    void presignedPutThenGet() throws Exception {
        String bucket = server.bucket("presign-put");
        s3.createBucket(b -> b.bucket(bucket));
        try (var presigner = server.presigner()) {
            var put = presigner.presignPutObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(bucket).key("up/load d.txt").contentType("text/plain")));
            var http = java.net.http.HttpClient.newHttpClient();
            var resp = http.send(java.net.http.HttpRequest.newBuilder(put.url().toURI()).header("Content-Type", "text/plain")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("uploaded without credentials")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
            var head = s3.headObject(b -> b.bucket(bucket).key("up/load d.txt"));
            assertThat(head.contentType()).isEqualTo("text/plain");
            var get = presigner.presignGetObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key("up/load d.txt")));
            assertThat(http.send(java.net.http.HttpRequest.newBuilder(get.url().toURI()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("uploaded without credentials");
        }
    }

    @Test
    void copyObjectKeepsOrReplacesMetadata() {
        String bucket = server.bucket("copies");
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key("src.txt").contentType("text/plain").metadata(Map.of("a", "1")),
                RequestBody.fromString("copy me"));
        var kept = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src.txt").destinationBucket(bucket).destinationKey("kept.txt"));
        HeadObjectResponse keptHead = s3.headObject(b -> b.bucket(bucket).key("kept.txt"));
        assertThat(keptHead.metadata()).containsExactly(Map.entry("a", "1"));
        assertThat(keptHead.eTag()).isEqualTo(kept.copyObjectResult().eTag());
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src.txt").destinationBucket(bucket).destinationKey("replaced.txt")
                .metadataDirective(software.amazon.awssdk.services.s3.model.MetadataDirective.REPLACE)
                .metadata(Map.of("b", "2")).contentType("text/x-other"));
        HeadObjectResponse replaced = s3.headObject(b -> b.bucket(bucket).key("replaced.txt"));
        assertThat(replaced.metadata()).containsExactly(Map.entry("b", "2"));
        assertThat(replaced.contentType()).isEqualTo("text/x-other");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("replaced.txt")).asUtf8String()).isEqualTo("copy me");
    }
}
