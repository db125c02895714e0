package io.fs3.server.browse;

import io.fs3.config.Secret;
import io.fs3.server.auth.CredentialStore;
import io.fs3.webui.Viewer;
import io.fs3.webui.session.Session;
import io.fs3.webui.session.SessionCodec;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser's sign-in state, carried by one cookie: signed and short-lived ({@link SessionCodec}),
 * {@code HttpOnly} (scripts cannot read it), {@code SameSite=Strict} (other sites cannot make the browser send
 * it) and {@code Secure} over HTTPS. State-changing forms must also carry the session's CSRF token and, when the
 * browser sends one, an {@code Origin} equal to fs3's own.
 */
public final class BrowserSessions {
    static final String COOKIE = "fs3_session";
    private final SessionCodec codec;
    private final CredentialStore credentials;

    public BrowserSessions(SessionCodec codec, CredentialStore credentials) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** The valid session of this request, if its cookie carries one. */
    public Optional<Session> session(ContainerRequestContext ctx) {
        Cookie cookie = ctx.getCookies().get(COOKIE);
        return cookie == null ? Optional.empty()
                : codec.verify(cookie.getValue(), ak -> credentials.secretFor(ak).map(Secret::reveal));
    }

    public Viewer viewer(Optional<Session> session) {
        return session.map(s -> new Viewer(s.accessKey(), codec.csrfToken(s))).orElse(Viewer.ANONYMOUS);
    }

    /** Checks the secret (in constant time) and returns a new session's cookie value if it matches. */
    public Optional<String> signIn(String accessKey, String secret) {
        if (accessKey == null || accessKey.isEmpty() || secret == null) {
            return Optional.empty();
        }
        Optional<Secret> known = credentials.secretFor(accessKey);
        if (known.isEmpty() || !known.get().matches(secret)) {
            return Optional.empty();
        }
        return Optional.of(codec.issue(accessKey, secret));
    }

    public boolean csrfMatches(Session session, String token) {
        return codec.csrfMatches(session, token);
    }

    /** The {@code Set-Cookie} value that stores a session. */
    public String setCookie(String value, boolean secure) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + codec.lifetime().getSeconds() + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that ends a session. */
    public String clearCookie(boolean secure) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** {@code scheme://host} as this browser addressed fs3. */
    public static String origin(ContainerRequestContext ctx) {
        String host = ctx.getHeaderString("Host");
        if (host == null || host.isBlank()) {
            host = ctx.getUriInfo().getRequestUri().getRawAuthority();
        }
        return (ctx.getSecurityContext().isSecure() ? "https" : "http") + "://" + host.trim();
    }

    /** False when the browser says the form came from another origin (a cross-site POST). */
    public static boolean sameOrigin(ContainerRequestContext ctx) {
        List<String> origins = ctx.getHeaders().get("Origin");
        if (origins == null || origins.isEmpty()) {
            return true; // older browsers omit it on same-origin POSTs; SameSite=Strict and the CSRF token still apply
        }
        return origins.size() == 1 && origins.get(0).equalsIgnoreCase(origin(ctx));
    }
}
