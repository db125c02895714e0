package io.fs3.server.post;

import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static PostPolicy policy(String conditions) {
        String json = "{\"expiration\":\"2026-01-01T01:00:00Z\",\"conditions\":[" + conditions + "]}";
        return PostPolicy.parse(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void conditionsEqStartsWithAndLengthRange() {
        PostPolicy p = policy("{\"bucket\":\"b\"},[\"starts-with\",\"$key\",\"user/\"],[\"eq\",\"$Content-Type\",\"image/png\"],"
                + "[\"content-length-range\",1,100],{\"x-amz-credential\":\"c\"}");
        assertThatCode(() -> p.check(fields("bucket", "b", "key", "user/a.png", "content-type", "image/png",
                "x-amz-credential", "c", "policy", "…", "x-amz-signature", "s", "x-ignore-me", "1"), NOW)).doesNotThrowAnyException();
        assertThat(p.minLength()).isEqualTo(1);
        assertThat(p.maxLength()).isEqualTo(100);
        assertThatThrownBy(() -> p.check(fields("bucket", "b", "key", "other/a.png", "content-type", "image/png",
                "x-amz-credential", "c"), NOW)).isInstanceOf(S3Exception.class).hasMessageContaining("Condition failed");
        assertThatThrownBy(() -> p.check(fields("bucket", "b", "key", "user/a", "content-type", "image/png",
                "x-amz-credential", "c", "acl", "public-read"), NOW)).hasMessageContaining("Extra input fields: acl");
    }

    @Test
    void expiredAndMalformedPolicies() {
        assertThatThrownBy(() -> policy("").check(Map.of(), Instant.parse("2026-01-01T01:00:00Z")))
                .isInstanceOf(S3Exception.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> PostPolicy.parse("not base64 json")).isInstanceOf(S3Exception.class);
    }
}
