package io.fs3.storage;

import io.fs3.config.MetadataMode;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.posix.PosixBackend;
import io.fs3.storage.posix.TestBackends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PosixStorageTest {
    @TempDir
    Path root;

    private final BucketName bucket = BucketName.of("bkt");

    private PosixBackend backend(MetadataMode mode) {
        PosixBackend b = TestBackends.open(root, mode);
        b.buckets().create(bucket);
        return b;
    }

    @ParameterizedTest
    @EnumSource(value = MetadataMode.class, names = {"XATTR", "SIDECAR"})
    void metadataRoundTripsInBothModes(MetadataMode mode) {
        PosixBackend b = backend(mode);
        ContentHeaders content = new ContentHeaders("text/plain", "gzip", "inline", "en", "no-cache", "Thu, 01 Dec 2030 16:00:00 GMT");
        PutResult r = b.objects().put(bucket, ObjectKey.of("a/b.txt"), new PutRequest(body("hello"), 5, content,
                Map.of("color", "blue", "emoji", "😀"), null, () -> Map.of("crc32", "NhCmhg=="), false));
        assertThat(r.etag()).isEqualTo(md5Hex("hello"));
        ObjectMetadata m = b.objects().head(bucket, ObjectKey.of("a/b.txt"));
        assertThat(m.etag()).isEqualTo(r.etag());
        assertThat(m.content()).isEqualTo(content);
        assertThat(m.userMetadata()).containsEntry("color", "blue").containsEntry("emoji", "😀");
        assertThat(m.checksums()).containsEntry("crc32", "NhCmhg==");
        assertThat(Files.exists(root.resolve("bkt/.fs3/meta"))).isEqualTo(mode == MetadataMode.SIDECAR);
    }

    @Test
    void aFailedUploadLeavesTheOldObjectAndNoTempFile() throws IOException {
        PosixBackend b = backend(MetadataMode.AUTO);
        b.objects().put(bucket, ObjectKey.of("k"), put("old"));
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 100_000) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of("k"),
                new PutRequest(failing, 1_000_000, ContentHeaders.NONE, Map.of(), null, null, false)))
                .isInstanceOf(S3Exception.class);
        assertThat(Files.readString(root.resolve("bkt/k"))).isEqualTo("old");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void wrongContentMd5AndShortBodyPublishNothing() throws IOException {
        PosixBackend b = backend(MetadataMode.AUTO);
        String wrongMd5 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of("k"),
                new PutRequest(body("data"), 4, ContentHeaders.NONE, Map.of(), wrongMd5, null, false)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.BAD_DIGEST));
        assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of("k"),
                new PutRequest(body("data"), 10, ContentHeaders.NONE, Map.of(), null, null, false)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INCOMPLETE_BODY));
        assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of("k"),
                new PutRequest(body("data"), 4, ContentHeaders.NONE, Map.of(), "not-base64!", null, false)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_DIGEST));
        assertThat(Files.exists(root.resolve("bkt/k"))).isFalse();
        assertThat(tempFiles()).isEmpty();
        String rightMd5 = Base64.getEncoder().encodeToString(md5("data"));
        b.objects().put(bucket, ObjectKey.of("k"), new PutRequest(body("data"), 4, ContentHeaders.NONE, Map.of(), rightMd5, null, false));
        assertThat(Files.readString(root.resolve("bkt/k"))).isEqualTo("data");
    }

    /** Small bodies learn it at the rename (no look first), large ones before their body is read. */
    @Test
    void aDirectoryAtTheKeysNameIsNeverReplaced() throws IOException {
        PosixBackend b = backend(MetadataMode.AUTO);
        Files.createDirectories(root.resolve("bkt/empty"));
        Files.createDirectories(root.resolve("bkt/full"));
        Files.writeString(root.resolve("bkt/full/inside"), "kept");
        for (String key : new String[] {"empty", "full"}) {
            for (boolean ifNoneMatch : new boolean[] {false, true}) {
                assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of(key),
                        new PutRequest(body("data"), 4, ContentHeaders.NONE, Map.of(), null, null, ifNoneMatch)))
                        .isInstanceOfSatisfying(S3Exception.class,
                                e -> assertThat(e.error()).isEqualTo(S3Error.EXISTING_OBJECT_IS_DIRECTORY));
            }
        }
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("a large body aimed at a directory is not read");
            }
        };
        assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of("full"),
                new PutRequest(unread, 5L << 30, ContentHeaders.NONE, Map.of(), null, null, false)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.error()).isEqualTo(S3Error.EXISTING_OBJECT_IS_DIRECTORY));
        assertThat(root.resolve("bkt/empty")).isEmptyDirectory();
        assertThat(Files.readString(root.resolve("bkt/full/inside"))).isEqualTo("kept");
        assertThat(tempFiles()).isEmpty();
    }

    /** Small bodies learn it when the parents are made (no look first), large ones before their body is read. */
    @Test
    void aFileOrSymlinkAmongTheParentsIsRefused() throws IOException {
        PosixBackend b = backend(MetadataMode.AUTO);
        Files.writeString(root.resolve("bkt/file"), "kept");
        Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(root.resolve("bkt/link"), root.resolve("outside"));
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("a large body under a bad parent is not read");
            }
        };
        for (String key : new String[] {"file/child", "file/deeper/child", "link/child"}) {
            S3Error expected = key.startsWith("link") ? S3Error.ACCESS_DENIED : S3Error.OBJECT_PARENT_IS_FILE;
            for (PutRequest request : List.of(put("data"),
                    new PutRequest(unread, 5L << 30, ContentHeaders.NONE, Map.of(), null, null, false))) {
                assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of(key), request))
                        .as(key).isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(expected));
            }
        }
        assertThat(Files.readString(root.resolve("bkt/file"))).isEqualTo("kept");
        assertThat(root.resolve("outside")).isEmptyDirectory();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void ifNoneMatchStarRefusesToReplace() {
        PosixBackend b = backend(MetadataMode.AUTO);
        b.objects().put(bucket, ObjectKey.of("k"), new PutRequest(body("one"), 3, ContentHeaders.NONE, Map.of(), null, null, true));
        assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of("k"),
                new PutRequest(body("two"), 3, ContentHeaders.NONE, Map.of(), null, null, true)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.PRECONDITION_FAILED));
        assertThat(b.objects().head(bucket, ObjectKey.of("k")).etag()).isEqualTo(md5Hex("one"));
    }

    @Test
    void readersSeeOnlyWholeVersionsWhileAWriterReplacesTheObject() throws Exception {
        PosixBackend b = backend(MetadataMode.AUTO);
        String a = "A".repeat(200_000);
        String z = "Z".repeat(300_000);
        b.objects().put(bucket, ObjectKey.of("k"), put(a));
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                b.objects().put(bucket, ObjectKey.of("k"), put(i % 2 == 0 ? z : a));
            }
        });
        writer.start();
        int reads = 0;
        while (writer.isAlive() || reads == 0) {
            try (OpenObject o = b.objects().open(bucket, ObjectKey.of("k"))) {
                ByteBuffer buf = ByteBuffer.allocate((int) o.metadata().size());
                while (buf.hasRemaining() && o.channel().read(buf) >= 0) {
                    // read all
                }
                String got = new String(buf.array(), StandardCharsets.UTF_8);
                assertThat(got.equals(a) || got.equals(z)).as("a whole version").isTrue();
                assertThat(o.metadata().etag()).isEqualTo(md5Hex(got));
                reads++;
            } catch (S3Exception e) {
                // Losing the race to the writer on every attempt is a retryable 503, never wrong bytes.
                assertThat(e.error()).isEqualTo(S3Error.SERVICE_UNAVAILABLE);
            }
        }
        writer.join();
        assertThat(reads).isPositive();
    }

    @Test
    void deleteRemovesEmptyParentsButKeepsFolderObjectsAndSiblings() {
        PosixBackend b = backend(MetadataMode.AUTO);
        b.objects().put(bucket, ObjectKey.of("x/y/"), put(""));
        b.objects().put(bucket, ObjectKey.of("x/y/z/file"), put("f"));
        b.objects().put(bucket, ObjectKey.of("p/q/r"), put("r"));
        b.objects().delete(bucket, ObjectKey.of("x/y/z/file"));
        b.objects().delete(bucket, ObjectKey.of("p/q/r"));
        b.objects().delete(bucket, ObjectKey.of("p/q/r"));
        assertThat(Files.isDirectory(root.resolve("bkt/x/y"))).isTrue();
        assertThat(Files.exists(root.resolve("bkt/x/y/z"))).isFalse();
        assertThat(Files.exists(root.resolve("bkt/p"))).isFalse();
        assertThat(b.objects().head(bucket, ObjectKey.of("x/y/")).size()).isZero();
        b.objects().delete(bucket, ObjectKey.of("x/y/"));
        assertThat(Files.exists(root.resolve("bkt/x"))).isFalse();
    }

    @Test
    void folderKeysCannotHoldData() {
        PosixBackend b = backend(MetadataMode.AUTO);
        assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of("dir/"), put("bytes")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_REQUEST));
    }

    @Test
    void bucketWithOnlyReservedFilesCanBeDeleted() {
        PosixBackend b = backend(MetadataMode.SIDECAR);
        b.objects().put(bucket, ObjectKey.of("k"), put("x"));
        assertThatThrownBy(() -> b.buckets().delete(bucket))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.BUCKET_NOT_EMPTY));
        b.objects().delete(bucket, ObjectKey.of("k"));
        b.buckets().delete(bucket);
        assertThat(Files.exists(root.resolve("bkt"))).isFalse();
    }

    @Test
    void hiddenAndUnderscoreDirectoriesAreNotBuckets() throws IOException {
        PosixBackend b = backend(MetadataMode.AUTO);
        Files.createDirectories(root.resolve(".hidden"));
        Files.createDirectories(root.resolve("_private"));
        Files.writeString(root.resolve("plain-file"), "x");
        assertThat(b.buckets().listBuckets()).extracting(s -> s.name().value()).containsExactly("bkt");
        assertThatThrownBy(() -> BucketName.of(".hidden")).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> BucketName.of("Upper").requireValidForCreate()).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> BucketName.of("192.168.1.1").requireValidForCreate()).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> BucketName.of("ab").requireValidForCreate()).isInstanceOf(S3Exception.class);
        assertThat(BucketName.of("my.bucket-1").requireValidForCreate().value()).isEqualTo("my.bucket-1");
    }

    /** A small PUT does not look for the bucket or its temp directory first: creating the temp file finds out. */
    @Test
    void aSmallPutFindsAMissingBucketOrTempDirectoryWhenCreatingItsTempFile() throws IOException {
        PosixBackend b = backend(MetadataMode.AUTO);
        for (String missing : new String[] {"gone", "afile"}) {
            if (missing.equals("afile")) {
                Files.writeString(root.resolve("afile"), "not a bucket");
            }
            for (PutRequest request : new PutRequest[] {put("x"), put("big"), put("")}) {
                ObjectKey key = ObjectKey.of(request.contentLength() == 0 ? "folder/" : "k");
                PutRequest r = request.contentLength() == 3 ? sized(2 << 20) : request;
                assertThatThrownBy(() -> b.objects().put(BucketName.of(missing), key, r))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.NO_SUCH_BUCKET));
            }
        }
        assertThat(root.resolve("gone")).doesNotExist(); // nothing created on the way, no bucket conjured up
        assertThat(root.resolve("afile")).isRegularFile().hasContent("not a bucket");
        // someone removed the bucket's temp directory (or never had one): the next PUT creates it
        b.objects().put(bucket, ObjectKey.of("first"), put("1"));
        deleteTree(root.resolve("bkt/.fs3/tmp"));
        b.objects().put(bucket, ObjectKey.of("second"), put("22"));
        assertThat(root.resolve("bkt/second")).hasContent("22");
        assertThat(tempFiles()).isEmpty();
    }

    /** Bodies reach the store in the connection's chunks; whole buffers are written, with nothing lost at the edges. */
    @Test
    void aBodyArrivingInSmallUnevenChunksIsStoredWhole() throws IOException {
        PosixBackend b = backend(MetadataMode.AUTO);
        byte[] data = new byte[300 * 1024 + 7]; // crosses the writer's 128 KiB buffer twice, ends mid-buffer
        new java.util.Random(7).nextBytes(data);
        PutResult r = b.objects().put(bucket, ObjectKey.of("trickled"), new PutRequest(trickle(data), data.length,
                ContentHeaders.NONE, Map.of(), null, null, false));
        assertThat(Files.readAllBytes(root.resolve("bkt/trickled"))).isEqualTo(data);
        assertThat(r.etag()).isEqualTo(HexFormat.of().formatHex(md5(data)));
        // one byte more than declared, arriving the same way, is refused and leaves the object as it was
        byte[] longer = java.util.Arrays.copyOf(data, data.length + 1);
        assertThatThrownBy(() -> b.objects().put(bucket, ObjectKey.of("trickled"), new PutRequest(trickle(longer),
                data.length, ContentHeaders.NONE, Map.of(), null, null, false)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_REQUEST));
        assertThat(Files.readAllBytes(root.resolve("bkt/trickled"))).isEqualTo(data);
        assertThat(tempFiles()).isEmpty();
    }

    /** Returns 1 to 13 bytes per read, as a slow connection might. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            private int call;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + call++ % 13));
            }
        };
    }

    static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PutRequest sized(int size) {
        return new PutRequest(new ByteArrayInputStream(new byte[size]), size, ContentHeaders.NONE, Map.of(), null, null, false);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Stream<Path> tempFiles() throws IOException {
        Path tmp = root.resolve("bkt/.fs3/tmp");
        return Files.exists(tmp) ? Files.list(tmp).toList().stream() : Stream.empty();
    }

    static PutRequest put(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return new PutRequest(new ByteArrayInputStream(bytes), bytes.length, ContentHeaders.NONE, Map.of(), null, null, false);
    }

    static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] md5(String s) {
        return md5(s.getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(String s) {
        return HexFormat.of().formatHex(md5(s));
    }
}
