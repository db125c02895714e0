package io.fs3.server.cors;

import io.fs3.s3.S3Exception;
import io.fs3.server.xml.CorsConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorsRuleTest {
    private final CorsRule rule = new CorsRule(List.of("https://*.example.org", "http://localhost:8080"), List.of("GET", "PUT"),
            List.of("x-amz-*", "Content-Type"), List.of("ETag"), 60);

    @Test
    void originsMatchWithOneWildcardMethodsExactlyHeadersCaseInsensitively() {
        assertThat(rule.allows("https://app.example.org", "GET", List.of())).isTrue();
        assertThat(rule.allows("http://localhost:8080", "PUT", List.of("X-Amz-Date", "content-type"))).isTrue();
        assertThat(rule.allows("https://example.org.evil.test", "GET", List.of())).isFalse();
        assertThat(rule.allows("https://app.example.org", "DELETE", List.of())).isFalse();
        assertThat(rule.allows("https://app.example.org", "GET", List.of("authorization"))).isFalse();
        assertThat(rule.allowOriginFor("https://app.example.org")).isEqualTo("https://app.example.org");
        assertThat(new CorsRule(List.of("*"), List.of("GET"), List.of(), List.of(), null).allowOriginFor("https://x")).isEqualTo("*");
    }

    @Test
    void configurationIsValidatedAsS3Does() {
        CorsConfiguration c = new CorsConfiguration();
        CorsConfiguration.Rule r = new CorsConfiguration.Rule();
        r.allowedOrigins.add("*");
        r.allowedMethods.add("PATCH");
        c.rules.add(r);
        assertThatThrownBy(() -> CorsRules.from(c)).isInstanceOf(S3Exception.class).hasMessageContaining("PATCH");
        r.allowedMethods.set(0, "GET");
        r.allowedOrigins.set(0, "https://*.*.example");
        assertThatThrownBy(() -> CorsRules.from(c)).isInstanceOf(S3Exception.class).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> CorsRules.from(new CorsConfiguration())).isInstanceOf(S3Exception.class);
    }
}
