package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The multipart API call by call with the SDK's sync client: every operation, argument and error. */
class MultipartApiIT {
    private static final int MIB = 1 << 20;
    @TempDir
    static Path root;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(root);
        s3 = server.sdk();
        s3.createBucket(b -> b.bucket("api"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void createUploadCompleteWithMetadataTagsAndCompositeChecksum() throws Exception {
        byte[] p1 = bytes(1, 5 * MIB);
        byte[] p2 = bytes(2, 1000);
        String id = s3.createMultipartUpload(b -> b.bucket("api").key("doc.bin").contentType("application/x-test")
                .cacheControl("max-age=5").metadata(java.util.Map.of("color", "green")).tagging("project=fs3")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        UploadPartResponse r1 = s3.uploadPart(b -> b.bucket("api").key("doc.bin").uploadId(id).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(p1));
        UploadPartResponse r2 = s3.uploadPart(b -> b.bucket("api").key("doc.bin").uploadId(id).partNumber(2)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(p2));
        assertThat(r1.eTag()).isEqualTo('"' + MultipartFiles.md5(p1) + '"');
        assertThat(r1.checksumCRC32()).isEqualTo(crc32(p1));
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket("api").key("doc.bin").uploadId(id)
                .multipartUpload(m -> m.parts(part(1, r1).toBuilder().checksumCRC32(r1.checksumCRC32()).build(),
                        part(2, r2).toBuilder().checksumCRC32(r2.checksumCRC32()).build())).mpuObjectSize((long) p1.length + p2.length));

        String composite = compositeCrc32(p1, p2);
        assertThat(done.eTag()).isEqualTo('"' + etag(p1, p2) + '"');
        assertThat(done.checksumCRC32()).isEqualTo(composite);
        HeadObjectResponse head = s3.headObject(b -> b.bucket("api").key("doc.bin").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.eTag()).isEqualTo(done.eTag());
        assertThat(head.checksumCRC32()).isEqualTo(composite);
        assertThat(head.checksumType()).isEqualTo(software.amazon.awssdk.services.s3.model.ChecksumType.COMPOSITE);
        assertThat(head.contentType()).isEqualTo("application/x-test");
        assertThat(head.cacheControl()).isEqualTo("max-age=5");
        assertThat(head.metadata()).containsEntry("color", "green");
        assertThat(s3.getObjectTagging(b -> b.bucket("api").key("doc.bin")).tagSet())
                .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("project=fs3"));
        var get = s3.getObjectAsBytes(b -> b.bucket("api").key("doc.bin").checksumMode(ChecksumMode.ENABLED));
        assertThat(get.response().eTag()).isEqualTo(done.eTag());
        assertThat(get.asByteArray()).isEqualTo(concat(p1, p2));
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("api").key("doc.bin").partNumber(3)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(416));
    }

    @Test
    void completeRefusesBadPartListsAndTheUploadStaysCompletable() throws Exception {
        byte[] big = bytes(3, 5 * MIB);
        byte[] small = bytes(4, 10);
        String id = s3.createMultipartUpload(b -> b.bucket("api").key("errors")).uploadId();
        UploadPartResponse r1 = s3.uploadPart(b -> b.bucket("api").key("errors").uploadId(id).partNumber(1), RequestBody.fromBytes(small));
        UploadPartResponse r2 = s3.uploadPart(b -> b.bucket("api").key("errors").uploadId(id).partNumber(2), RequestBody.fromBytes(small));
        expectError(() -> complete("errors", id, part(2, r2), part(1, r1)), "InvalidPartOrder", 400);
        expectError(() -> complete("errors", id, part(1, r1), CompletedPart.builder().partNumber(9).eTag(r1.eTag()).build()),
                "InvalidPart", 400);
        expectError(() -> complete("errors", id, CompletedPart.builder().partNumber(1).eTag("\"" + "0".repeat(32) + "\"").build()),
                "InvalidPart", 400);
        expectError(() -> complete("errors", id, part(1, r1), part(2, r2)), "EntityTooSmall", 400);
        expectError(() -> s3.completeMultipartUpload(b -> b.bucket("api").key("errors").uploadId(id)
                .multipartUpload(m -> m.parts(part(1, r1))).mpuObjectSize(11L)), "InvalidRequest", 400);
        List<CompletedPart> tooMany = IntStream.rangeClosed(1, 10_001)
                .mapToObj(n -> CompletedPart.builder().partNumber(n).eTag(r1.eTag()).build()).toList();
        expectError(() -> complete("errors", id, tooMany.toArray(CompletedPart[]::new)), "InvalidArgument", 400);
        expectError(() -> complete("other-key", id, part(1, r1)), "NoSuchUpload", 404);
        expectError(() -> complete("errors", "0123456789abcdef0123456789abcdef", part(1, r1)), "NoSuchUpload", 404);
        expectError(() -> complete("errors", "../../etc", part(1, r1)), "NoSuchUpload", 404);

        // every refusal left the upload as it was: fix part 1 and complete
        UploadPartResponse r1b = s3.uploadPart(b -> b.bucket("api").key("errors").uploadId(id).partNumber(1), RequestBody.fromBytes(big));
        assertThat(complete("errors", id, part(1, r1b), part(2, r2)).eTag()).isEqualTo('"' + etag(big, small) + '"');
        assertThat(s3.getObjectAsBytes(b -> b.bucket("api").key("errors")).asByteArray()).isEqualTo(concat(big, small));
        expectError(() -> complete("errors", id, part(1, r1b), part(2, r2)), "NoSuchUpload", 404);
        expectError(() -> s3.uploadPart(b -> b.bucket("api").key("errors").uploadId(id).partNumber(3),
                RequestBody.fromBytes(small)), "NoSuchUpload", 404);
    }

