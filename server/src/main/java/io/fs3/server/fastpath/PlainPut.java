package io.fs3.server.fastpath;

import io.fs3.server.auth.ChecksumAlgorithm;
import io.fs3.server.auth.SignedRequest;
import io.fs3.server.auth.UriEncoding;
import io.fs3.server.ops.Reserved;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A PutObject that the direct path may store: path style, signed (Authorization header or presigned
 * query), a Content-Length of at most {@link ObjectPutFastPath#MAX_BODY} (no chunked transfer coding; an
 * aws-chunked body is fine),
 * a key that is not a folder, and only headers whose meaning the direct path reproduces exactly: the
 * signature's, the stored content headers, Content-MD5, x-amz-meta-*, one x-amz-checksum-* value (and the
 * SDKs' algorithm hint), aws-chunked's decoded length and trailer, and the storage class, which PutObject ignores. Anything else (trailers, ACL
 * grants, tagging, conditions, copy sources, encryption, CORS...) is for Jersey.
 *
 * @param bucket  decoded bucket name
 * @param key     decoded key
 * @param length  the body's Content-Length (as sent: aws-chunked framing included)
 * @param signed  the request as the signature verifier sees it
 */
record PlainPut(String bucket, String key, int length, SignedRequest signed) {
    private static final Set<String> HEADERS = Set.of("host", "user-agent", "accept", "accept-encoding", "connection",
            "content-length", "content-type", "content-md5", "cache-control", "content-disposition",
            "content-language", "expires", "expect", "authorization", "x-amz-date", "x-amz-content-sha256",
            "amz-sdk-invocation-id", "amz-sdk-request",
            // what the AWS CLI, boto3 and s3cmd add: the PutObject path verifies checksum headers as they are
            // read (PayloadStreams, as for Jersey), ignores the SDK's algorithm hint and the storage class
            "x-amz-sdk-checksum-algorithm", "x-amz-storage-class",
            // the AWS SDK for Java v2's aws-chunked bodies (signed chunks, a checksum trailer): decoded and
            // verified by PayloadStreams as on Jersey's path; "aws-chunked" is dropped from the stored encoding
            "content-encoding", "x-amz-decoded-content-length", "x-amz-trailer");

    /** The request, if it is a PUT for the direct path; null otherwise. */
    static PlainPut of(Request request, Predicate<String> isVirtualHost, int maxBody) {
        if (!"PUT".equals(request.getMethod())) {
            return null;
        }
        String rawPath = request.getHttpURI().getPath();
        String rawQuery = request.getHttpURI().getQuery();
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.startsWith(Reserved.PREFIX)
                || rawPath.endsWith("/") || !FastPathRequest.onlyPresignParams(rawQuery)) {
            return null;
        }
        int slash = rawPath.indexOf('/', 1);
        long length = request.getLength();
        if (slash <= 1 || length < 0 || length > maxBody) {
            return null;
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        boolean signed = rawQuery != null && !rawQuery.isEmpty();
        for (HttpField field : request.getHeaders()) {
            if (!plainHeader(field.getName())) {
                return null;
            }
            signed |= field.getName().equalsIgnoreCase("authorization");
            headers.computeIfAbsent(field.getName(), n -> new ArrayList<>(1)).add(field.getValue());
        }
        if (!signed || isVirtualHost.test(request.getHeaders().get("Host"))) {
            return null;
        }
        try {
            String bucket = UriEncoding.decodePath(rawPath.substring(1, slash));
            String key = UriEncoding.decodePath(rawPath.substring(slash + 1));
            return new PlainPut(bucket, key, (int) length, new SignedRequest("PUT", rawPath, rawQuery, headers));
        } catch (RuntimeException badEncoding) {
            return null;
        }
    }

    /** Headers whose meaning the direct path reproduces exactly; anything else sends the PUT to Jersey. */
    static boolean plainHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return HEADERS.contains(n) || (n.startsWith("x-amz-meta-") && n.length() > "x-amz-meta-".length())
                || ChecksumAlgorithm.byHeaderName(n) != null;
    }

    /** A header's values joined by ',' (as JAX-RS gives them to the Jersey path), or null. */
    String header(String name) {
        List<String> values = signed.headers().get(name);
        return values == null ? null : String.join(",", values);
    }

    /** The headers as the op layer reads user metadata from them. */
    MultivaluedMap<String, String> headers() {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        signed.headers().forEach((name, values) -> map.put(name, values));
        return map;
    }
}
