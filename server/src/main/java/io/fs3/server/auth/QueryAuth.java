package io.fs3.server.auth;

/**
 * Cheap checks for authentication parameters in a raw query, without decoding it (so they never
 * throw on a malformed query). The parameter names never need percent-encoding.
 */
final class QueryAuth {
    private QueryAuth() {
    }

    /** X-Amz-Algorithm, X-Amz-Credential or X-Amz-Signature present: a SigV4 presigned URL. */
    static boolean hasSigV4Params(String rawQuery) {
        return has(rawQuery, "X-Amz-Algorithm") || has(rawQuery, "X-Amz-Credential")
                || has(rawQuery, "X-Amz-Signature");
    }

    /** AWSAccessKeyId with Signature: a SigV2 presigned URL. */
    static boolean hasSigV2Params(String rawQuery) {
        return has(rawQuery, "AWSAccessKeyId") && has(rawQuery, "Signature");
    }

    static boolean has(String rawQuery, String name) {
        if (rawQuery == null) {
            return false;
        }
        int from = 0;
        while (true) {
            int i = rawQuery.indexOf(name, from);
            if (i < 0) {
                return false;
            }
            int end = i + name.length();
            boolean startsParam = i == 0 || rawQuery.charAt(i - 1) == '&';
            boolean endsName = end == rawQuery.length() || rawQuery.charAt(end) == '=' || rawQuery.charAt(end) == '&';
            if (startsParam && endsName) {
                return true;
            }
            from = i + 1;
        }
    }
}