    @Test
    void abortRemovesTheUploadAndUnknownUploadsAreNoSuchUpload() {
        String id = s3.createMultipartUpload(b -> b.bucket("api").key("aborted")).uploadId();
        s3.uploadPart(b -> b.bucket("api").key("aborted").uploadId(id).partNumber(1), RequestBody.fromString("x"));
        s3.abortMultipartUpload(b -> b.bucket("api").key("aborted").uploadId(id));
        expectError(() -> s3.abortMultipartUpload(b -> b.bucket("api").key("aborted").uploadId(id)), "NoSuchUpload", 404);
        expectError(() -> s3.listParts(b -> b.bucket("api").key("aborted").uploadId(id)), "NoSuchUpload", 404);
        expectError(() -> s3.uploadPart(b -> b.bucket("api").key("aborted").uploadId(id).partNumber(1),
                RequestBody.fromString("x")), "NoSuchUpload", 404);
        String live = s3.createMultipartUpload(b -> b.bucket("api").key("numbers")).uploadId();
        expectError(() -> s3.uploadPart(b -> b.bucket("api").key("numbers").uploadId(live).partNumber(0),
                RequestBody.fromString("x")), "InvalidArgument", 400);
        expectError(() -> s3.uploadPart(b -> b.bucket("api").key("numbers").uploadId(live).partNumber(10_001),
                RequestBody.fromString("x")), "InvalidArgument", 400);
        s3.abortMultipartUpload(b -> b.bucket("api").key("numbers").uploadId(live));
        assertThat(s3.listObjectsV2(b -> b.bucket("api").prefix("abort")).contents()).isEmpty();
        expectError(() -> s3.putObject(b -> b.bucket("api").key(".fs3/multipart/x"), RequestBody.fromString("x")),
                "InvalidArgument", 400);
    }

