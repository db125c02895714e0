package io.fs3.server.cors;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.xml.CorsConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Validates a CORSConfiguration document and turns it into rules, with S3's limits. */
public final class CorsRules {
    static final int MAX_RULES = 100;
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private CorsRules() {
    }

    public static List<CorsRule> from(CorsConfiguration config) {
        if (config.rules.isEmpty() || config.rules.size() > MAX_RULES) {
            throw S3Exception.of(S3Error.MALFORMED_XML);
        }
        List<CorsRule> rules = new ArrayList<>();
        for (CorsConfiguration.Rule r : config.rules) {
            if (r.allowedOrigins.isEmpty() || r.allowedMethods.isEmpty()) {
                throw S3Exception.of(S3Error.MALFORMED_XML);
            }
            for (String m : r.allowedMethods) {
                if (!METHODS.contains(m)) {
                    throw S3Exception.of(S3Error.INVALID_REQUEST,
                            "Found unsupported HTTP method in CORS config. Unsupported method is " + m);
                }
            }
            for (String o : r.allowedOrigins) {
                if (o.indexOf('*') != o.lastIndexOf('*')) {
                    throw S3Exception.of(S3Error.INVALID_REQUEST,
                            "AllowedOrigin \"" + o + "\" can not have more than one wildcard.");
                }
            }
            rules.add(new CorsRule(r.allowedOrigins, r.allowedMethods, r.allowedHeaders, r.exposeHeaders, r.maxAgeSeconds));
        }
        return rules;
    }
}
