package io.fs3.storage;

import io.fs3.config.MetadataMode;
import io.fs3.s3.S3Exception;
import io.fs3.storage.posix.TestBackends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No key in the hostile corpus reads or writes outside its bucket directory or into fs3's reserved directory. */
class HostileKeysTest {
    @TempDir
    Path tmp;

    @Test
    void noHostileKeyEscapesTheBucket() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("escape"), "sentinel");
        var backend = TestBackends.open(root, MetadataMode.AUTO);
        BucketName bucket = BucketName.of("bkt");
        backend.buckets().create(bucket);
        List<String> keys = corpus();
        assertThat(keys).hasSizeGreaterThan(25);
        for (String key : keys) {
            try {
                ObjectKey k = ObjectKey.of(key);
                backend.objects().put(bucket, k, put("payload"));
                // accepted: it must be a plain file strictly inside the bucket, outside .fs3
                Path written = root.resolve("bkt").resolve(key).normalize();
                assertThat(written).as(key).startsWith(root.resolve("bkt"));
                assertThat(written.startsWith(root.resolve("bkt/.fs3"))).as(key).isFalse();
            } catch (S3Exception expected) {
                assertThat(expected.error().status()).as(key).isBetween(400, 499);
            }
        }
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
        assertThat(Files.readString(tmp.resolve("escape"))).isEqualTo("sentinel");
        try (Stream<Path> s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bkt");
        }
    }

    @Test
    void symlinksNeverLeadOutOfTheBucket() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        var backend = TestBackends.open(root, MetadataMode.AUTO);
        BucketName bucket = BucketName.of("bkt");
        backend.buckets().create(bucket);
        Path b = root.resolve("bkt");
        Files.createSymbolicLink(b.resolve("dirlink"), outside);
        Files.createSymbolicLink(b.resolve("filelink"), outside.resolve("secret.txt"));
        Files.writeString(b.resolve("inside.txt"), "inside");
        Files.createSymbolicLink(b.resolve("goodlink"), b.resolve("inside.txt"));

        assertError(() -> backend.objects().head(bucket, ObjectKey.of("filelink")), "NoSuchKey");
        assertError(() -> backend.objects().open(bucket, ObjectKey.of("dirlink/secret.txt")), "NoSuchKey");
        assertError(() -> backend.objects().put(bucket, ObjectKey.of("dirlink/new.txt"), put("x")), "AccessDenied");
        assertThat(Files.exists(outside.resolve("new.txt"))).isFalse();
        assertThat(backend.objects().head(bucket, ObjectKey.of("goodlink")).size()).isEqualTo(6);
        var listed = backend.lister().list(bucket, new ListRequest("", null, null, 1000)).objects();
        assertThat(listed).extracting(ObjectSummary::key).containsExactly("goodlink", "inside.txt");
        // overwriting a symlink replaces the link itself, never its target
        backend.objects().put(bucket, ObjectKey.of("filelink"), put("replaced"));
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("secret");
        assertThat(Files.isSymbolicLink(b.resolve("filelink"))).isFalse();
    }

    static PutRequest put(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new PutRequest(new ByteArrayInputStream(bytes), bytes.length, ContentHeaders.NONE, Map.of(), null, null, false);
    }

    static void assertError(Runnable r, String code) {
        try {
            r.run();
            throw new AssertionError("expected " + code);
        } catch (S3Exception e) {
            assertThat(e.error().code()).isEqualTo(code);
        }
    }

    static List<String> corpus() throws IOException {
        try (InputStream in = HostileKeysTest.class.getResourceAsStream("/keys/hostile.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isEmpty()).map(HostileKeysTest::unescape).toList();
        }
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 5 < s.length() + 0 && s.charAt(i + 1) == 'u') {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                b.append('\\');
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
