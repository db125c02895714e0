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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
        PutRequest put = putRequest(req::header, req.headers(), req.body(), length,
                payload == null ? Map::of : payload::checksums);
        PutResult result = objects.put(req.bucket(), key, put);
        Response.ResponseBuilder r = Response.ok().header("ETag", Etag.quote(result.etag()));
        checksumHeaders(result.checksums(), r::header);
        return r.build();
    }

    /** A PutObject response's checksum headers (the direct path sends them too). */
    public static void checksumHeaders(Map<String, String> checksums, BiConsumer<String, String> header) {
        checksums.forEach((alg, v) -> header.accept("x-amz-checksum-" + alg.toLowerCase(Locale.ROOT), v));
        if (!checksums.isEmpty()) {
            header.accept("x-amz-checksum-type", "FULL_OBJECT"); // a single PUT's checksum covers the whole object
        }
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

    /**
     * What the store writes for a PutObject with these headers (a header's values joined by ','); shared with
     * the direct path ({@code ObjectPutFastPath}), so both store a PUT's headers the same way.
     */
    public static PutRequest putRequest(UnaryOperator<String> header, MultivaluedMap<String, String> headers,
                                        InputStream body, long length, Supplier<Map<String, String>> checksums) {
        return new PutRequest(body, length, contentHeaders(header), UserMetadataHeaders.from(headers),
                header.apply("Content-MD5"), checksums, "*".equals(trim(header.apply("If-None-Match"))),
                TagSets.fromHeader(header.apply("x-amz-tagging")));
    }

    /** Content headers to store; "aws-chunked" is transport framing, not a content coding, so it is dropped. */
    static ContentHeaders contentHeaders(S3Request req) {
        return contentHeaders(req::header);
    }

    private static ContentHeaders contentHeaders(UnaryOperator<String> header) {
        String type = header.apply("Content-Type");
        return new ContentHeaders(type == null ? "binary/octet-stream" : type,
                withoutAwsChunked(header.apply("Content-Encoding")), header.apply("Content-Disposition"),
                header.apply("Content-Language"), header.apply("Cache-Control"), header.apply("Expires"));
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
