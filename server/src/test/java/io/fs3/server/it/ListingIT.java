package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ListObjects v1/v2 through real clients over trees written directly on disk (unicode, deep nesting, other writers). */
class ListingIT {
    @TempDir
    static Path root;
    @TempDir
    static Path home;
    static TestServer server;
    static S3Client s3;
    static List<String> keys = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(root);
        s3 = server.sdk();
        Path bucket = Files.createDirectories(root.resolve("tree"));
        List<String> names = List.of("a.txt", "a/b", "a0", "a/b c/d+e", "ü/ß.txt", "😀/x", "\uE000/y", "z", "deep/1/2/3/4/5/6/7/f",
                "dir.with.dots/f", "%41/literal-percent", "sp ace/x y", "a-b", "a/c", "a/b0");
        for (String k : names) {
            write(bucket, k);
        }
        for (int i = 0; i < 250; i++) {
            write(bucket, String.format("many/%04d", i));
        }
        Files.createDirectories(bucket.resolve("empty/nested/dirs")); // no objects: never a prefix or object
        keys.addAll(names);
        for (int i = 0; i < 250; i++) {
            keys.add(String.format("many/%04d", i));
        }
        keys.sort(Comparator.comparing(k -> k.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void v2PaginatorReturnsEveryKeyInUtf8ByteOrder() {
        List<String> listed = s3.listObjectsV2Paginator(b -> b.bucket("tree").maxKeys(7)).contents().stream()
                .map(S3Object::key).toList();
        assertThat(listed).containsExactlyElementsOf(keys);
        assertThat(listed.indexOf("a.txt")).isLessThan(listed.indexOf("a/b")); // '.' < '/' < '0'
        assertThat(listed.indexOf("a/b")).isLessThan(listed.indexOf("a0"));
        assertThat(listed.indexOf("\uE000/y")).isLessThan(listed.indexOf("😀/x")); // UTF-8, not UTF-16, order
    }

    @Test
    void delimiterListingShowsEachPrefixOnceAcrossPages() {
        List<String> prefixes = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket("tree").delimiter("/").maxKeys(2))) {
            page.commonPrefixes().forEach(p -> prefixes.add(p.prefix()));
            page.contents().forEach(o -> objects.add(o.key()));
            assertThat(page.keyCount()).isEqualTo(page.commonPrefixes().size() + page.contents().size());
        }
        assertThat(objects).containsExactly("a-b", "a.txt", "a0", "z");
        assertThat(prefixes).containsExactly("%41/", "a/", "deep/", "dir.with.dots/", "many/", "sp ace/", "ü/", "\uE000/", "😀/");
        ListObjectsV2Response sub = s3.listObjectsV2(b -> b.bucket("tree").prefix("a/").delimiter("/"));
        assertThat(sub.contents()).extracting(S3Object::key).containsExactly("a/b", "a/b0", "a/c");
        assertThat(sub.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/b c/");
    }

    @Test
    void v1MarkersNonSlashDelimiterStartAfterAndEncoding() {
        List<String> all = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListObjectsResponse page = s3.listObjects(b -> b.bucket("tree").prefix("many/").maxKeys(40).marker(m));
            page.contents().forEach(o -> all.add(o.key()));
            marker = page.isTruncated() ? page.contents().get(page.contents().size() - 1).key() : null;
        } while (marker != null);
        assertThat(all).hasSize(250).isSorted();
        ListObjectsV2Response dashes = s3.listObjectsV2(b -> b.bucket("tree").prefix("many/00").delimiter("1"));
        assertThat(dashes.commonPrefixes()).extracting(CommonPrefix::prefix).contains("many/001", "many/0021");
        ListObjectsV2Response after = s3.listObjectsV2(b -> b.bucket("tree").startAfter("many/0247"));
        assertThat(after.contents()).extracting(S3Object::key).startsWith("many/0248", "many/0249", "sp ace/x y");
        ListObjectsV2Response encoded = s3.listObjectsV2(b -> b.bucket("tree").prefix("sp ace/").encodingType(EncodingType.URL));
        assertThat(encoded.contents()).extracting(S3Object::key).containsExactly("sp ace/x y"); // the SDK decodes
        assertThat(s3.listObjectsV2(b -> b.bucket("tree").maxKeys(0)).contents()).isEmpty();
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("tree").continuationToken("forged-token")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
    }

    @Test
    void changesByAnotherWriterShowUpInTheNextListingAndMidWalkRemovalsAreSkipped() throws Exception {
        Path bucket = Files.createDirectories(root.resolve("live"));
        for (int i = 0; i < 100; i++) {
            write(bucket, String.format("d%02d/f", i));
        }
        assertThat(s3.listObjectsV2(b -> b.bucket("live")).keyCount()).isEqualTo(100);
        write(bucket, "d05/new");
        Files.delete(bucket.resolve("d07/f"));
        Files.writeString(bucket.resolve("d09/f"), "longer content now");
        List<S3Object> listed = s3.listObjectsV2Paginator(b -> b.bucket("live").maxKeys(10)).contents().stream().toList();
        assertThat(listed).extracting(S3Object::key).contains("d05/new").doesNotContain("d07/f").hasSize(100);
        assertThat(listed).filteredOn(o -> o.key().equals("d09/f")).singleElement()
                .satisfies(o -> assertThat(o.size()).isEqualTo(18));
        // a writer adding and removing files while a paged listing runs: every page is ordered, no errors
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300 && !stop.get(); i++) {
                try {
                    Path p = bucket.resolve(String.format("d%02d/tmp%d", i % 100, i));
                    Files.writeString(p, "x");
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // racing with ourselves is fine
                }
            }
        });
        writer.start();
        try {
            for (int round = 0; round < 5; round++) {
                List<String> seen = s3.listObjectsV2Paginator(b -> b.bucket("live").maxKeys(13)).contents().stream()
                        .map(S3Object::key).toList();
                assertThat(seen).isSortedAccordingTo(Comparator.comparing(k -> k.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
                assertThat(seen).contains("d00/f", "d99/f");
            }
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    @Test
    void awsCliRecursiveLsAndS3apiV1Pagination() throws Exception {
        CliTool.require("/usr/bin/aws");
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", TestServer.SECRET_KEY,
                "AWS_DEFAULT_REGION", TestServer.REGION, "AWS_CONFIG_FILE", home.resolve("none").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("none2").toString());
        String ep = server.endpoint().toString();
        CliTool.Result ls = CliTool.run(home, env, List.of("/usr/bin/aws", "--endpoint-url", ep, "s3", "ls", "--recursive",
                "--page-size", "50", "s3://tree"));
        assertThat(ls.exitCode()).as(ls.output()).isZero();
        assertThat(ls.output().lines().filter(l -> !l.isBlank()).count()).isEqualTo(keys.size());
        assertThat(ls.output()).contains("😀/x").contains("deep/1/2/3/4/5/6/7/f").contains("sp ace/x y");
        CliTool.Result v1 = CliTool.run(home, env, List.of("/usr/bin/aws", "--endpoint-url", ep, "s3api", "list-objects",
                "--bucket", "tree", "--prefix", "many/", "--page-size", "33", "--query", "length(Contents)"));
        assertThat(v1.exitCode()).as(v1.output()).isZero();
        assertThat(v1.output().trim()).isEqualTo("250");
    }

    private static void write(Path bucket, String key) throws IOException {
        Path p = bucket.resolve(key);
        Files.createDirectories(p.getParent());
        Files.writeString(p, key);
    }
}
