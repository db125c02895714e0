package io.fs3.webui;

/**
 * Who is looking: the signed-in access key and the CSRF token for their forms, or anonymous (both null).
 */
public record Viewer(String accessKey, String csrfToken) {
    public static final Viewer ANONYMOUS = new Viewer(null, null);

    public Viewer {
        if ((accessKey == null) != (csrfToken == null)) {
            throw new IllegalArgumentException("a signed-in viewer has a CSRF token, an anonymous one has none");
        }
    }

    public boolean signedIn() {
        return accessKey != null;
    }
}
