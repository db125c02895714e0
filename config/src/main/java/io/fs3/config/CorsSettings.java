package io.fs3.config;

import java.util.List;

/**
 * A CORS rule applied to buckets that have no CORS configuration of their own; no allowed origins
 * (the default) means no default rule.
 */
public record CorsSettings(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                           List<String> exposeHeaders, int maxAgeSeconds) {
    public CorsSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }
}
