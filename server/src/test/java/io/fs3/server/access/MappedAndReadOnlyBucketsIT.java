package io.fs3.server.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Buckets the configuration defines: any directory (outside the root, deep inside it) under a bucket name,
 * owned by a configured user; and read-only buckets, where every write is AccessDenied, even the admin's,
 * and reads leave the directory exactly as it was (so a read-only mount serves fine).
 */
class MappedAndReadOnlyBucketsIT {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    @Test
    void directoriesAnywhereServeAsConfiguredBuckets() throws Exception {
        Path deep = Files.createDirectories(dir.resolve("data/projects/2026/results"));
        Files.writeString(deep.resolve("table.csv"), "a,b\n");
        Files.writeString(Files.createDirectories(elsewhere.resolve("photos/2026")).resolve("cat.jpg"), "meow");
        try (MultiUserServer server = MultiUserServer.start(dir, Map.of(
                "fs3.buckets.paths", "results=" + deep + ", photos=" + elsewhere.resolve("photos"),
                "fs3.buckets.owners", "photos=alice"), "alice", "bob");
             S3Client alice = server.client("alice"); S3Client admin = server.client("admin")) {
            assertThat(admin.listBuckets().buckets()).extracting(Bucket::name).contains("results", "photos", "projects");
            assertThat(admin.getObjectAsBytes(b -> b.bucket("results").key("table.csv")).asUtf8String()).isEqualTo("a,b\n");
            assertThat(alice.listBuckets().buckets()).extracting(Bucket::name).containsExactly("photos");
            assertThat(alice.listObjectsV2(b -> b.bucket("photos")).contents()).extracting(S3Object::key)
                    .containsExactly("2026/cat.jpg");
            alice.putObject(b -> b.bucket("photos").key("2026/dog.jpg"), RequestBody.fromString("woof"));
            assertThat(elsewhere.resolve("photos/2026/dog.jpg")).hasContent("woof");
            alice.putBucketAcl(b -> b.bucket("photos").grantRead("id=bob"));
            assertThat(server.client("bob").getObjectAsBytes(b -> b.bucket("photos").key("2026/cat.jpg")).asUtf8String())
                    .isEqualTo("meow");
            assertThatThrownBy(() -> server.client("bob").getObjectAsBytes(b -> b.bucket("results").key("table.csv")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            alice.deleteObject(b -> b.bucket("photos").key("2026/cat.jpg"));
            alice.deleteObject(b -> b.bucket("photos").key("2026/dog.jpg"));
            assertThatThrownBy(() -> admin.deleteBucket(b -> b.bucket("photos")))
                    .as("a configured bucket is not deleted through S3")
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThat(elsewhere.resolve("photos")).isDirectory();
        }
    }

    @Test
    void readOnlyBucketsRefuseEveryWriteAndReadsChangeNothing() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("data/archive/2019"));
        Files.writeString(archive.resolve("report.txt"), "final");
        try (MultiUserServer server = MultiUserServer.start(dir, Map.of("fs3.buckets.read-only", "archive",
                "fs3.buckets.owners", "archive=alice"), "alice", "bob");
             S3Client alice = server.client("alice"); S3Client admin = server.client("admin")) {
            Map<String, FileTime> before = snapshot(dir.resolve("data/archive"));
            assertThat(alice.getObjectAsBytes(b -> b.bucket("archive").key("2019/report.txt")).asUtf8String()).isEqualTo("final");
            assertThat(alice.headObject(b -> b.bucket("archive").key("2019/report.txt")).contentLength()).isEqualTo(5);
            assertThat(alice.listObjectsV2(b -> b.bucket("archive")).contents()).extracting(S3Object::key)
                    .containsExactly("2019/report.txt");
            assertThat(alice.getBucketAcl(b -> b.bucket("archive")).owner().id()).isEqualTo("alice");
            assertThat(snapshot(dir.resolve("data/archive"))).as("reads wrote nothing").isEqualTo(before);

            for (S3Client who : new S3Client[] {alice, admin}) {
                for (Consumer<S3Client> write : Stream.<Consumer<S3Client>>of(
                        s -> s.putObject(b -> b.bucket("archive").key("new.txt"), RequestBody.fromString("x")),
                        s -> s.deleteObject(b -> b.bucket("archive").key("2019/report.txt")),
                        s -> s.copyObject(b -> b.sourceBucket("archive").sourceKey("2019/report.txt")
                                .destinationBucket("archive").destinationKey("copy.txt")),
                        s -> s.putBucketAcl(b -> b.bucket("archive").acl(BucketCannedACL.PUBLIC_READ)),
                        s -> s.createMultipartUpload(b -> b.bucket("archive").key("big")),
                        s -> s.deleteBucket(b -> b.bucket("archive"))).toList()) {
                    assertThatThrownBy(() -> write.accept(who)).isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
                }
            }
            assertThat(snapshot(dir.resolve("data/archive"))).as("nothing was written").isEqualTo(before);
            // bob may not even learn that the bucket is read-only
            assertThatThrownBy(() -> server.client("bob").putObject(b -> b.bucket("archive").key("x"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Access Denied"));
        }
    }

    private static Map<String, FileTime> snapshot(Path root) throws Exception {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
