package io.fs3.server.it;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MinIO Java SDK (signed payloads, Content-MD5 on every request, encoding-type=url listings). */
class MinioSdkIT {
    @TempDir
    static Path root;
    static TestServer server;
    static MinioClient minio;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(root);
        minio = MinioClient.builder().endpoint(server.endpoint().toString())
                .credentials(TestServer.ACCESS_KEY, TestServer.SECRET_KEY).region(TestServer.REGION).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void bucketAndObjectRoundTrip() throws Exception {
        minio.makeBucket(MakeBucketArgs.builder().bucket("minio-bucket").build());
        assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("minio-bucket").build())).isTrue();
        assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("absent-bucket").build())).isFalse();
        byte[] data = "minio data".getBytes(StandardCharsets.UTF_8);
        minio.putObject(PutObjectArgs.builder().bucket("minio-bucket").object("dir/a key+x.txt")
                .stream(new ByteArrayInputStream(data), data.length, -1).contentType("text/plain")
                .userMetadata(Map.of("owner", "me")).build());
        StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket("minio-bucket").object("dir/a key+x.txt").build());
        assertThat(stat.size()).isEqualTo(data.length);
        assertThat(stat.userMetadata()).containsEntry("owner", "me");
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket("minio-bucket").object("dir/a key+x.txt").build())) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        List<String> keys = new ArrayList<>();
        for (Result<Item> r : minio.listObjects(ListObjectsArgs.builder().bucket("minio-bucket").recursive(true).build())) {
            keys.add(r.get().objectName());
        }
        assertThat(keys).containsExactly("dir/a key+x.txt");
        minio.removeObject(RemoveObjectArgs.builder().bucket("minio-bucket").object("dir/a key+x.txt").build());
        assertThatThrownBy(() -> minio.statObject(StatObjectArgs.builder().bucket("minio-bucket").object("dir/a key+x.txt").build()))
                .isInstanceOfSatisfying(ErrorResponseException.class, e ->
                        assertThat(e.errorResponse().code()).isEqualTo("NoSuchKey"));
    }

    @Test
    void unknownSizeStreamUpload() throws Exception {
        minio.makeBucket(MakeBucketArgs.builder().bucket("minio-stream").build());
        byte[] data = new byte[1_000_000];
        new java.util.Random(3).nextBytes(data);
        // Unknown size below the part size: MinIO buffers one part and sends a single PUT.
        minio.putObject(PutObjectArgs.builder().bucket("minio-stream").object("blob")
                .stream(new ByteArrayInputStream(data), -1, 5L * 1024 * 1024).build());
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket("minio-stream").object("blob").build())) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }
}
