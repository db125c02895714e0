package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CopyObject, DeleteObjects, object and bucket tagging, bucket CORS, with the AWS SDK v2 and a browser-like HTTP client. */
class ObjectOperationsIT {
    @TempDir
    static Path root;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(root, Map.of("fs3.cors.allowed-origins", "https://default.example"));
        s3 = server.sdk();
        s3.createBucket(b -> b.bucket("src"));
        s3.createBucket(b -> b.bucket("dst"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void copyAcrossBucketsKeepsMetadataAndTags() {
        s3.putObject(b -> b.bucket("src").key("dir/a b+c%.txt").contentType("text/plain").metadata(Map.of("m", "1"))
                .tagging("team=red"), RequestBody.fromString("copy me"));
        CopyObjectResponse r = s3.copyObject(b -> b.sourceBucket("src").sourceKey("dir/a b+c%.txt")
                .destinationBucket("dst").destinationKey("copies/x.txt"));
        HeadObjectResponse head = s3.headObject(b -> b.bucket("dst").key("copies/x.txt"));
        assertThat(r.copyObjectResult().eTag()).isEqualTo(head.eTag());
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(head.metadata()).containsEntry("m", "1");
        assertThat(head.tagCount()).isEqualTo(1);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("dst").key("copies/x.txt")).asUtf8String()).isEqualTo("copy me");
        assertThat(s3.getObjectTagging(b -> b.bucket("dst").key("copies/x.txt")).tagSet())
                .extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple("team", "red"));
    }

    @Test
    void copyWithReplaceDirectivesAndSelfCopyRules() {
        s3.putObject(b -> b.bucket("src").key("self"), RequestBody.fromString("same bytes"));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("self")
                .destinationBucket("src").destinationKey("self")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
                });
        s3.copyObject(b -> b.sourceBucket("src").sourceKey("self").destinationBucket("src").destinationKey("self")
                .metadataDirective(MetadataDirective.REPLACE).contentType("application/x-new").metadata(Map.of("v", "2"))
                .taggingDirective(TaggingDirective.REPLACE).tagging("a=1&b=2"));
        HeadObjectResponse head = s3.headObject(b -> b.bucket("src").key("self"));
        assertThat(head.contentType()).isEqualTo("application/x-new");
        assertThat(head.metadata()).containsExactly(Map.entry("v", "2"));
        assertThat(head.tagCount()).isEqualTo(2);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("src").key("self")).asUtf8String()).isEqualTo("same bytes");
    }

    @Test
    void copySourceConditionsAndMissingSource() {
        String etag = s3.putObject(b -> b.bucket("src").key("cond"), RequestBody.fromString("c")).eTag();
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("cond").destinationBucket("dst")
                .destinationKey("cond").copySourceIfMatch("\"0000\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("cond").destinationBucket("dst")
                .destinationKey("cond").copySourceIfNoneMatch(etag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("cond").destinationBucket("dst")
                .destinationKey("cond").copySourceIfModifiedSince(Instant.now().plusSeconds(3600))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        s3.copyObject(b -> b.sourceBucket("src").sourceKey("cond").destinationBucket("dst").destinationKey("cond")
                .copySourceIfMatch(etag));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("absent").destinationBucket("dst")
                .destinationKey("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey"));
        assertThat(Files.exists(root.resolve("dst/x"))).isFalse();
    }

    @Test
    void copyOfAFileWrittenByAnotherProgramGetsItsRealMd5() throws Exception {
        Files.writeString(root.resolve("src/foreign.txt"), "abc");
        s3.copyObject(b -> b.sourceBucket("src").sourceKey("foreign.txt").destinationBucket("dst").destinationKey("f.txt"));
        assertThat(s3.headObject(b -> b.bucket("dst").key("f.txt")).eTag()).isEqualTo("\"900150983cd24fb0d6963f7d28e17f72\"");
    }

    @Test
    void deleteObjectsVerboseQuietAndPerKeyErrors() {
        List<ObjectIdentifier> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = "batch/" + i;
            s3.putObject(b -> b.bucket("src").key(key), RequestBody.fromString("x"));
            ids.add(ObjectIdentifier.builder().key(key).build());
        }
        ids.add(ObjectIdentifier.builder().key("batch/missing").build());
        ids.add(ObjectIdentifier.builder().key("bad/../key").build());
        DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("src").delete(d -> d.objects(ids)));
        assertThat(r.deleted()).hasSize(6);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("bad/../key");
            assertThat(e.code()).isEqualTo("InvalidArgument");
        });
        assertThat(Files.exists(root.resolve("src/batch"))).isFalse();
        s3.putObject(b -> b.bucket("src").key("q1"), RequestBody.fromString("x"));
        DeleteObjectsResponse quiet = s3.deleteObjects(b -> b.bucket("src").delete(d -> d.quiet(true)
                .objects(ObjectIdentifier.builder().key("q1").build())));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(quiet.errors()).isEmpty();
        List<ObjectIdentifier> tooMany = IntStream.range(0, 1001).mapToObj(i -> ObjectIdentifier.builder().key("k" + i).build()).toList();
        assertThatThrownBy(() -> s3.deleteObjects(b -> b.bucket("src").delete(d -> d.objects(tooMany))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedXML"));
    }

    @Test
    void objectAndBucketTaggingWithLimits() {
        s3.putObject(b -> b.bucket("src").key("tagged"), RequestBody.fromString("t"));
        assertThat(s3.getObjectTagging(b -> b.bucket("src").key("tagged")).tagSet()).isEmpty();
        s3.putObjectTagging(b -> b.bucket("src").key("tagged").tagging(t -> t.tagSet(
                Tag.builder().key("k1").value("v1").build(), Tag.builder().key("k 2").value("v/2").build())));
        assertThat(s3.getObjectTagging(b -> b.bucket("src").key("tagged")).tagSet()).extracting(Tag::key)
                .containsExactlyInAnyOrder("k1", "k 2");
        String etagBefore = s3.headObject(b -> b.bucket("src").key("tagged")).eTag();
        List<Tag> eleven = IntStream.range(0, 11).mapToObj(i -> Tag.builder().key("t" + i).value("v").build()).toList();
        assertThatThrownBy(() -> s3.putObjectTagging(b -> b.bucket("src").key("tagged").tagging(t -> t.tagSet(eleven))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTag"));
        s3.deleteObjectTagging(b -> b.bucket("src").key("tagged"));
        assertThat(s3.getObjectTagging(b -> b.bucket("src").key("tagged")).tagSet()).isEmpty();
        assertThat(s3.headObject(b -> b.bucket("src").key("tagged")).eTag()).isEqualTo(etagBefore);

        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("src")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet"));
        s3.putBucketTagging(b -> b.bucket("src").tagging(t -> t.tagSet(Tag.builder().key("project").value("fs3").build())));
        assertThat(s3.getBucketTagging(b -> b.bucket("src")).tagSet()).extracting(Tag::value).containsExactly("fs3");
        s3.deleteBucketTagging(b -> b.bucket("src"));
        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("src"))).isInstanceOf(S3Exception.class);
    }

    @Test
    void bucketCorsPreflightAndResponseHeaders() throws Exception {
        s3.createBucket(b -> b.bucket("web"));
        assertThatThrownBy(() -> s3.getBucketCors(b -> b.bucket("web")))
                .isInstanceOfSatisfying(S3Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchCORSConfiguration"));
        s3.putBucketCors(b -> b.bucket("web").corsConfiguration(c -> c.corsRules(CORSRule.builder()
                .allowedOrigins("https://*.example.org").allowedMethods("GET", "PUT").allowedHeaders("x-amz-*", "content-type")
                .exposeHeaders("ETag").maxAgeSeconds(600).build())));
        assertThat(s3.getBucketCors(b -> b.bucket("web")).corsRules()).singleElement()
                .satisfies(r -> assertThat(r.allowedMethods()).containsExactly("GET", "PUT"));
        s3.putObject(b -> b.bucket("web").key("page.html"), RequestBody.fromString("<p>hi</p>"));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(preflight("/web/page.html", "https://app.example.org", "PUT", "x-amz-date,content-type"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("access-control-allow-origin")).contains("https://app.example.org");
        assertThat(ok.headers().firstValue("access-control-allow-methods")).contains("GET, PUT");
        assertThat(ok.headers().firstValue("access-control-max-age")).contains("600");
        HttpResponse<String> denied = http.send(preflight("/web/page.html", "https://evil.test", "GET", null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("<Code>AccessForbidden</Code>");
        HttpResponse<String> badMethod = http.send(preflight("/web/page.html", "https://app.example.org", "DELETE", null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badMethod.statusCode()).isEqualTo(403);

        // a presigned GET from a page on an allowed origin gets the CORS headers on the real response
        var url = server.presigner().presignGetObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket("web").key("page.html"))).url();
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(url.toURI()).header("Origin", "https://app.example.org").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("access-control-allow-origin")).contains("https://app.example.org");
        assertThat(get.headers().firstValue("access-control-expose-headers")).contains("ETag");

        // the configured default rule applies to buckets without their own configuration
        HttpResponse<String> byDefault = http.send(preflight("/src/anything", "https://default.example", "GET", null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byDefault.statusCode()).isEqualTo(200);
        s3.deleteBucketCors(b -> b.bucket("web"));
        assertThat(http.send(preflight("/web/page.html", "https://app.example.org", "GET", null),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void unsupportedSubresourcesNameTheOperation() throws Exception {
        assertThatThrownBy(() -> s3.getBucketPolicy(b -> b.bucket("src")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("GetBucketPolicy");
                });
        assertThatThrownBy(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket("src")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
        assertThat(s3.getBucketVersioning(b -> b.bucket("src")).statusAsString()).isNull();
    }

    private HttpRequest preflight(String path, String origin, String method, String headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            b.header("Access-Control-Request-Headers", headers);
        }
        return b.build();
    }
}
