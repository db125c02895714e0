package io.fs3.server.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * One decoded query parameter. A parameter without '=' has the empty value, as SigV4 (and S3's
 * {@code ?lifecycle}, {@code ?uploads}) treat it.
 */
public record QueryParam(String name, String value) {

    /** Parses a raw query string (null or empty yields no parameters); empty segments are skipped. */
    public static List<QueryParam> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        List<QueryParam> params = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            if (end > start) {
                params.add(parseOne(rawQuery.substring(start, end)));
            }
            start = end + 1;
        }
        return params;
    }

    /** Value of the first parameter with exactly this (case-sensitive) name, or null. */
    public static String first(List<QueryParam> params, String name) {
        for (QueryParam p : params) {
            if (p.name.equals(name)) {
                return p.value;
            }
        }
        return null;
    }

    private static QueryParam parseOne(String segment) {
        int eq = segment.indexOf('=');
        if (eq < 0) {
            return new QueryParam(UriEncoding.decodeQueryComponent(segment), "");
        }
        return new QueryParam(UriEncoding.decodeQueryComponent(segment.substring(0, eq)),
                UriEncoding.decodeQueryComponent(segment.substring(eq + 1)));
    }
}
