package io.fs3.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * HTTPS: a PEM certificate chain and private key, or a PKCS12 keystore. HTTPS is served on {@code port}
 * when either is configured.
 */
public record TlsSettings(int port, Optional<Path> certificate, Optional<Path> privateKey, Optional<Path> keystore,
                          Optional<Secret> keystorePassword) {
    public boolean enabled() {
        return certificate.isPresent() || keystore.isPresent();
    }
}