    @Test
    void uploadPartCopyCopiesARangeUnderItsConditions() throws Exception {
        byte[] source = bytes(5, 6 * MIB + 17);
        String srcEtag = s3.putObject(b -> b.bucket("api").key("copy/source one.bin"), RequestBody.fromBytes(source)).eTag();
        String id = s3.createMultipartUpload(b -> b.bucket("api").key("copy/target")).uploadId();
        var c1 = s3.uploadPartCopy(b -> b.sourceBucket("api").sourceKey("copy/source one.bin").destinationBucket("api")
                .destinationKey("copy/target").uploadId(id).partNumber(1).copySourceRange("bytes=0-" + (5 * MIB - 1))
                .copySourceIfMatch(srcEtag));
        var c2 = s3.uploadPartCopy(b -> b.sourceBucket("api").sourceKey("copy/source one.bin").destinationBucket("api")
                .destinationKey("copy/target").uploadId(id).partNumber(2).copySourceRange("bytes=100-199"));
        expectError(() -> s3.uploadPartCopy(b -> b.sourceBucket("api").sourceKey("copy/source one.bin").destinationBucket("api")
                .destinationKey("copy/target").uploadId(id).partNumber(3).copySourceIfMatch("\"nope\"")), "PreconditionFailed", 412);
        expectError(() -> s3.uploadPartCopy(b -> b.sourceBucket("api").sourceKey("copy/source one.bin").destinationBucket("api")
                .destinationKey("copy/target").uploadId(id).partNumber(3).copySourceIfNoneMatch(srcEtag)), "PreconditionFailed", 412);
        expectError(() -> s3.uploadPartCopy(b -> b.sourceBucket("api").sourceKey("copy/source one.bin").destinationBucket("api")
                .destinationKey("copy/target").uploadId(id).partNumber(3).copySourceRange("bytes=0-" + source.length)),
                "InvalidArgument", 400);
        expectError(() -> s3.uploadPartCopy(b -> b.sourceBucket("api").sourceKey("copy/missing").destinationBucket("api")
                .destinationKey("copy/target").uploadId(id).partNumber(3)), "NoSuchKey", 404);
        byte[] first = Arrays.copyOfRange(source, 0, 5 * MIB);
        byte[] second = Arrays.copyOfRange(source, 100, 200);
        assertThat(c1.copyPartResult().eTag()).isEqualTo('"' + MultipartFiles.md5(first) + '"');
        var done = s3.completeMultipartUpload(b -> b.bucket("api").key("copy/target").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(c1.copyPartResult().eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(c2.copyPartResult().eTag()).build())));
        assertThat(done.eTag()).isEqualTo('"' + etag(first, second) + '"');
        assertThat(s3.getObjectAsBytes(b -> b.bucket("api").key("copy/target")).asByteArray()).isEqualTo(concat(first, second));
    }

    @Test
    void listPartsAndListMultipartUploadsPage() {
        s3.createBucket(b -> b.bucket("listing"));
        String id = s3.createMultipartUpload(b -> b.bucket("listing").key("parts")).uploadId();
        for (int n : new int[]{1, 2, 4, 7, 9}) {
            s3.uploadPart(b -> b.bucket("listing").key("parts").uploadId(id).partNumber(n), RequestBody.fromString("part " + n));
        }
        var first = s3.listParts(b -> b.bucket("listing").key("parts").uploadId(id).maxParts(2));
        assertThat(first.parts()).extracting(Part::partNumber).containsExactly(1, 2);
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.nextPartNumberMarker()).isEqualTo(2);
        var next = s3.listParts(b -> b.bucket("listing").key("parts").uploadId(id).maxParts(2).partNumberMarker(2));
        assertThat(next.parts()).extracting(Part::partNumber).containsExactly(4, 7);
        assertThat(next.parts().get(0).size()).isEqualTo(6);
        assertThat(s3.listPartsPaginator(b -> b.bucket("listing").key("parts").uploadId(id).maxParts(2)).parts())
                .extracting(Part::partNumber).containsExactly(1, 2, 4, 7, 9);

        List<String> keys = List.of("a", "a", "dir/x", "dir/y", "z");
        for (String k : keys) {
            s3.createMultipartUpload(b -> b.bucket("listing").key(k));
        }
        List<String> all = new ArrayList<>();
        s3.listMultipartUploadsPaginator(b -> b.bucket("listing").maxUploads(2)).uploads().forEach(u -> all.add(u.key()));
        assertThat(all).containsExactly("a", "a", "dir/x", "dir/y", "parts", "z");
        var grouped = s3.listMultipartUploads(b -> b.bucket("listing").delimiter("/"));
        assertThat(grouped.uploads()).extracting(MultipartUpload::key).containsExactly("a", "a", "parts", "z");
        assertThat(grouped.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("dir/");
        var page = s3.listMultipartUploads(b -> b.bucket("listing").maxUploads(1));
        var after = s3.listMultipartUploads(b -> b.bucket("listing").maxUploads(10).keyMarker(page.nextKeyMarker())
                .uploadIdMarker(page.nextUploadIdMarker()));
        assertThat(after.uploads()).extracting(MultipartUpload::key).containsExactly("a", "dir/x", "dir/y", "parts", "z");
        assertThat(s3.listMultipartUploads(b -> b.bucket("listing").prefix("dir/")).uploads())
                .extracting(MultipartUpload::key).containsExactly("dir/x", "dir/y");
        // staging is never listed as objects
        assertThat(s3.listObjectsV2(b -> b.bucket("listing")).contents()).isEmpty();
        assertThat(Files.isDirectory(root.resolve("listing/.fs3/multipart"))).isTrue();
    }

    private static CompleteMultipartUploadResponse complete(String key, String id, CompletedPart... parts) {
        return s3.completeMultipartUpload(b -> b.bucket("api").key(key).uploadId(id).multipartUpload(m -> m.parts(parts)));
    }

    private static CompletedPart part(int n, UploadPartResponse r) {
        return CompletedPart.builder().partNumber(n).eTag(r.eTag()).build();
    }

    static void expectError(Runnable call, String code, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
        });
    }

    static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The multipart ETag computed here, independently: md5 of the parts' binary md5s, "-" and the count. */
    static String etag(byte[]... parts) throws Exception {
        var md5 = java.security.MessageDigest.getInstance("MD5");
        for (byte[] p : parts) {
            md5.update(java.security.MessageDigest.getInstance("MD5").digest(p));
        }
        return java.util.HexFormat.of().formatHex(md5.digest()) + "-" + parts.length;
    }

    private static String crc32(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) c.getValue()).array());
    }

    private static String compositeCrc32(byte[]... parts) {
        CRC32 c = new CRC32();
        for (byte[] p : parts) {
            c.update(Base64.getDecoder().decode(crc32(p)));
        }
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) c.getValue()).array()) + "-" + parts.length;
    }
}
