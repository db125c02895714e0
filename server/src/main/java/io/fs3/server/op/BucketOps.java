package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.http.S3Request;
import io.fs3.server.xml.ListAllMyBucketsResult;
import io.fs3.server.xml.LocationConstraint;
import io.fs3.server.xml.S3Xml;
import io.fs3.server.xml.VersioningConfiguration;
import io.fs3.storage.BucketName;
import io.fs3.storage.BucketStore;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation, GetBucketVersioning.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html
 */
public final class BucketOps {
    private static final int MAX_CONFIGURATION_BYTES = 64 * 1024;
    private final BucketStore buckets;
    private final String region;
    private final AclOps acls;

    public BucketOps(BucketStore buckets, String region, AclOps acls) {
        this.buckets = buckets;
        this.region = region;
        this.acls = acls;
    }

    /** The buckets the requester owns or has a grant on; the admin sees all. */
    public Response list(S3Request req) {
        List<ListAllMyBucketsResult.Bucket> list = buckets.listBuckets().stream()
                .filter(b -> acls.visible(req, b.name()))
                .map(b -> new ListAllMyBucketsResult.Bucket(b.name().value(), S3Xml.timestamp(b.created()), region))
                .toList();
        return Response.ok(new ListAllMyBucketsResult(acls.requester(req), list), "application/xml").build();
    }

    /** CreateBucket; the optional CreateBucketConfiguration body (MinIO sends one even for us-east-1) is drained. */
    public Response create(S3Request req) {
        BucketName name = req.bucket();
        var grants = acls.createGrants(req);
        drainConfiguration(req.body());
        try {
            buckets.create(name);
            acls.created(req, name, grants);
        } catch (S3Exception e) {
            if (e.error() == S3Error.BUCKET_ALREADY_OWNED_BY_YOU) {
                acls.requireOwnBucket(req, name); // BucketAlreadyExists if someone else owns it
            }
            // AWS answers 200 in us-east-1 when you already own the bucket (legacy behaviour), 409 elsewhere.
            if (e.error() != S3Error.BUCKET_ALREADY_OWNED_BY_YOU || !"us-east-1".equals(region)) {
                throw e;
            }
        }
        return Response.ok().header("Location", "/" + name.value()).build();
    }

    public Response head(S3Request req) {
        BucketName name = req.bucket();
        if (!buckets.exists(name)) {
            throw S3Exception.of(S3Error.NO_SUCH_BUCKET).withResource(name.value());
        }
        return Response.ok().header("x-amz-bucket-region", region).build();
    }

    public Response delete(S3Request req) {
        buckets.delete(req.bucket());
        acls.deleted(req.bucket());
        return Response.noContent().build();
    }

    public Response location(S3Request req) {
        requireBucket(req.bucket());
        return Response.ok(new LocationConstraint("us-east-1".equals(region) ? null : region), "application/xml").build();
    }

    public Response versioning(S3Request req) {
        requireBucket(req.bucket());
        return Response.ok(new VersioningConfiguration(), "application/xml").build();
    }

    private void requireBucket(BucketName name) {
        if (!buckets.exists(name)) {
            throw S3Exception.of(S3Error.NO_SUCH_BUCKET).withResource(name.value());
        }
    }

    private static void drainConfiguration(InputStream body) {
        if (body == null) {
            return;
        }
        try {
            long n = body.skip(MAX_CONFIGURATION_BYTES + 1L);
            while (n <= MAX_CONFIGURATION_BYTES && body.read() >= 0) {
                n++;
            }
            if (n > MAX_CONFIGURATION_BYTES) {
                throw S3Exception.of(S3Error.MAX_MESSAGE_LENGTH_EXCEEDED);
            }
        } catch (IOException e) {
            throw S3Exception.of(S3Error.INCOMPLETE_BODY);
        }
    }
}
