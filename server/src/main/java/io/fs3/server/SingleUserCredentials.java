package io.fs3.server;

import io.fs3.config.Secret;
import io.fs3.server.auth.CredentialStore;

import java.util.Optional;

/** The one configured (or generated) access key and its secret. */
public final class SingleUserCredentials implements CredentialStore {
    private final String accessKey;
    private final Secret secret;

    public SingleUserCredentials(String accessKey, Secret secret) {
        this.accessKey = accessKey;
        this.secret = secret;
    }

    @Override
    public Optional<Secret> secretFor(String key) {
        return accessKey.equals(key) ? Optional.of(secret) : Optional.empty();
    }
}
