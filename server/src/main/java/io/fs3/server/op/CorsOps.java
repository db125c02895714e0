package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.cors.CorsPolicies;
import io.fs3.server.cors.CorsRules;
import io.fs3.server.http.S3Request;
import io.fs3.server.xml.CorsConfiguration;
import io.fs3.server.xml.S3Xml;
import io.fs3.server.xml.XmlRequestBodies;
import io.fs3.storage.BucketConfigStore;
import io.fs3.storage.BucketName;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * Get/Put/DeleteBucketCors, stored per bucket as the validated document.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html
 */
public final class CorsOps {
    private final BucketConfigStore bucketConfig;

    public CorsOps(BucketConfigStore bucketConfig) {
        this.bucketConfig = bucketConfig;
    }

    public Response get(S3Request req) {
        BucketName bucket = req.bucket();
        byte[] doc = bucketConfig.read(bucket, CorsPolicies.DOCUMENT)
                .orElseThrow(() -> S3Exception.of(S3Error.NO_SUCH_CORS_CONFIGURATION).withResource(bucket.value()));
        try {
            return Response.ok(S3Xml.MAPPER.readValue(doc, CorsConfiguration.class), "application/xml").build();
        } catch (IOException e) {
            throw S3Exception.of(S3Error.INTERNAL_ERROR, "Stored CORS configuration is unreadable.", e);
        }
    }

    public Response put(S3Request req) {
        CorsConfiguration config = XmlRequestBodies.parse(
                XmlRequestBodies.read(req.body(), req.header("Content-MD5")), CorsConfiguration.class);
        CorsRules.from(config); // validate before storing
        try {
            bucketConfig.write(req.bucket(), CorsPolicies.DOCUMENT, S3Xml.MAPPER.writeValueAsBytes(config));
        } catch (IOException e) {
            throw S3Exception.of(S3Error.INTERNAL_ERROR, "Could not store the CORS configuration.", e);
        }
        return Response.ok().build();
    }

    public Response delete(S3Request req) {
        bucketConfig.delete(req.bucket(), CorsPolicies.DOCUMENT);
        return Response.noContent().build();
    }
}
