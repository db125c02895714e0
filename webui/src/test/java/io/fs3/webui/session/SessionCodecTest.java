package io.fs3.webui.session;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final SessionCodec codec = new SessionCodec(KEY, Duration.ofHours(1), clock);
    private final Function<String, Optional<String>> users = ak -> Optional.ofNullable(Map.of("alice", "s3cret").get(ak));

    @Test
    void issuedCookieVerifiesUntilItExpires() {
        String cookie = codec.issue("alice", "s3cret");
        assertThat(codec.verify(cookie, users)).hasValueSatisfying(s -> {
            assertThat(s.accessKey()).isEqualTo("alice");
            assertThat(s.expires()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
        });
        clock.now = Instant.parse("2024-05-01T10:59:59Z");
        assertThat(codec.verify(cookie, users)).isPresent();
        clock.now = Instant.parse("2024-05-01T11:00:00Z");
        assertThat(codec.verify(cookie, users)).isEmpty();
    }

    @Test
    void alteredCookiesAreRejected() {
        String cookie = codec.issue("alice", "s3cret");
        String[] p = cookie.split("\\.");
        String longer = p[0] + "." + p[1] + "." + (Long.parseLong(p[2]) + 86_400) + "." + p[3] + "." + p[4];
        String otherUser = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString("bob".getBytes()) + "."
                + p[2] + "." + p[3] + "." + p[4];
        assertThat(codec.verify(longer, users)).isEmpty();
        assertThat(codec.verify(otherUser, ak -> Optional.of("s3cret"))).isEmpty();
        assertThat(codec.verify(cookie.substring(0, cookie.length() - 2), users)).isEmpty();
        // A 32-byte MAC is 43 base64 characters; the last one carries 4 bits and 2 unused ones.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = cookie.charAt(cookie.length() - 1);
        String sameBitsOtherSpelling = cookie.substring(0, cookie.length() - 1)
                + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertThat(Base64.getUrlDecoder().decode(sameBitsOtherSpelling.substring(sameBitsOtherSpelling.lastIndexOf('.') + 1)))
                .isEqualTo(Base64.getUrlDecoder().decode(cookie.substring(cookie.lastIndexOf('.') + 1)));
        assertThat(codec.verify(sameBitsOtherSpelling, users)).as("non-canonical base64").isEmpty();
        assertThat(codec.verify("garbage", users)).isEmpty();
        assertThat(codec.verify("v1.!!.x.y.z", users)).isEmpty();
        assertThat(codec.verify(null, users)).isEmpty();
    }

    @Test
    void anotherServerKeyOrAChangedSecretInvalidatesTheSession() {
        String cookie = codec.issue("alice", "s3cret");
        SessionCodec other = new SessionCodec("ffffffffffffffffffffffffffffffff".getBytes(), Duration.ofHours(1), clock);
        assertThat(other.verify(cookie, users)).isEmpty();
        assertThat(codec.verify(cookie, ak -> Optional.of("rotated"))).isEmpty();
        assertThat(codec.verify(cookie, ak -> Optional.empty())).as("user removed").isEmpty();
    }

    @Test
    void csrfTokenIsBoundToTheSession() {
        Session a = codec.verify(codec.issue("alice", "s3cret"), users).orElseThrow();
        Session b = codec.verify(codec.issue("alice", "s3cret"), users).orElseThrow();
        String token = codec.csrfToken(a);
        assertThat(codec.csrfMatches(a, token)).isTrue();
        assertThat(codec.csrfMatches(b, token)).as("another session of the same user").isFalse();
        assertThat(codec.csrfMatches(a, null)).isFalse();
        assertThat(codec.csrfMatches(a, "")).isFalse();
        assertThat(codec.csrfMatches(a, token + "x")).isFalse();
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void rejectsWeakKeysAndEmptyLifetimes() {
        assertThatThrownBy(() -> new SessionCodec(new byte[8], Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionCodec(KEY, Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
