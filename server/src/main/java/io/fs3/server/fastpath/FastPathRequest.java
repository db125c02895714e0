package io.fs3.server.fastpath;

import io.fs3.server.auth.SignedRequest;
import io.fs3.server.auth.UriEncoding;
import io.fs3.server.ops.Reserved;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A GET or HEAD of an object that the direct path may answer: path style, signed (Authorization header or
 * presigned query), and nothing that changes the answer — no other query parameter (response-* overrides,
 * partNumber, versionId, browser, acl, ...), no Range, no conditional, no Origin (CORS), no body and no
 * x-amz-* header besides the signature's and x-amz-checksum-mode. Everything else is for Jersey.
 *
 * @param bucket  decoded bucket name
 * @param key     decoded key
 * @param signed  the request as the signature verifier sees it
 */
record FastPathRequest(String bucket, String key, SignedRequest signed) {
    /** The request, if it is one for the direct path; null otherwise. */
    static FastPathRequest of(Request request, Predicate<String> isVirtualHost) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String rawPath = request.getHttpURI().getPath();
        String rawQuery = request.getHttpURI().getQuery();
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.startsWith(Reserved.PREFIX) || !onlyPresignParams(rawQuery)) {
            return null;
        }
        int slash = rawPath.indexOf('/', 1);
        if (slash <= 1 || slash == rawPath.length() - 1) {
            return null; // the service or a bucket, not an object
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        boolean signed = rawQuery != null && !rawQuery.isEmpty();
        for (HttpField field : request.getHeaders()) {
            String name = field.getName();
            if (!plainHeader(name, field.getValue())) {
                return null;
            }
            signed |= name.equalsIgnoreCase("Authorization");
            headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(field.getValue());
        }
        if (!signed || isVirtualHost.test(request.getHeaders().get("Host"))) {
            return null;
        }
        try {
            String bucket = UriEncoding.decodePath(rawPath.substring(1, slash));
            String key = UriEncoding.decodePath(rawPath.substring(slash + 1));
            return new FastPathRequest(bucket, key, new SignedRequest(method, rawPath, rawQuery, headers));
        } catch (RuntimeException badEncoding) {
            return null;
        }
    }

    /** No query, or only the X-Amz-* parameters of a presigned URL. */
    static boolean onlyPresignParams(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return true;
        }
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            int eq = rawQuery.indexOf('=', start);
            if (!rawQuery.startsWith("X-Amz-", start) || eq < 0 || eq > end) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /** Headers that cannot change a successful GET/HEAD answer (or only as the signature verifier checks them). */
    static boolean plainHeader(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("content-length")) {
            return "0".equals(value); // some clients say so on a GET; any body is for Jersey to refuse or ignore
        }
        if (n.startsWith("x-amz-")) {
            return n.equals("x-amz-date") || n.equals("x-amz-content-sha256") || n.equals("x-amz-checksum-mode");
        }
        return !(n.equals("range") || n.startsWith("if-") || n.equals("origin") || n.equals("transfer-encoding")
                || n.equals("content-type") || n.equals("content-md5")
                || n.equals("expect"));
    }
}
