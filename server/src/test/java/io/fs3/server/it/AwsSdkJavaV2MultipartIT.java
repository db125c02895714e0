package io.fs3.server.it;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multipart uploads with the AWS SDK for Java v2: through the sync client by hand (CRC32 part checksums, list parts
 * and uploads, part-numbered GET, abort), the async client's own multipart support and the S3 transfer manager
 * (uploads, ranged/part downloads, copies, directories both ways).
 */
@AnyS3Endpoint
class AwsSdkJavaV2MultipartIT {
    @TempDir
    static Path root;
    @TempDir
    static Path work;
    @AutoClose
    static TestServer server;
    @AutoClose
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.connect(root);
        s3 = server.sdk();
    }

    @Test
    void syncClientMultipartUploadByHand() throws Exception {
        String bucket = server.bucket("mpu-sync");
        s3.createBucket(b -> b.bucket(bucket));
        byte[] part1 = TestFiles.bytes(5 << 20, 1);
        byte[] part2 = TestFiles.bytes(5 << 20, 2);
        byte[] part3 = TestFiles.bytes(1000, 3);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("big.bin").contentType("application/x-parts")
                .metadata(Map.of("parts", "3")).checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        List<CompletedPart> parts = new java.util.ArrayList<>();
        int n = 1;
        for (byte[] part : List.of(part1, part2, part3)) {
            int number = n++;
            var r = s3.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(number)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(part));
            assertThat(r.eTag()).isEqualTo('"' + TestFiles.md5(part) + '"');
            parts.add(CompletedPart.builder().partNumber(number).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build());
        }
        assertThat(s3.listParts(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId)).parts())
                .extracting(p -> p.partNumber()).containsExactly(1, 2, 3);
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).extracting(u -> u.uploadId()).containsExactly(uploadId);
        String etag = s3.completeMultipartUpload(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))).eTag();
        assertThat(etag).endsWith("-3\"");
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("big.bin"));
        assertThat(head.eTag()).isEqualTo(etag);
        assertThat(head.contentLength()).isEqualTo(part1.length + part2.length + part3.length);
        assertThat(head.contentType()).isEqualTo("application/x-parts");
        assertThat(head.metadata()).containsEntry("parts", "3");
        ResponseBytes<GetObjectResponse> second = s3.getObjectAsBytes(b -> b.bucket(bucket).key("big.bin").partNumber(2));
        assertThat(second.asByteArray()).isEqualTo(part2);
        assertThat(second.response().partsCount()).isEqualTo(3);
        // an abandoned upload is aborted and leaves nothing
        String abandoned = s3.createMultipartUpload(b -> b.bucket(bucket).key("gone.bin")).uploadId();
        s3.uploadPart(b -> b.bucket(bucket).key("gone.bin").uploadId(abandoned).partNumber(1), RequestBody.fromBytes(part3));
        s3.abortMultipartUpload(b -> b.bucket(bucket).key("gone.bin").uploadId(abandoned));
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key).containsExactly("big.bin");
    }

    @Test
    void asyncMultipartClientAndTransferManager() throws Exception {
        String bucket = server.bucket("mpu-async");
        s3.createBucket(b -> b.bucket(bucket));
        Path big = TestFiles.random(work.resolve("async-big.bin"), (20L << 20) + 333, 4);
        String bigMd5 = TestFiles.md5(big);
        try (S3AsyncClient async = S3AsyncClient.builder().endpointOverride(server.endpoint())
                .region(software.amazon.awssdk.regions.Region.of(server.region())).credentialsProvider(TestServer.credentials())
                .forcePathStyle(true).multipartEnabled(true)
                .multipartConfiguration(c -> c.thresholdInBytes(8L << 20).minimumPartSizeInBytes(8L << 20)).build();
             S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
            // the async client's own multipart: unsigned aws-chunked parts with CRC32 trailers, x-amz-mp-object-size
            String etag = async.putObject(b -> b.bucket(bucket).key("async/big.bin"), AsyncRequestBody.fromFile(big)).join().eTag();
            assertThat(etag).endsWith("-3\"");
            assertThat(s3.headObject(b -> b.bucket(bucket).key("async/big.bin")).contentLength()).isEqualTo(Files.size(big));

            // transfer manager: upload a file, download it (GET ?partNumber=N), copy it (UploadPartCopy)
            tm.uploadFile(u -> u.putObjectRequest(p -> p.bucket(bucket).key("tm/big.bin").metadata(Map.of("via", "tm")))
                    .source(big)).completionFuture().join();
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("tm/big.bin"));
            assertThat(head.eTag()).endsWith("-3\"");
            assertThat(head.metadata()).containsEntry("via", "tm");
            Path back = work.resolve("tm-back.bin");
            tm.downloadFile(d -> d.getObjectRequest(g -> g.bucket(bucket).key("tm/big.bin")).destination(back))
                    .completionFuture().join();
            assertThat(TestFiles.md5(back)).isEqualTo(bigMd5);
            tm.copy(c -> c.copyObjectRequest(r -> r.sourceBucket(bucket).sourceKey("tm/big.bin")
                    .destinationBucket(bucket).destinationKey("tm/copy.bin"))).completionFuture().join();
            Path copyBack = work.resolve("tm-copy-back.bin");
            tm.downloadFile(d -> d.getObjectRequest(g -> g.bucket(bucket).key("tm/copy.bin")).destination(copyBack))
                    .completionFuture().join();
            assertThat(TestFiles.md5(copyBack)).isEqualTo(bigMd5);

            // directories both ways
            Path dir = work.resolve("tm-dir");
            TestFiles.text(dir.resolve("one.txt"), "one");
            TestFiles.text(dir.resolve("sub/two.txt"), "two");
            TestFiles.random(dir.resolve("sub/deeper/big.bin"), 9L << 20, 5);
            var up = tm.uploadDirectory(u -> u.source(dir).bucket(bucket).s3Prefix("tree")).completionFuture().join();
            assertThat(up.failedTransfers()).isEmpty();
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("tree/")).contents()).extracting(S3Object::key)
                    .containsExactly("tree/one.txt", "tree/sub/deeper/big.bin", "tree/sub/two.txt");
            Path down = work.resolve("tm-dir-back");
            var downloaded = tm.downloadDirectory(d -> d.destination(down).bucket(bucket)
                    .listObjectsV2RequestTransformer(l -> l.prefix("tree/"))).completionFuture().join();
            assertThat(downloaded.failedTransfers()).isEmpty();
            // the listed prefix is stripped from the local paths
            assertThat(down.resolve("sub/two.txt")).hasContent("two");
            assertThat(TestFiles.md5(down.resolve("sub/deeper/big.bin"))).isEqualTo(TestFiles.md5(dir.resolve("sub/deeper/big.bin")));
        }
    }
}
