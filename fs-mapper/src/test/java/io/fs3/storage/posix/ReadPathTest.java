package io.fs3.storage.posix;

import io.fs3.config.MetadataMode;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import io.fs3.storage.OpenObject;
import io.fs3.storage.PutRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read path's shortcuts (lstat containment proof without real paths, no bucket stat up front, no
 * re-stat for metadata served from the cache) keep the answers of the full checks.
 */
class ReadPathTest {
    @TempDir
    Path tmp;

    @Test
    void containmentProofNeedsLinkFreeDirectoriesBelowTheBucket() throws IOException {
        Path bucket = Files.createDirectories(tmp.resolve("root/bkt"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(bucket.resolve("a/b"));
        Files.createSymbolicLink(bucket.resolve("out"), outside);
        Files.createSymbolicLink(bucket.resolve("in"), bucket.resolve("a"));
        KeyMapper keys = new KeyMapper(tmp.resolve("root"), ".fs3");

        assertThat(keys.isContainedWithoutLinks(bucket, bucket.resolve("f"))).isTrue();
        assertThat(keys.isContainedWithoutLinks(bucket, bucket.resolve("a/b/f"))).isTrue();
        // a symlinked directory on the way is never proven here (the caller resolves real paths instead)
        assertThat(keys.isContainedWithoutLinks(bucket, bucket.resolve("out/f"))).isFalse();
        assertThat(keys.isContainedWithoutLinks(bucket, bucket.resolve("in/b/f"))).isFalse();
        // syntactic escapes, the bucket itself and the reserved directory are refused
        assertThat(keys.isContainedWithoutLinks(bucket, bucket)).isFalse();
        assertThat(keys.isContainedWithoutLinks(bucket, bucket.resolve("a/../../x"))).isFalse();
        assertThat(keys.isContainedWithoutLinks(bucket, bucket.resolve(".fs3/tmp/x"))).isFalse();
        assertThat(keys.isContainedWithoutLinks(bucket, tmp.resolve("outside/f"))).isFalse();
    }

    @Test
    void symlinksStillFollowThePolicyOnTheSlowPath() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        PosixBackend backend = TestBackends.open(root, MetadataMode.AUTO);
        BucketName bucket = BucketName.of("bkt");
        backend.buckets().create(bucket);
        Path b = root.resolve("bkt");
        Files.createDirectories(b.resolve("real"));
        Files.writeString(b.resolve("real/file.txt"), "inside!");
        Files.createSymbolicLink(b.resolve("dirlink"), outside);
        Files.createSymbolicLink(b.resolve("innerlink"), b.resolve("real"));
        Files.createSymbolicLink(b.resolve("reserved"), b.resolve(".fs3"));

        assertThat(backend.objects().head(bucket, ObjectKey.of("real/file.txt")).size()).isEqualTo(7);
        // a directory link that stays inside the bucket serves the file, as the real-path check always did
        assertThat(backend.objects().head(bucket, ObjectKey.of("innerlink/file.txt")).size()).isEqualTo(7);
        assertNoSuchKey(() -> backend.objects().open(bucket, ObjectKey.of("dirlink/secret.txt")));
        assertNoSuchKey(() -> backend.objects().head(bucket, ObjectKey.of("dirlink/secret.txt")));
        Files.createDirectories(b.resolve(".fs3")); // reads never create it (read-only buckets stay untouched)
        Files.writeString(b.resolve(".fs3/inner.txt"), "x");
        assertNoSuchKey(() -> backend.objects().head(bucket, ObjectKey.of("reserved/inner.txt")));
        assertNoSuchKey(() -> backend.objects().head(bucket, ObjectKey.of("real")));
    }

    @Test
    void missingBucketIsStillNoSuchBucketBeforeAnyKeyError() {
        PosixBackend backend = TestBackends.open(tmp, MetadataMode.AUTO);
        BucketName missing = BucketName.of("nope");
        assertCode(() -> backend.objects().head(missing, ObjectKey.of("k")), "NoSuchBucket");
        assertCode(() -> backend.objects().open(missing, ObjectKey.of("k")), "NoSuchBucket");
        assertCode(() -> backend.objects().open(missing, ObjectKey.of(".fs3/k")), "NoSuchBucket");
        backend.buckets().create(BucketName.of("here"));
        assertCode(() -> backend.objects().open(BucketName.of("here"), ObjectKey.of(".fs3/k")), "InvalidArgument");
        assertCode(() -> backend.objects().open(BucketName.of("here"), ObjectKey.of("k")), "NoSuchKey");
    }

    @Test
    void cachedMetadataIsServedOnlyForTheSameStatAndDescribesTheOpenBytes() throws IOException {
        PosixBackend backend = TestBackends.open(tmp, MetadataMode.AUTO);
        BucketName bucket = BucketName.of("bkt");
        backend.buckets().create(bucket);
        ObjectKey key = ObjectKey.of("dir/obj.txt");
        backend.objects().put(bucket, key, put("first version"));
        ObjectMetadata first = backend.objects().head(bucket, key);
        try (OpenObject o = backend.objects().open(bucket, key)) { // served from the cache now
            assertThat(o.metadata()).isEqualTo(first);
            assertThat(read(o)).isEqualTo("first version");
        }
        // another program rewrites the file in place: same inode, new size and mtime
        Path file = tmp.resolve("bkt/dir/obj.txt");
        Files.writeString(file, "rewritten by another program");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        try (OpenObject o = backend.objects().open(bucket, key)) {
            assertThat(read(o)).isEqualTo("rewritten by another program");
            assertThat(o.metadata().size()).isEqualTo(28);
            assertThat(o.metadata().etag()).isNotEqualTo(first.etag()).endsWith("-1");
        }
        assertThat(backend.objects().head(bucket, key).size()).isEqualTo(28);
    }

    private static String read(OpenObject o) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1024);
        o.channel().read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private static PutRequest put(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new PutRequest(new ByteArrayInputStream(bytes), bytes.length, ContentHeaders.NONE, Map.of(), null, null,
                false);
    }

    private static void assertNoSuchKey(Runnable r) {
        assertCode(r, "NoSuchKey");
    }

    private static void assertCode(Runnable r, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error().code()).isEqualTo(code));
    }
}
