package io.fs3.server.cors;

import io.fs3.config.CorsSettings;
import io.fs3.server.xml.CorsConfiguration;
import io.fs3.server.xml.S3Xml;
import io.fs3.storage.BucketConfigStore;
import io.fs3.storage.BucketName;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The CORS rules in force for a bucket: its own configuration, else the configured default rule, else none. */
public final class CorsPolicies {
    public static final String DOCUMENT = "cors.xml";
    private final BucketConfigStore bucketConfig;
    private final List<CorsRule> defaults;

    public CorsPolicies(BucketConfigStore bucketConfig, CorsSettings settings) {
        this.bucketConfig = bucketConfig;
        this.defaults = settings.allowedOrigins().isEmpty() ? List.of()
                : List.of(new CorsRule(settings.allowedOrigins(), settings.allowedMethods(), settings.allowedHeaders(),
                        settings.exposeHeaders(), settings.maxAgeSeconds()));
    }

    public List<CorsRule> rulesFor(String bucket) {
        if (bucket == null || !BucketName.isServable(bucket)) {
            return defaults;
        }
        try {
            Optional<byte[]> doc = bucketConfig.read(BucketName.of(bucket), DOCUMENT);
            if (doc.isEmpty()) {
                return defaults;
            }
            return CorsRules.from(S3Xml.MAPPER.readValue(doc.get(), CorsConfiguration.class));
        } catch (IOException | RuntimeException e) {
            return List.of(); // no such bucket, or an unreadable document: no CORS access
        }
    }

    public Optional<CorsRule> match(String bucket, String origin, String method, List<String> headers) {
        return rulesFor(bucket).stream().filter(r -> r.allows(origin, method, headers)).findFirst();
    }
}
