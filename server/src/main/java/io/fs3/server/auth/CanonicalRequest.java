package io.fs3.server.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the SigV4 canonical request. Service-agnostic, but with S3's URI rule: the path is decoded
 * once and re-encoded, never normalised ({@code //} and {@code .} segments are kept, and it is not
 * double-encoded as other AWS services do).
 */
public final class CanonicalRequest {
    static final String SIGNATURE_PARAM = "X-Amz-Signature";
    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]);

    private CanonicalRequest() {
    }

    /**
     * The whole canonical request.
     *
     * @param params        the decoded query: {@code QueryParam.parse(request.rawQuery())}, or the parameters
     *                      being signed when the request has no raw query yet (a presigner's)
     * @param signedHeaders lower-case header names in the order the client listed them
     * @param presigned     drop {@code X-Amz-Signature} from the canonical query
     */
    public static String build(SignedRequest request, List<QueryParam> params, List<String> signedHeaders,
                               String payloadHash, boolean presigned) {
        String query = CanonicalQueryAsSent.of(request.rawQuery(), presigned);
        return request.method() + '\n'
                + canonicalUri(request.rawPath()) + '\n'
                + (query != null ? query : canonicalQuery(params, presigned)) + '\n'
                + canonicalHeaders(request, signedHeaders) + '\n'
                + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    /** UriEncode(decode(rawPath)) keeping '/'; an empty path is "/". */
    public static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        return UriEncoding.encode(UriEncoding.decodePath(rawPath), true);
    }

    /** Names and values UriEncoded, sorted by encoded name then encoded value, joined by '&'. */
    public static String canonicalQuery(List<QueryParam> params, boolean dropSignature) {
        List<String[]> encoded = new ArrayList<>(params.size());
        for (QueryParam p : params) {
            if (dropSignature && p.name().equals(SIGNATURE_PARAM)) {
                continue;
            }
            encoded.add(new String[] {UriEncoding.encode(p.name(), false), UriEncoding.encode(p.value(), false)});
        }
        encoded.sort(BY_NAME_THEN_VALUE);
        StringBuilder sb = new StringBuilder();
        for (String[] e : encoded) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(e[0]).append('=').append(e[1]);
        }
        return sb.toString();
    }

    /** One {@code name:value\n} line per signed header; an absent header gets an empty value. */
    public static String canonicalHeaders(SignedRequest request, List<String> signedHeaders) {
        StringBuilder sb = new StringBuilder();
        for (String name : signedHeaders) {
            sb.append(name).append(':');
            List<String> values = request.headerValues(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendTrimmed(sb, values.get(i));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Trims the value and collapses every run of whitespace into one space (SigV4 "Trimall"). */
    static void appendTrimmed(StringBuilder sb, String value) {
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c);
            started = true;
        }
    }
}
