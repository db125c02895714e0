package io.fs3.server.it;

import io.minio.BucketExistsArgs;
import io.minio.ComposeObjectArgs;
import io.minio.ComposeSource;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.DownloadObjectArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Bucket;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MinIO Java SDK 8 (path style for non-AWS hosts, signed payloads, Content-MD5 even on GET/HEAD/DELETE,
 * {@code POST ?uploads=}, ListObjectsV2 with {@code encoding-type=url}, HEAD bucket for bucketExists).
 */
@AnyS3Endpoint
class MinioJavaIT {
    @TempDir
    static Path root;
    @TempDir
    static Path work;
    static TestServer server;
    static MinioClient minio;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.connect(root);
        minio = MinioClient.builder().endpoint(server.endpoint().toString())
                .credentials(server.accessKey(), server.secretKey()).region(server.region()).build();
        CliTool.recordVersion("MinIO Java SDK", String.valueOf(MinioClient.class.getPackage().getImplementationVersion()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bucketAndObjectRoundTrip() throws Exception {
        String bucket = server.bucket("minio-bucket");
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
        assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket(server.bucket("absent-bucket")).build())).isFalse();
        assertThat(minio.listBuckets()).extracting(Bucket::name).contains(bucket);
        byte[] data = "minio data".getBytes(StandardCharsets.UTF_8);
        ObjectWriteResponse put = minio.putObject(PutObjectArgs.builder().bucket(bucket).object("dir/a key+x.txt")
                .stream(new ByteArrayInputStream(data), data.length, -1).contentType("text/plain")
                .userMetadata(Map.of("owner", "me")).build());
        assertThat(put.etag()).isEqualTo(TestFiles.md5(data));
        StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket(bucket).object("dir/a key+x.txt").build());
        assertThat(stat.size()).isEqualTo(data.length);
        assertThat(stat.contentType()).isEqualTo("text/plain");
        assertThat(stat.userMetadata()).containsEntry("owner", "me");
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object("dir/a key+x.txt").build())) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object("dir/a key+x.txt")
                .offset(6L).length(4L).build())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data");
        }
        assertThat(keys(bucket, null, true)).containsExactly("dir/a key+x.txt");
        minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object("dir/a key+x.txt").build());
        assertThatThrownBy(() -> minio.statObject(StatObjectArgs.builder().bucket(bucket).object("dir/a key+x.txt").build()))
                .isInstanceOfSatisfying(ErrorResponseException.class, e ->
                        assertThat(e.errorResponse().code()).isEqualTo("NoSuchKey"));
        minio.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
        assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isFalse();
    }

    @Test
    void unknownSizeStreamUpload() throws Exception {
        String bucket = server.bucket("minio-stream");
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        byte[] data = new byte[1_000_000];
        new java.util.Random(3).nextBytes(data);
        // Unknown size below the part size: MinIO buffers one part and sends a single PUT.
        minio.putObject(PutObjectArgs.builder().bucket(bucket).object("blob")
                .stream(new ByteArrayInputStream(data), -1, 5L * 1024 * 1024).build());
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object("blob").build())) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void multipartUploadsDownloadCopyAndCompose() throws Exception {
        String bucket = server.bucket("minio-multipart");
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        Path big = TestFiles.random(work.resolve("big.bin"), (12L << 20) + 77, 8);
        String md5 = TestFiles.md5(big);
        // uploadObject splits by the part size: 5 MiB, 5 MiB, 2 MiB + 77 bytes
        ObjectWriteResponse up = minio.uploadObject(UploadObjectArgs.builder().bucket(bucket).object("big/file.bin")
                .filename(big.toString(), 5L << 20).userMetadata(Map.of("kind", "multipart")).build());
        assertThat(up.etag()).matches("\"?[0-9a-f]{32}-3\"?"); // MinIO 8 keeps the quotes of a multipart ETag
        StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket(bucket).object("big/file.bin").build());
        assertThat(stat.size()).isEqualTo((12L << 20) + 77);
        assertThat(stat.userMetadata()).containsEntry("kind", "multipart");
        Path back = work.resolve("big.back");
        minio.downloadObject(DownloadObjectArgs.builder().bucket(bucket).object("big/file.bin").filename(back.toString()).build());
        assertThat(TestFiles.md5(back)).isEqualTo(md5);

        // an unknown-size stream bigger than the part size goes multipart too
        byte[] streamed = new byte[(6 << 20) + 5];
        new java.util.Random(4).nextBytes(streamed);
        assertThat(minio.putObject(PutObjectArgs.builder().bucket(bucket).object("big/streamed.bin")
                .stream(new ByteArrayInputStream(streamed), -1, 5L << 20).build()).etag()).matches("\"?[0-9a-f]{32}-2\"?");

        // server-side copy (CopyObject) and compose (UploadPartCopy of whole objects)
        minio.copyObject(CopyObjectArgs.builder().bucket(bucket).object("copies/file.bin")
                .source(CopySource.builder().bucket(bucket).object("big/file.bin").build()).build());
        assertThat(minio.statObject(StatObjectArgs.builder().bucket(bucket).object("copies/file.bin").build()).userMetadata())
                .containsEntry("kind", "multipart");
        minio.composeObject(ComposeObjectArgs.builder().bucket(bucket).object("copies/composed.bin").sources(List.of(
                ComposeSource.builder().bucket(bucket).object("big/file.bin").build(),
                ComposeSource.builder().bucket(bucket).object("big/streamed.bin").build())).build());
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object("copies/composed.bin").build())) {
            byte[] composed = in.readAllBytes();
            assertThat(composed).hasSize((int) ((12L << 20) + 77 + streamed.length));
            assertThat(TestFiles.md5(java.util.Arrays.copyOf(composed, (int) ((12L << 20) + 77)))).isEqualTo(md5);
        }
    }

    @Test
    void listingWithAndWithoutDelimiterAndBatchRemove() throws Exception {
        String bucket = server.bucket("minio-list");
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        List<String> all = List.of("a b/c+d.txt", "a b/e.txt", "a.txt", "ünï/ß.txt", "z%41.txt");
        for (String k : all) {
            minio.putObject(PutObjectArgs.builder().bucket(bucket).object(k)
                    .stream(new ByteArrayInputStream(k.getBytes(StandardCharsets.UTF_8)), -1, 5L << 20).build());
        }
        assertThat(keys(bucket, null, true)).containsExactly("a b/c+d.txt", "a b/e.txt", "a.txt", "z%41.txt", "ünï/ß.txt");
        // MinIO's SDK yields a page's objects before its prefixes
        assertThat(keys(bucket, null, false)).containsExactly("a.txt", "z%41.txt", "a b/", "ünï/");
        assertThat(keys(bucket, "a b/", false)).containsExactly("a b/c+d.txt", "a b/e.txt");
        List<DeleteObject> objects = all.stream().map(DeleteObject::new).toList();
        List<String> errors = new ArrayList<>();
        for (Result<DeleteError> r : minio.removeObjects(RemoveObjectsArgs.builder().bucket(bucket).objects(objects).build())) {
            errors.add(r.get().objectName() + ": " + r.get().message());
        }
        assertThat(errors).isEmpty();
        assertThat(keys(bucket, null, true)).isEmpty();
    }

    @Test
    void presignedGetAndPutUrls() throws Exception {
        String bucket = server.bucket("minio-presign");
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        String putUrl = minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT)
                .bucket(bucket).object("shared/doc 1.txt").expiry(300).build());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(putUrl))
                .PUT(HttpRequest.BodyPublishers.ofString("via a presigned PUT")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String getUrl = minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                .bucket(bucket).object("shared/doc 1.txt").expiry(300).build());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(getUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("via a presigned PUT");
    }

    private static List<String> keys(String bucket, String prefix, boolean recursive) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> r : minio.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(recursive).build())) {
            keys.add(r.get().objectName());
        }
        return keys;
    }
}
