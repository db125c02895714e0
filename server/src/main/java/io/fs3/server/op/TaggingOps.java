package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.http.S3Request;
import io.fs3.server.xml.S3Xml;
import io.fs3.server.xml.Tagging;
import io.fs3.server.xml.XmlRequestBodies;
import io.fs3.storage.BucketConfigStore;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectStore;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Map;

/**
 * Object tagging (Get/Put/DeleteObjectTagging, stored with the object's metadata) and bucket tagging
 * (Get/Put/DeleteBucketTagging, a per-bucket document).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectTagging.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketTagging.html
 */
public final class TaggingOps {
    static final String BUCKET_TAGGING = "tagging.xml";
    private final ObjectStore objects;
    private final BucketConfigStore bucketConfig;

    public TaggingOps(ObjectStore objects, BucketConfigStore bucketConfig) {
        this.objects = objects;
        this.bucketConfig = bucketConfig;
    }

    public Response getObject(S3Request req) {
        Map<String, String> tags = objects.head(req.bucket(), req.key()).tags();
        return Response.ok(TagSets.toXml(tags), "application/xml").build();
    }

    public Response putObject(S3Request req) {
        Tagging body = XmlRequestBodies.parse(XmlRequestBodies.read(req.body(), req.header("Content-MD5")), Tagging.class);
        objects.putTags(req.bucket(), req.key(), TagSets.fromXml(body, TagSets.MAX_OBJECT_TAGS));
        return Response.ok().build();
    }

    public Response deleteObject(S3Request req) {
        objects.putTags(req.bucket(), req.key(), Map.of());
        return Response.noContent().build();
    }

    public Response getBucket(S3Request req) {
        BucketName bucket = req.bucket();
        byte[] doc = bucketConfig.read(bucket, BUCKET_TAGGING)
                .orElseThrow(() -> S3Exception.of(S3Error.NO_SUCH_TAG_SET).withResource(bucket.value()));
        try {
            Tagging tagging = S3Xml.MAPPER.readValue(doc, Tagging.class);
            return Response.ok(tagging, "application/xml").build();
        } catch (IOException e) {
            throw S3Exception.of(S3Error.INTERNAL_ERROR, "Stored bucket tagging is unreadable.", e);
        }
    }

    public Response putBucket(S3Request req) {
        Tagging body = XmlRequestBodies.parse(XmlRequestBodies.read(req.body(), req.header("Content-MD5")), Tagging.class);
        Map<String, String> tags = TagSets.fromXml(body, TagSets.MAX_BUCKET_TAGS);
        try {
            bucketConfig.write(req.bucket(), BUCKET_TAGGING, S3Xml.MAPPER.writeValueAsBytes(TagSets.toXml(tags)));
        } catch (IOException e) {
            throw S3Exception.of(S3Error.INTERNAL_ERROR, "Could not store bucket tagging.", e);
        }
        return Response.noContent().build();
    }

    public Response deleteBucket(S3Request req) {
        bucketConfig.delete(req.bucket(), BUCKET_TAGGING);
        return Response.noContent().build();
    }
}
