package io.fs3.server.op;

import io.fs3.multipart.MultipartUploads;
import io.fs3.multipart.PartBody;
import io.fs3.multipart.PartInfo;
import io.fs3.multipart.PartSource;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.VerifiedPayload;
import io.fs3.server.http.Etag;
import io.fs3.server.http.S3Request;
import io.fs3.server.xml.ChecksumFields;
import io.fs3.server.xml.CopyPartResult;
import io.fs3.server.xml.S3Xml;
import io.fs3.storage.ObjectStore;
import io.fs3.storage.OpenObject;
import jakarta.ws.rs.core.Response;

import java.util.Locale;
import java.util.Map;

/**
 * UploadPart (the body streams to the upload's staging directory, verified like a PutObject body) and
 * UploadPartCopy (a range of an existing object, under the copy-source conditions).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html
 */
public final class MultipartPartOp {
    /** AWS's largest part. */
    static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    private final MultipartUploads uploads;
    private final ObjectStore objects;

    public MultipartPartOp(MultipartUploads uploads, ObjectStore objects) {
        this.uploads = uploads;
        this.objects = objects;
    }

    public Response upload(S3Request req) {
        long length = BodyLength.of(req);
        tooLarge(length);
        VerifiedPayload payload = req.payload().orElse(null);
        PartInfo part = uploads.uploadPart(req.bucket(), req.key(), MultipartArgs.uploadId(req), MultipartArgs.partNumber(req),
                new PartBody(req.body(), length, req.header("Content-MD5"), payload == null ? Map::of : payload::checksums));
        Response.ResponseBuilder r = Response.ok().header("ETag", Etag.quote(part.etag()));
        part.checksums().forEach((alg, v) -> r.header("x-amz-checksum-" + alg.toLowerCase(Locale.ROOT), v));
        return r.build();
    }

    public Response copy(S3Request req) {
        var id = MultipartArgs.uploadId(req);
        int partNumber = MultipartArgs.partNumber(req);
        MultipartCopySource source = MultipartCopySource.of(req);
        try (OpenObject open = objects.open(source.source().bucket(), source.source().key())) {
            source.check(open.metadata());
            long[] bytes = source.bytes(open.metadata().size());
            tooLarge(bytes[1]);
            PartInfo part = uploads.copyPart(req.bucket(), req.key(), id, partNumber, new PartSource(open, bytes[0], bytes[1]));
            return Response.ok(new CopyPartResult(S3Xml.timestamp(part.lastModified()), Etag.quote(part.etag()),
                    ChecksumFields.of(part.checksums())), "application/xml").build();
        }
    }

    private static void tooLarge(long length) {
        if (length > MAX_PART_SIZE) {
            throw S3Exception.of(S3Error.ENTITY_TOO_LARGE).withDetail("ProposedSize", Long.toString(length))
                    .withDetail("MaxSizeAllowed", Long.toString(MAX_PART_SIZE));
        }
    }
}
