package io.fs3.server.cors;

import java.util.List;
import java.util.Locale;

/**
 * One CORS rule. Origins and allowed headers may contain one '*' wildcard; methods match exactly.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html#cors-allowed-origin
 */
public record CorsRule(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       List<String> exposeHeaders, Integer maxAgeSeconds) {

    public boolean allows(String origin, String method, List<String> requestHeaders) {
        if (!allowedMethods.contains(method) || allowedOrigins.stream().noneMatch(p -> wildcard(p, origin, false))) {
            return false;
        }
        return requestHeaders.stream().allMatch(h -> allowedHeaders.stream().anyMatch(p -> wildcard(p, h, true)));
    }

    /** "*" answers "*", any other matching pattern echoes the request's origin (as S3 does). */
    public String allowOriginFor(String origin) {
        return allowedOrigins.contains("*") ? "*" : origin;
    }

    static boolean wildcard(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int star = p.indexOf('*');
        if (star < 0) {
            return p.equals(v);
        }
        String prefix = p.substring(0, star);
        String suffix = p.substring(star + 1);
        return v.length() >= prefix.length() + suffix.length() && v.startsWith(prefix) && v.endsWith(suffix);
    }
}
