package io.fs3.server.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Upload state lives in the tree: it survives a restart, and every fs3 instance on one root shares it. */
class MultipartRestartIT {
    private static final int MIB = 1 << 20;

    @Test
    void anUploadStartedBeforeARestartIsFinishedAfterIt(@TempDir Path root) throws Exception {
        byte[] p1 = MultipartApiIT.bytes(11, 5 * MIB);
        byte[] p2 = MultipartApiIT.bytes(12, 333);
        String id;
        String etag1;
        try (TestServer first = TestServer.start(root); S3Client s3 = first.sdk()) {
            s3.createBucket(b -> b.bucket("restart"));
            id = s3.createMultipartUpload(b -> b.bucket("restart").key("k")).uploadId();
            etag1 = s3.uploadPart(b -> b.bucket("restart").key("k").uploadId(id).partNumber(1), RequestBody.fromBytes(p1)).eTag();
        }
        try (TestServer second = TestServer.start(root); S3Client s3 = second.sdk()) {
            assertThat(s3.listMultipartUploads(b -> b.bucket("restart")).uploads()).extracting(MultipartUpload::uploadId)
                    .containsExactly(id);
            assertThat(s3.listParts(b -> b.bucket("restart").key("k").uploadId(id)).parts()).hasSize(1);
            String etag2 = s3.uploadPart(b -> b.bucket("restart").key("k").uploadId(id).partNumber(2), RequestBody.fromBytes(p2)).eTag();
            String etag = s3.completeMultipartUpload(b -> b.bucket("restart").key("k").uploadId(id).multipartUpload(m -> m.parts(
                    CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                    CompletedPart.builder().partNumber(2).eTag(etag2).build()))).eTag();
            assertThat(etag).isEqualTo('"' + MultipartApiIT.etag(p1, p2) + '"');
            assertThat(s3.getObjectAsBytes(b -> b.bucket("restart").key("k")).asByteArray()).isEqualTo(MultipartApiIT.concat(p1, p2));
        }
    }

    @Test
    void twoInstancesOnOneRootShareUploads(@TempDir Path root) throws Exception {
        byte[] p1 = MultipartApiIT.bytes(13, 5 * MIB);
        byte[] p2 = MultipartApiIT.bytes(14, 4321);
        try (TestServer a = TestServer.start(root); TestServer b = TestServer.start(root);
             S3Client onA = a.sdk(); S3Client onB = b.sdk()) {
            onA.createBucket(r -> r.bucket("shared"));
            String id = onA.createMultipartUpload(r -> r.bucket("shared").key("both")).uploadId();
            String e1 = onB.uploadPart(r -> r.bucket("shared").key("both").uploadId(id).partNumber(1), RequestBody.fromBytes(p1)).eTag();
            String e2 = onB.uploadPart(r -> r.bucket("shared").key("both").uploadId(id).partNumber(2), RequestBody.fromBytes(p2)).eTag();
            assertThat(onA.listParts(r -> r.bucket("shared").key("both").uploadId(id)).parts()).hasSize(2);
            String etag = onA.completeMultipartUpload(r -> r.bucket("shared").key("both").uploadId(id).multipartUpload(m -> m.parts(
                    CompletedPart.builder().partNumber(1).eTag(e1).build(),
                    CompletedPart.builder().partNumber(2).eTag(e2).build()))).eTag();
            assertThat(onB.headObject(r -> r.bucket("shared").key("both")).eTag()).isEqualTo(etag);
            assertThat(onB.getObjectAsBytes(r -> r.bucket("shared").key("both")).asByteArray())
                    .isEqualTo(MultipartApiIT.concat(p1, p2));
            MultipartApiIT.expectError(() -> onB.abortMultipartUpload(r -> r.bucket("shared").key("both").uploadId(id)),
                    "NoSuchUpload", 404);
        }
    }
}
