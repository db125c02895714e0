package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.http.S3Request;
import io.fs3.server.xml.DeleteRequest;
import io.fs3.server.xml.DeleteResult;
import io.fs3.server.xml.XmlRequestBodies;
import io.fs3.storage.BucketName;
import io.fs3.storage.BucketStore;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectStore;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * DeleteObjects: up to 1000 keys, quiet mode, per-key errors. The body must carry Content-MD5 or a
 * flexible checksum (verified by the payload layer), as S3 requires.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
 */
public final class DeleteObjectsOp {
    static final int MAX_KEYS = 1000;
    private final ObjectStore objects;
    private final BucketStore buckets;

    public DeleteObjectsOp(ObjectStore objects, BucketStore buckets) {
        this.objects = objects;
        this.buckets = buckets;
    }

    public Response delete(S3Request req) {
        BucketName bucket = req.bucket();
        if (!buckets.exists(bucket)) {
            throw S3Exception.of(S3Error.NO_SUCH_BUCKET).withResource(bucket.value());
        }
        if (req.header("Content-MD5") == null && !hasChecksum(req)) {
            throw S3Exception.of(S3Error.MISSING_CONTENT_MD5);
        }
        DeleteRequest body = XmlRequestBodies.parse(XmlRequestBodies.read(req.body(), req.header("Content-MD5")),
                DeleteRequest.class);
        if (body.objects.isEmpty() || body.objects.size() > MAX_KEYS) {
            throw S3Exception.of(S3Error.MALFORMED_XML);
        }
        return Response.ok(run(objects, bucket, body), "application/xml").build();
    }

    private static boolean hasChecksum(S3Request req) {
        for (String name : req.headers().keySet()) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            if (n.startsWith("x-amz-checksum-") || n.equals("x-amz-sdk-checksum-algorithm") || n.equals("x-amz-trailer")) {
                return true;
            }
        }
        return false;
    }

    private static DeleteResult run(ObjectStore objects, BucketName bucket, DeleteRequest body) {
        List<DeleteResult.Deleted> deleted = new ArrayList<>();
        List<DeleteResult.Failed> failed = new ArrayList<>();
        for (DeleteRequest.Entry e : body.objects) {
            try {
                objects.delete(bucket, ObjectKey.of(e.key == null ? "" : e.key));
                if (!body.quiet) {
                    deleted.add(new DeleteResult.Deleted(e.key));
                }
            } catch (S3Exception ex) {
                if (ex.error() == S3Error.NO_SUCH_BUCKET) {
                    throw ex;
                }
                failed.add(new DeleteResult.Failed(e.key, ex.error().code(), ex.getMessage()));
            }
        }
        return new DeleteResult(deleted, failed);
    }
}
