package io.fs3.server.docker;

import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Differential tests: the same requests against fs3 (in-process, over a temp tree) and a reference S3 server, whose
 * observable answers (keys, prefixes, truncation, markers, ETags, headers, metadata, bodies, status and error codes)
 * must be identical. Opt-in: {@code mvn -B verify -pl server -am -Pdocker -Dit.test=MinioDifferentialIT}.
 *
 * <p>The reference is, in this order: {@code -Dfs3.it.reference.endpoint=URL} (with {@code fs3.it.reference.accessKey}
 * / {@code .secretKey}; any S3 server, no Docker needed); or a MinIO container through Testcontainers, from
 * {@code -Dfs3.it.minio.image=NAME} (an image already present in the local engine: it is never pulled) or
 * {@code -Dfs3.it.minio.binary=PATH} (a static {@code minio} server binary, put into a {@code FROM scratch} image
 * built locally). Public registries are never contacted. Without a reference the tests are skipped with the reason.
 */
class MinioDifferentialIT {
    private static final String MINIO_USER = "fs3-differential";
    private static final String MINIO_PASSWORD = "fs3-differential-secret";

    @TempDir
    static Path root;
    static TestServer fs3;
    static S3Client fs3Client;
    static S3Client reference;
    static GenericContainer<?> minio;
    static String referenceName;
    /** Buckets made on the reference server, removed at the end (it may be someone's long-lived server). */
    static final List<String> REFERENCE_BUCKETS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fs3 = TestServer.start(root);
        fs3Client = fs3.sdk();
        String endpoint = System.getProperty("fs3.it.reference.endpoint", "").trim();
        if (!endpoint.isEmpty()) {
            reference = client(URI.create(endpoint), System.getProperty("fs3.it.reference.accessKey", ""),
                    System.getProperty("fs3.it.reference.secretKey", ""), System.getProperty("fs3.it.reference.region", "us-east-1"));
            referenceName = endpoint;
            return;
        }
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine: set -Dfs3.it.reference.endpoint "
                + "or run where Testcontainers finds one (DOCKER_HOST; see README, differential tests)");
        String image = System.getProperty("fs3.it.minio.image", "").trim();
        String binary = System.getProperty("fs3.it.minio.binary", "").trim();
        if (!image.isEmpty()) {
            minio = new GenericContainer<>(image).withImagePullPolicy(name -> false); // local images only
        } else if (!binary.isEmpty() && Files.isExecutable(Path.of(binary))) {
            minio = new GenericContainer<>(new ImageFromDockerfile("fs3-differential-minio", false)
                    .withFileFromPath("minio", Path.of(binary))
                    .withDockerfileFromBuilder(d -> d.from("scratch").copy("minio", "/minio").entryPoint("/minio").build()));
        } else {
            abort("no MinIO to compare with: give -Dfs3.it.minio.image=<a local image> or -Dfs3.it.minio.binary=<static minio "
                    + "binary> (no public image can be pulled here), or -Dfs3.it.reference.endpoint=<any S3 server>");
        }
        minio.withCommand("server", "/data").withEnv("MINIO_ROOT_USER", MINIO_USER)
                .withEnv("MINIO_ROOT_PASSWORD", MINIO_PASSWORD).withExposedPorts(9000)
                .waitingFor(Wait.forHttp("/minio/health/live").forPort(9000));
        minio.start();
        URI uri = URI.create("http://" + minio.getHost() + ":" + minio.getMappedPort(9000));
        reference = client(uri, MINIO_USER, MINIO_PASSWORD, "us-east-1");
        referenceName = "MinIO container " + minio.getDockerImageName() + " at " + uri;
    }

    @AfterAll
    static void stop() throws Exception {
        if (reference != null) {
            for (String bucket : REFERENCE_BUCKETS) {
                removeBucket(reference, bucket);
            }
            reference.close();
        }
        if (minio != null) {
            minio.stop();
        }
        if (fs3Client != null) {
            fs3Client.close();
        }
        if (fs3 != null) {
            fs3.close();
        }
    }

    @Test
    void objectsEtagsMetadataAndRanges() throws Exception {
        compare(s3 -> {
            String b = newBucket(s3);
            List<String> o = new ArrayList<>();
            o.add(observe(() -> s3.putObject(r -> r.bucket(b).key("dir/a b+c.txt").contentType("text/plain")
                    .cacheControl("max-age=60").contentDisposition("inline").metadata(Map.of("color", "blue", "Mixed-Case", "v")),
                    RequestBody.fromString("0123456789")).eTag()));
            o.add(observe(() -> head(s3.headObject(r -> r.bucket(b).key("dir/a b+c.txt")))));
            o.add(observe(() -> get(s3, b, "dir/a b+c.txt", null)));
            for (String range : List.of("bytes=2-4", "bytes=7-", "bytes=-3", "bytes=5-100", "bytes=10-", "bytes=4-2")) {
                o.add(range + " " + observe(() -> get(s3, b, "dir/a b+c.txt", range)));
            }
            o.add(observe(() -> s3.putObject(r -> r.bucket(b).key("empty"), RequestBody.empty()).eTag()));
            o.add(observe(() -> head(s3.headObject(r -> r.bucket(b).key("empty")))));
            o.add(observe(() -> s3.putObject(r -> r.bucket(b).key("folder/"), RequestBody.empty()).eTag()));
            o.add(observe(() -> head(s3.headObject(r -> r.bucket(b).key("folder/")))));
            return o;
        });
    }

    @Test
    void listingV2WithPrefixesDelimitersPagesAndStartAfter() throws Exception {
        compare(s3 -> {
            String b = newBucket(s3);
            // (no key is both an object and a prefix: a tree cannot hold "a/b" and "a/b/c")
            for (String k : List.of("a.txt", "a/b", "a/b.txt", "a/c/d", "a0", "a b/x", "a+b/y", "ü/ß", "😀/z", "deep/1/2/3/f",
                    "folder/", "folder/inside", "z")) {
                s3.putObject(r -> r.bucket(b).key(k), k.endsWith("/") ? RequestBody.empty() : RequestBody.fromString(k));
            }
            List<String> o = new ArrayList<>();
            o.add(observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b)))));
            o.add(observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b).delimiter("/")))));
            o.add(observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b).prefix("a/").delimiter("/")))));
            o.add(observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b).prefix("a").delimiter("/")))));
            o.add(observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b).delimiter("b")))));
            o.add(observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b).startAfter("a0")))));
            o.add(observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b).maxKeys(0)))));
            o.add(observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b).prefix("nothing/")))));
            o.add(observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b).encodingType(EncodingType.URL).prefix("ü")))));
            for (int pageSize : List.of(1, 2, 3, 5)) {
                List<String> pages = new ArrayList<>();
                String token = null;
                do {
                    String t = token;
                    ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(b).delimiter("/").maxKeys(pageSize).continuationToken(t));
                    pages.add(v2(page));
                    token = page.nextContinuationToken();
                } while (token != null);
                o.add("pages of " + pageSize + ": " + pages);
            }
            return o;
        });
    }

    @Test
    void listingV1WithMarkers() throws Exception {
        compare(s3 -> {
            String b = newBucket(s3);
            for (String k : List.of("a.txt", "a/b", "a/c/d", "b", "c/d", "c/e", "f")) {
                s3.putObject(r -> r.bucket(b).key(k), RequestBody.fromString(k));
            }
            List<String> o = new ArrayList<>();
            o.add(observe(() -> v1(s3.listObjects(r -> r.bucket(b)))));
            o.add(observe(() -> v1(s3.listObjects(r -> r.bucket(b).delimiter("/")))));
            o.add(observe(() -> v1(s3.listObjects(r -> r.bucket(b).marker("a/b")))));
            for (String delimiter : new String[] {null, "/"}) {
                List<String> pages = new ArrayList<>();
                String marker = null;
                ListObjectsResponse page;
                do {
                    String m = marker;
                    page = s3.listObjects(r -> r.bucket(b).delimiter(delimiter).maxKeys(2).marker(m));
                    pages.add(v1(page));
                    marker = page.nextMarker() != null ? page.nextMarker()
                            : page.contents().isEmpty() ? null : page.contents().get(page.contents().size() - 1).key();
                } while (page.isTruncated());
                o.add("v1 pages (delimiter " + delimiter + "): " + pages);
            }
            return o;
        });
    }

    @Test
    void errorsAndConditions() throws Exception {
        compare(s3 -> {
            String b = newBucket(s3);
            String etag = s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("value")).eTag();
            List<String> o = new ArrayList<>();
            o.add("missing key " + observe(() -> get(s3, b, "absent", null)));
            o.add("head missing key " + observe(() -> head(s3.headObject(r -> r.bucket(b).key("absent")))));
            o.add("missing bucket " + observe(() -> get(s3, b + "-absent", "k", null)));
            o.add("list missing bucket " + observe(() -> v2(s3.listObjectsV2(r -> r.bucket(b + "-absent")))));
            o.add("delete non-empty bucket " + observe(() -> s3.deleteBucket(r -> r.bucket(b)).sdkHttpResponse().statusCode()));
            o.add("create own bucket again " + observe(() -> s3.createBucket(r -> r.bucket(b)).sdkHttpResponse().statusCode()));
            o.add("invalid bucket name " + observe(() -> s3.createBucket(r -> r.bucket("Invalid_Name")).sdkHttpResponse().statusCode()));
            o.add("delete missing key " + observe(() -> s3.deleteObject(r -> r.bucket(b).key("absent")).sdkHttpResponse().statusCode()));
            o.add("if-match wrong " + observe(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("k").ifMatch("\"0\"")).asUtf8String()));
            o.add("if-none-match same " + observe(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("k").ifNoneMatch(etag)).asUtf8String()));
            o.add("if-modified-since future " + observe(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("k")
                    .ifModifiedSince(Instant.now().plusSeconds(3600))).asUtf8String()));
            o.add("if-unmodified-since past " + observe(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("k")
                    .ifUnmodifiedSince(Instant.parse("2000-01-01T00:00:00Z"))).asUtf8String()));
            o.add("self copy without change " + observe(() -> s3.copyObject(r -> r.sourceBucket(b).sourceKey("k")
                    .destinationBucket(b).destinationKey("k")).copyObjectResult().eTag()));
            o.add("copy missing source " + observe(() -> s3.copyObject(r -> r.sourceBucket(b).sourceKey("absent")
                    .destinationBucket(b).destinationKey("x")).copyObjectResult().eTag()));
            o.add("key too long " + observe(() -> s3.putObject(r -> r.bucket(b).key("k".repeat(1025)), RequestBody.fromString("x")).eTag()));
            return o;
        });
    }

    @Test
    void copyAndMultipartEtags() throws Exception {
        byte[] part1 = new byte[5 << 20];
        new Random(1).nextBytes(part1);
        byte[] part2 = "the short last part".getBytes();
        compare(s3 -> {
            String b = newBucket(s3);
            List<String> o = new ArrayList<>();
            s3.putObject(r -> r.bucket(b).key("src").contentType("text/x-src").metadata(Map.of("a", "1")), RequestBody.fromString("copy"));
            o.add(observe(() -> s3.copyObject(r -> r.sourceBucket(b).sourceKey("src").destinationBucket(b).destinationKey("kept"))
                    .copyObjectResult().eTag()));
            o.add(observe(() -> head(s3.headObject(r -> r.bucket(b).key("kept")))));
            o.add(observe(() -> s3.copyObject(r -> r.sourceBucket(b).sourceKey("src").destinationBucket(b).destinationKey("replaced")
                    .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("b", "2")).contentType("text/x-new"))
                    .copyObjectResult().eTag()));
            o.add(observe(() -> head(s3.headObject(r -> r.bucket(b).key("replaced")))));

            String id = s3.createMultipartUpload(r -> r.bucket(b).key("mpu").metadata(Map.of("m", "1"))).uploadId();
            String e1 = s3.uploadPart(r -> r.bucket(b).key("mpu").uploadId(id).partNumber(1), RequestBody.fromBytes(part1)).eTag();
            String e2 = s3.uploadPart(r -> r.bucket(b).key("mpu").uploadId(id).partNumber(2), RequestBody.fromBytes(part2)).eTag();
            o.add("part etags " + e1 + " " + e2);
            o.add("wrong part etag " + observe(() -> s3.completeMultipartUpload(r -> r.bucket(b).key("mpu").uploadId(id)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag("\"00000000000000000000000000000000\"").build(),
                            CompletedPart.builder().partNumber(2).eTag(e2).build()))).eTag()));
            o.add("parts out of order " + observe(() -> s3.completeMultipartUpload(r -> r.bucket(b).key("mpu").uploadId(id)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(2).eTag(e2).build(),
                            CompletedPart.builder().partNumber(1).eTag(e1).build()))).eTag()));
            o.add("complete " + observe(() -> s3.completeMultipartUpload(r -> r.bucket(b).key("mpu").uploadId(id)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                            CompletedPart.builder().partNumber(2).eTag(e2).build()))).eTag()));
            o.add(observe(() -> head(s3.headObject(r -> r.bucket(b).key("mpu")))));
            o.add("part 2 " + observe(() -> {
                var r = s3.getObjectAsBytes(g -> g.bucket(b).key("mpu").partNumber(2));
                return r.asUtf8String() + " parts=" + r.response().partsCount() + " range=" + r.response().contentRange();
            }));
            o.add("completed upload again " + observe(() -> s3.uploadPart(r -> r.bucket(b).key("mpu").uploadId(id).partNumber(3),
                    RequestBody.fromBytes(part2)).eTag()));

            String small = s3.createMultipartUpload(r -> r.bucket(b).key("small-parts")).uploadId();
            String s1 = s3.uploadPart(r -> r.bucket(b).key("small-parts").uploadId(small).partNumber(1), RequestBody.fromBytes(part2)).eTag();
            String s2 = s3.uploadPart(r -> r.bucket(b).key("small-parts").uploadId(small).partNumber(2), RequestBody.fromBytes(part2)).eTag();
            o.add("part too small " + observe(() -> s3.completeMultipartUpload(r -> r.bucket(b).key("small-parts").uploadId(small)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(s1).build(),
                            CompletedPart.builder().partNumber(2).eTag(s2).build()))).eTag()));
            s3.abortMultipartUpload(r -> r.bucket(b).key("small-parts").uploadId(small));
            o.add("aborted upload " + observe(() -> s3.listParts(r -> r.bucket(b).key("small-parts").uploadId(small)).parts().size()));
            return o;
        });
    }

    // --- the comparison

    private interface Scenario {
        List<String> run(S3Client s3) throws Exception;
    }

    /** Runs the scenario on both servers and compares every observation, reporting all differences at once. */
    private static void compare(Scenario scenario) throws Exception {
        List<String> mine = scenario.run(fs3Client);
        List<String> theirs = scenario.run(reference);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            String a = i < mine.size() ? mine.get(i) : "(none)";
            String b = i < theirs.size() ? theirs.get(i) : "(none)";
            if (!a.equals(b)) {
                differences.add("#" + i + "\n  fs3:       " + a + "\n  reference: " + b);
            }
        }
        assertThat(differences).as("fs3 vs %s", referenceName).isEmpty();
    }

    /** The value, or the HTTP status and S3 error code (no request ids, dates or messages, which legitimately differ). */
    private static String observe(Callable<Object> call) {
        try {
            return "ok " + call.call();
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return "error " + e.statusCode() + " " + code;
        } catch (Exception e) {
            return "exception " + e.getClass().getSimpleName();
        }
    }

    private static String newBucket(S3Client s3) {
        String name = "diff-" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        s3.createBucket(r -> r.bucket(name));
        if (s3 == reference) {
            REFERENCE_BUCKETS.add(name);
        }
        return name;
    }

    private static void removeBucket(S3Client s3, String bucket) {
        try {
            for (var upload : s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()) {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
            }
            for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket))) {
                for (S3Object o : page.contents()) {
                    s3.deleteObject(r -> r.bucket(bucket).key(o.key()));
                }
            }
            s3.deleteBucket(r -> r.bucket(bucket));
        } catch (RuntimeException e) {
            System.out.println("[fs3-it] could not remove bucket " + bucket + " from the reference server: " + e);
        }
    }

    private static String get(S3Client s3, String bucket, String key, String range) {
        var r = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key).range(range));
        GetObjectResponse resp = r.response();
        return r.asUtf8String() + " etag=" + resp.eTag() + " length=" + resp.contentLength() + " range=" + resp.contentRange()
                + " type=" + resp.contentType() + " meta=" + new TreeMap<>(resp.metadata());
    }

    private static String head(HeadObjectResponse h) {
        return "etag=" + h.eTag() + " length=" + h.contentLength() + " type=" + h.contentType() + " cache=" + h.cacheControl()
                + " disposition=" + h.contentDisposition() + " meta=" + new TreeMap<>(h.metadata());
    }

    private static String v2(ListObjectsV2Response r) {
        return "keys=" + r.contents().stream().map(o -> o.key() + ":" + o.size() + ":" + o.eTag()).toList()
                + " prefixes=" + r.commonPrefixes().stream().map(CommonPrefix::prefix).toList()
                + " truncated=" + r.isTruncated() + " keyCount=" + r.keyCount()
                + " startAfter=" + java.util.Objects.toString(r.startAfter(), ""); // absent and empty are the same
    }

    private static String v1(ListObjectsResponse r) {
        return "keys=" + r.contents().stream().map(S3Object::key).toList()
                + " prefixes=" + r.commonPrefixes().stream().map(CommonPrefix::prefix).toList()
                + " truncated=" + r.isTruncated() + " nextMarker=" + r.nextMarker();
    }

    private static S3Client client(URI endpoint, String accessKey, String secretKey, String region) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.of(region)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))).build();
    }
}
