package io.fs3.webui.session;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Signed, short-lived session cookies and the CSRF tokens bound to them. Nothing is kept on the server: a cookie
 * value is {@code v1.<access key>.<expiry epoch seconds>.<random id>.<HMAC-SHA256>} (base64url parts), the MAC
 * over everything before it plus a fingerprint of the user's current secret, so a cookie dies when it expires,
 * when it is altered, and when the user's secret changes or the user is removed. The key is shared by every
 * fs3 instance on the same tree, so sessions survive restarts and load balancing.
 */
public final class SessionCodec {
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final byte[] key;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param key at least 32 bytes of secret key material */
    public SessionCodec(byte[] key, Duration lifetime, Clock clock) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("session key must have at least 32 bytes");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("session lifetime must be positive");
        }
        this.key = key.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new session for a user who just proved {@code secret}; returns the cookie value. */
    public String issue(String accessKey, String secret) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String body = VERSION + "." + B64.encodeToString(accessKey.getBytes(StandardCharsets.UTF_8)) + "." + expires
                + "." + B64.encodeToString(id);
        return body + "." + B64.encodeToString(mac(body, secret));
    }

    /**
     * The session a cookie value carries, if it is ours, unaltered, unexpired and its user still has the secret
     * it was issued for ({@code secretFor} looks the current secret up).
     */
    public Optional<Session> verify(String cookie, Function<String, Optional<String>> secretFor) {
        if (cookie == null) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        try {
            String accessKey = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            byte[] given = B64D.decode(parts[4]);
            // Only the canonical spelling: base64's unused low bits must not give one MAC several cookie values.
            boolean canonical = B64.encodeToString(given).equals(parts[4]);
            Optional<String> secret = secretFor.apply(accessKey);
            if (!canonical || secret.isEmpty() || !clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            String body = cookie.substring(0, cookie.lastIndexOf('.'));
            if (!MessageDigest.isEqual(mac(body, secret.get()), given)) {
                return Optional.empty();
            }
            return Optional.of(new Session(accessKey, expires, parts[3]));
        } catch (IllegalArgumentException e) { // bad base64 or number (NumberFormatException is one)
            return Optional.empty();
        }
    }

    /** The CSRF token for forms of this session: a MAC of its id, so it cannot be guessed or moved to another session. */
    public String csrfToken(Session session) {
        return B64.encodeToString(hmac(key, "csrf|" + session.id()));
    }

    /** Constant-time check of a submitted CSRF token. */
    public boolean csrfMatches(Session session, String token) {
        return token != null && MessageDigest.isEqual(csrfToken(session).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String body, String secret) {
        byte[] secretPrint = hmac(secret.getBytes(StandardCharsets.UTF_8), "fs3 web UI session");
        return hmac(key, "session|" + body + "|" + B64.encodeToString(secretPrint));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
