package io.fs3.server.auth;

import io.fs3.config.Secret;

import java.util.Optional;

/** Looks up the secret for an access key. */
public interface CredentialStore {
    Optional<Secret> secretFor(String accessKey);
}
