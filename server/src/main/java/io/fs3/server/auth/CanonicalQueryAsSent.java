package io.fs3.server.auth;

/**
 * The canonical query of SigV4 straight from the raw query string, when the client already sent it in
 * canonical form: every name and value encoded exactly as UriEncode encodes it (unreserved characters as
 * they are, everything else as upper-case {@code %XX}) and the parameters in canonical order. SDKs send
 * presigned URLs that way, and taking the string as sent saves decoding, re-encoding and sorting every
 * parameter on every request. Anything else returns null, and {@link CanonicalRequest#canonicalQuery}
 * builds it the general way; both give the same string wherever this one gives one.
 */
final class CanonicalQueryAsSent {
    private CanonicalQueryAsSent() {
    }

    /**
     * The canonical query, or null when there is no raw query or it is not already canonical (or is one we leave
     * to the general path).
     */
    static String of(String rawQuery, boolean dropSignature) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null; // nothing sent (a caller signing its own parameters passes none): the parameters say it all
        }
        StringBuilder out = new StringBuilder(rawQuery.length());
        int prevStart = -1;
        int prevEq = -1;
        int prevEnd = -1;
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            if (end == start) {
                return null; // an empty segment ("a&&b", a trailing '&'): the general path skips it
            }
            int eq = rawQuery.indexOf('=', start);
            if (eq < 0 || eq >= end || eq == start) {
                return null; // no '=' in the segment, or an empty name
            }
            if (!canonical(rawQuery, start, eq) || !canonical(rawQuery, eq + 1, end)) {
                return null;
            }
            boolean signature = dropSignature && eq - start == CanonicalRequest.SIGNATURE_PARAM.length()
                    && rawQuery.startsWith(CanonicalRequest.SIGNATURE_PARAM, start);
            if (!signature) {
                if (prevStart >= 0 && compare(rawQuery, prevStart, prevEq, prevEnd, start, eq, end) > 0) {
                    return null; // not in canonical order
                }
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(rawQuery, start, end);
                prevStart = start;
                prevEq = eq;
                prevEnd = end;
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** True if {@code s[from, to)} is what UriEncode gives for its own decoding. */
    private static boolean canonical(String s, int from, int to) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (UriEncoding.isUnreserved(c)) {
                i++;
            } else if (c == '%' && i + 2 < to && upperHex(s.charAt(i + 1)) && upperHex(s.charAt(i + 2))
                    && !UriEncoding.isUnreserved(Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16))) {
                i += 3;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Orders two parameters by name, then value, as the general path's sort of encoded strings does. */
    private static int compare(String s, int aStart, int aEq, int aEnd, int bStart, int bEq, int bEnd) {
        int byName = compareRegions(s, aStart, aEq, bStart, bEq);
        return byName != 0 ? byName : compareRegions(s, aEq + 1, aEnd, bEq + 1, bEnd);
    }

    private static int compareRegions(String s, int aFrom, int aTo, int bFrom, int bTo) {
        int n = Math.min(aTo - aFrom, bTo - bFrom);
        for (int k = 0; k < n; k++) {
            int d = s.charAt(aFrom + k) - s.charAt(bFrom + k);
            if (d != 0) {
                return d;
            }
        }
        return (aTo - aFrom) - (bTo - bFrom);
    }

    private static boolean upperHex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }
}
