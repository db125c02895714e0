package io.fs3.webui.session;

import java.time.Instant;

/** A verified browser session: who signed in, until when, and its random id (which its CSRF token is bound to). */
public record Session(String accessKey, Instant expires, String id) {
}
