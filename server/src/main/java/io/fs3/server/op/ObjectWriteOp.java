package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.VerifiedPayload;
import io.fs3.server.http.Etag;
import io.fs3.server.http.Preconditions;
import io.fs3.server.http.S3Request;
import io.fs3.server.http.UserMetadataHeaders;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectStore;
import io.fs3.storage.PutRequest;
import io.fs3.storage.PutResult;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * PutObject and DeleteObject.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
 */
public final class ObjectWriteOp {
    /** AWS's single-PUT limit. */
    static final long MAX_PUT_SIZE = 5L * 1024 * 1024 * 1024;
    private final ObjectStore objects;

    public ObjectWriteOp(ObjectStore objects) {
        this.objects = objects;
    }

    public Response put(S3Request req) {
        ObjectKey key = req.key();
        long length = BodyLength.of(req);
        if (length > MAX_PUT_SIZE) {
            throw S3Exception.of(S3Error.ENTITY_TOO_LARGE).withDetail("ProposedSize", Long.toString(length))
                    .withDetail("MaxSizeAllowed", Long.toString(MAX_PUT_SIZE));
        }
        checkIfMatch(req);
        VerifiedPayload payload = req.payload().orElse(null);
        PutRequest put = new PutRequest(req.body(), length, contentHeaders(req), UserMetadataHeaders.from(req.headers()),
                req.header("Content-MD5"), payload == null ? Map::of : payload::checksums,
                "*".equals(trim(req.header("If-None-Match"))), TagSets.fromHeader(req.header("x-amz-tagging")));
        PutResult result = objects.put(req.bucket(), key, put);
        Response.ResponseBuilder r = Response.ok().header("ETag", Etag.quote(result.etag()));
        result.checksums().forEach((alg, v) -> r.header("x-amz-checksum-" + alg.toLowerCase(Locale.ROOT), v));
        if (!result.checksums().isEmpty()) {
            r.header("x-amz-checksum-type", "FULL_OBJECT"); // a single PUT's checksum covers the whole object
        }
        return r.build();
    }

    public Response delete(S3Request req) {
        objects.delete(req.bucket(), req.key());
        return Response.noContent().build();
    }

    /** Conditional write with If-Match: only replace the object whose ETag is named. */
    private void checkIfMatch(S3Request req) {
        String ifMatch = req.header("If-Match");
        if (ifMatch == null) {
            return;
        }
        try {
            var current = objects.head(req.bucket(), req.key());
            Preconditions.of(ifMatch, null, null, null).check(current.etag(), current.lastModified());
        } catch (S3Exception e) {
            if (e.error() == S3Error.NO_SUCH_KEY) {
                throw S3Exception.of(S3Error.NO_SUCH_KEY).withResource(req.rawKey());
            }
            throw e;
        }
    }

    /** Content headers to store; "aws-chunked" is transport framing, not a content coding, so it is dropped. */
    static ContentHeaders contentHeaders(S3Request req) {
        String type = req.header("Content-Type");
        return new ContentHeaders(type == null ? "binary/octet-stream" : type, withoutAwsChunked(req.header("Content-Encoding")),
                req.header("Content-Disposition"), req.header("Content-Language"), req.header("Cache-Control"),
                req.header("Expires"));
    }

    static String withoutAwsChunked(String encoding) {
        if (encoding == null) {
            return null;
        }
        String rest = Arrays.stream(encoding.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("aws-chunked")).collect(Collectors.joining(","));
        return rest.isEmpty() ? null : rest;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
