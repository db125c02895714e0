package io.fs3.server.browse;

import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.CredentialStore;
import io.fs3.server.auth.SigV4Verifier;
import io.fs3.server.auth.SignedRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Presigned URLs made for browser users verify with fs3's own SigV4 verifier, for awkward keys too. */
class PresignerTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final CredentialStore USERS = ak -> ak.equals("alice") ? Optional.of(Secret.of("a/secret+key"))
            : Optional.empty();
    private final Presigner presigner = new Presigner(USERS, "us-east-1", Clock.fixed(NOW, ZoneOffset.UTC));

    private static SignedRequest get(String url) {
        URI uri = URI.create(url);
        return new SignedRequest("GET", uri.getRawPath(), uri.getRawQuery(), Map.of("Host", List.of(uri.getRawAuthority())));
    }

    private static SigV4Verifier verifierAt(Instant now) {
        return new SigV4Verifier(USERS, "us-east-1", Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void presignedGetVerifiesForAwkwardKeysAndExtraParameters() {
        String key = "dir/a b#c?d%e+f ü😀&x=y";
        String url = presigner.presignGet("alice", "http://127.0.0.1:9000", "bucket", key, Duration.ofMinutes(5),
                Map.of("response-content-disposition", "attachment; filename*=UTF-8''a%20b"));
        assertThat(url).startsWith("http://127.0.0.1:9000/bucket/dir/a%20b%23c%3Fd%25e%2Bf%20%C3%BC%F0%9F%98%80%26x%3Dy?")
                .contains("X-Amz-Expires=300").contains("X-Amz-SignedHeaders=host")
                .contains("X-Amz-Credential=alice%2F20240501%2Fus-east-1%2Fs3%2Faws4_request");
        assertThat(verifierAt(NOW.plusSeconds(299)).verify(get(url)).accessKey()).isEqualTo("alice");
    }

    @Test
    void presignedGetExpiresAndIsBoundToTheHost() {
        String url = presigner.presignGet("alice", "http://127.0.0.1:9000", "b", "k", Duration.ofHours(1), Map.of());
        assertThatThrownBy(() -> verifierAt(NOW.plusSeconds(3601)).verify(get(url)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.REQUEST_EXPIRED));
        String otherHost = url.replace("127.0.0.1:9000", "localhost:9000");
        assertThatThrownBy(() -> verifierAt(NOW).verify(get(otherHost)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.error()).isEqualTo(S3Error.SIGNATURE_DOES_NOT_MATCH));
        assertThat(presigner.expiresAt(Duration.ofHours(1))).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void onlyKnownUsersAndAtMostAWeek() {
        assertThatThrownBy(() -> presigner.presignGet("mallory", "http://h", "b", "k", Duration.ofHours(1), Map.of()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.ACCESS_DENIED));
        assertThatThrownBy(() -> presigner.presignGet("alice", "http://h", "b", "k", Duration.ofDays(8), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        String week = presigner.presignGet("alice", "https://s3.example", "b", "k", Presigner.MAX_EXPIRY, Map.of());
        assertThat(week).startsWith("https://s3.example/b/k?").contains("X-Amz-Expires=604800");
    }
}
