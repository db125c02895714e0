package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS SDK v2's own multipart machinery: the async client with multipart enabled (8 MiB parts, aws-chunked
 * bodies with CRC32 trailers, x-amz-mp-object-size on complete) uploads, and the transfer manager downloads
 * with GET ?partNumber=N.
 */
class MultipartSdkIT {
    private static final long SIZE = (40L << 20) + 12_345; // five 8 MiB parts and a short sixth
    @TempDir
    static Path root;
    @TempDir
    static Path work;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(root);
        s3 = server.sdk();
        s3.createBucket(b -> b.bucket("mpu"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void asyncMultipartUploadAndTransferManagerDownloadRoundTrip() throws Exception {
        Path source = MultipartFiles.generate(work.resolve("source.bin"), SIZE, 1);
        String md5 = MultipartFiles.md5(source);
        try (S3AsyncClient async = S3AsyncClient.builder().endpointOverride(server.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(TestServer.credentials())
                .forcePathStyle(true).multipartEnabled(true)
                .multipartConfiguration(c -> c.thresholdInBytes(8L << 20).minimumPartSizeInBytes(8L << 20)).build();
             S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
            String etag = async.putObject(b -> b.bucket("mpu").key("big/object.bin"), AsyncRequestBody.fromFile(source))
                    .join().eTag();
            assertThat(etag).matches("\"[0-9a-f]{32}-6\"");

            HeadObjectResponse head = s3.headObject(b -> b.bucket("mpu").key("big/object.bin"));
            assertThat(head.eTag()).isEqualTo(etag);
            assertThat(head.contentLength()).isEqualTo(SIZE);
            S3Object listed = s3.listObjectsV2(b -> b.bucket("mpu").prefix("big/")).contents().get(0);
            assertThat(listed.eTag()).isEqualTo(etag);
            assertThat(Files.size(root.resolve("mpu/big/object.bin"))).isEqualTo(SIZE);
            assertThat(MultipartFiles.md5(root.resolve("mpu/big/object.bin"))).isEqualTo(md5);

            Path back = work.resolve("back.bin");
            tm.downloadFile(d -> d.getObjectRequest(g -> g.bucket("mpu").key("big/object.bin")).destination(back))
                    .completionFuture().join();
            assertThat(MultipartFiles.md5(back)).isEqualTo(md5);
        }
        // the staging directory is gone and was never visible
        assertThat(root.resolve("mpu/.fs3/multipart")).isEmptyDirectory();
        assertThat(s3.listObjectsV2(b -> b.bucket("mpu")).contents()).extracting(S3Object::key)
                .containsExactly("big/object.bin");
    }

    @Test
    void getWithPartNumberServesThatPartWithThePartsCount() throws Exception {
        Path source = MultipartFiles.generate(work.resolve("parts.bin"), SIZE, 2);
        try (S3AsyncClient async = S3AsyncClient.builder().endpointOverride(server.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(TestServer.credentials())
                .forcePathStyle(true).multipartEnabled(true)
                .multipartConfiguration(c -> c.thresholdInBytes(8L << 20).minimumPartSizeInBytes(8L << 20)).build()) {
            async.putObject(b -> b.bucket("mpu").key("parts.bin"), AsyncRequestBody.fromFile(source)).join();
        }
        var part2 = s3.getObjectAsBytes(b -> b.bucket("mpu").key("parts.bin").partNumber(2));
        GetObjectResponse r = part2.response();
        assertThat(r.partsCount()).isEqualTo(6);
        assertThat(r.contentRange()).isEqualTo("bytes " + (8L << 20) + "-" + ((16L << 20) - 1) + "/" + SIZE);
        byte[] expected = new byte[8 << 20];
        try (var ch = java.nio.channels.FileChannel.open(source)) {
            ch.read(java.nio.ByteBuffer.wrap(expected), 8L << 20);
        }
        assertThat(part2.asByteArray()).isEqualTo(expected);
        HeadObjectResponse last = s3.headObject(b -> b.bucket("mpu").key("parts.bin").partNumber(6));
        assertThat(last.contentLength()).isEqualTo(12_345);
        assertThat(last.partsCount()).isEqualTo(6);
    }
}
