package io.fs3.server.op;

import io.fs3.multipart.ChecksumType;
import io.fs3.multipart.MultipartUploads;
import io.fs3.multipart.NewUpload;
import io.fs3.multipart.UploadInfo;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.http.S3Request;
import io.fs3.server.http.UserMetadataHeaders;
import io.fs3.server.xml.InitiateMultipartUploadResult;
import jakarta.ws.rs.core.Response;

import java.util.Locale;
import java.util.function.Function;

/**
 * CreateMultipartUpload (content headers, x-amz-meta-*, x-amz-tagging, the ACL headers and the checksum
 * algorithm and type are kept for the object) and AbortMultipartUpload.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html
 */
public final class MultipartUploadOp {
    private final MultipartUploads uploads;
    private final Function<S3Request, String> aclOfNewObject;

    /** @param aclOfNewObject the encoded ACL the completed object records (from x-amz-acl / x-amz-grant-*), or null */
    public MultipartUploadOp(MultipartUploads uploads, Function<S3Request, String> aclOfNewObject) {
        this.uploads = uploads;
        this.aclOfNewObject = aclOfNewObject;
    }

    public Response create(S3Request req) {
        String algorithm = MultipartArgs.checksumAlgorithm(req);
        NewUpload upload = new NewUpload(ObjectWriteOp.contentHeaders(req), UserMetadataHeaders.from(req.headers()),
                TagSets.fromHeader(req.header("x-amz-tagging")), algorithm, algorithm == null ? null : checksumType(req),
                aclOfNewObject.apply(req));
        UploadInfo info = uploads.create(req.bucket(), req.key(), upload);
        Response.ResponseBuilder r = Response.ok(new InitiateMultipartUploadResult(req.bucket().value(), info.key(),
                info.id().value()), "application/xml");
        if (algorithm != null) {
            r.header("x-amz-checksum-algorithm", MultipartArgs.displayName(algorithm));
            r.header("x-amz-checksum-type", info.checksumType().name());
        }
        return r.build();
    }

    public Response abort(S3Request req) {
        uploads.abort(req.bucket(), req.key(), MultipartArgs.uploadId(req));
        return Response.noContent().build();
    }

    private static ChecksumType checksumType(S3Request req) {
        String v = req.header("x-amz-checksum-type");
        if (v == null || v.isBlank()) {
            return ChecksumType.COMPOSITE;
        }
        try {
            return ChecksumType.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw S3Exception.of(S3Error.INVALID_REQUEST, "Value for x-amz-checksum-type header is invalid.");
        }
    }
}
