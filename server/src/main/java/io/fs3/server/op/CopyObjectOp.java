package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.http.CopySource;
import io.fs3.server.http.Etag;
import io.fs3.server.http.Preconditions;
import io.fs3.server.http.S3Request;
import io.fs3.server.http.UserMetadataHeaders;
import io.fs3.server.xml.CopyObjectResult;
import io.fs3.server.xml.S3Xml;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.CopyRequest;
import io.fs3.storage.ObjectMetadata;
import io.fs3.storage.ObjectStore;
import io.fs3.storage.OpenObject;
import io.fs3.storage.PutResult;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * CopyObject: same or another bucket, metadata and tagging directives, the four copy-source conditions
 * (any failure is 412, as S3 answers), up to 5 GiB, atomic on the target.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
 */
public final class CopyObjectOp {
    static final long MAX_COPY_SIZE = 5L * 1024 * 1024 * 1024;
    private final ObjectStore objects;

    public CopyObjectOp(ObjectStore objects) {
        this.objects = objects;
    }

    public Response copy(S3Request req) {
        CopySource src = CopySource.parse(req.header("x-amz-copy-source"));
        boolean replaceMetadata = directive(req, "x-amz-metadata-directive");
        boolean replaceTags = directive(req, "x-amz-tagging-directive");
        boolean self = src.bucket().equals(req.bucket()) && src.key().equals(req.key());
        if (self && !replaceMetadata && !replaceTags && req.header("x-amz-storage-class") == null) {
            throw S3Exception.of(S3Error.COPY_TO_ITSELF);
        }
        try (OpenObject source = objects.open(src.bucket(), src.key())) {
            ObjectMetadata m = source.metadata();
            checkSourceConditions(req, m);
            if (m.size() > MAX_COPY_SIZE) {
                throw S3Exception.of(S3Error.INVALID_REQUEST,
                        "The specified copy source is larger than the maximum allowable size for a copy source: " + MAX_COPY_SIZE);
            }
            ContentHeaders content = replaceMetadata ? ObjectWriteOp.contentHeaders(req) : m.content();
            Map<String, String> user = replaceMetadata ? UserMetadataHeaders.from(req.headers()) : m.userMetadata();
            Map<String, String> tags = replaceTags ? TagSets.fromHeader(req.header("x-amz-tagging")) : m.tags();
            PutResult result = objects.copy(req.bucket(), req.key(), new CopyRequest(source, content, user, tags));
            ObjectMetadata copied = objects.head(req.bucket(), req.key());
            return Response.ok(new CopyObjectResult(S3Xml.timestamp(copied.lastModified()), Etag.quote(result.etag())),
                    "application/xml").build();
        }
    }

    /** COPY (default) or REPLACE; anything else is InvalidArgument. */
    private static boolean directive(S3Request req, String header) {
        String v = req.header(header);
        if (v == null || v.equalsIgnoreCase("COPY")) {
            return false;
        }
        if (v.equalsIgnoreCase("REPLACE")) {
            return true;
        }
        throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Unknown " + header).withDetail("ArgumentName", header)
                .withDetail("ArgumentValue", v);
    }

    /** The x-amz-copy-source-if-* headers; unlike GET, a "not modified" outcome is also 412 here. */
    private static void checkSourceConditions(S3Request req, ObjectMetadata m) {
        Preconditions p = Preconditions.of(req.header("x-amz-copy-source-if-match"),
                req.header("x-amz-copy-source-if-none-match"), req.header("x-amz-copy-source-if-modified-since"),
                req.header("x-amz-copy-source-if-unmodified-since"));
        try {
            p.check(m.etag(), m.lastModified());
        } catch (S3Exception e) {
            if (e.error() == S3Error.NOT_MODIFIED) {
                throw S3Exception.of(S3Error.PRECONDITION_FAILED);
            }
            throw e;
        }
    }

}
