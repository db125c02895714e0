package io.fs3.server.browse;

import io.fs3.config.Secret;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.SigV4Signing;
import io.fs3.server.post.PostPolicy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload form's fields form a POST policy that PostObject accepts for the folder, and only for it. */
class UploadPoliciesTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private final UploadPolicies policies = new UploadPolicies(
            ak -> ak.equals("alice") ? Optional.of(Secret.of("s3cret")) : Optional.empty(), "eu-west-1");

    /** The form as PostObjectOp sees it: lower-cased names, bucket from the path, key and type added by the page. */
    private static Map<String, String> form(Map<String, String> fields, String key) {
        Map<String, String> f = new TreeMap<>(fields);
        f.put("bucket", "photos");
        f.put("key", key);
        f.put("content-type", "image/png");
        return f;
    }

    @Test
    void fieldsAreSignedWithTheUsersSecretAndScope() {
        Map<String, String> fields = policies.fields("alice", "photos", "2024/", NOW, NOW.plusSeconds(3600));
        assertThat(fields).containsOnlyKeys("policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature");
        assertThat(fields.get("x-amz-credential")).isEqualTo("alice/20240501/eu-west-1/s3/aws4_request");
        String expected = SigV4Signing.signature(SigV4Signing.signingKey("s3cret", "20240501", "eu-west-1", "s3"),
                fields.get("policy"));
        assertThat(fields.get("x-amz-signature")).isEqualTo(expected);
        String json = new String(Base64.getDecoder().decode(fields.get("policy")), StandardCharsets.UTF_8);
        assertThat(json).contains("\"expiration\":\"2024-05-01T13:00:00Z\"").contains("[\"starts-with\",\"$key\",\"2024/\"]");
    }

    @Test
    void policyAllowsKeysInTheFolderUntilItExpires() {
        Map<String, String> fields = policies.fields("alice", "photos", "2024/", NOW, NOW.plusSeconds(3600));
        PostPolicy policy = PostPolicy.parse(fields.get("policy"));
        policy.check(form(fields, "2024/cat.png"), NOW.plusSeconds(3599));
        assertThatThrownBy(() -> policy.check(form(fields, "2023/cat.png"), NOW)).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> policy.check(form(fields, "2024/cat.png"), NOW.plusSeconds(3600)))
                .isInstanceOf(S3Exception.class);
        Map<String, String> otherBucket = form(fields, "2024/cat.png");
        otherBucket.put("bucket", "private");
        assertThatThrownBy(() -> policy.check(otherBucket, NOW)).isInstanceOf(S3Exception.class);
    }
}
