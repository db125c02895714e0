package io.fs3.config;

import java.util.List;

/**
 * How clients reach fs3: plain HTTP on {@code fs3.http.port} (optional when HTTPS is on), HTTPS, and the
 * domains under which {@code bucket.DOMAIN} addresses a bucket (virtual-host style; path style always works).
 */
public record EndpointSettings(boolean httpEnabled, List<String> virtualHostDomains, TlsSettings tls) {
    public EndpointSettings {
        virtualHostDomains = List.copyOf(virtualHostDomains);
    }
}
