package io.fs3.server.vhost;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Virtual-host-style addressing: with domain {@code s3.example.com} configured, Host
 * {@code photos.s3.example.com} names bucket {@code photos}. Any other Host (the domain itself, an IP
 * address, localhost) is path style.
 */
public final class VirtualHosts {
    private final List<String> domains;

    public VirtualHosts(List<String> domains) {
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean enabled() {
        return !domains.isEmpty();
    }

    /** The bucket a Host header value (with or without port) names, if it is {@code BUCKET.DOMAIN}. */
    public Optional<String> bucketOf(String host) {
        if (host == null || domains.isEmpty()) {
            return Optional.empty();
        }
        String h = stripPort(host.strip()).toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // a fully qualified name
        }
        for (String domain : domains) {
            if (h.length() > domain.length() + 1 && h.endsWith("." + domain)) {
                return Optional.of(h.substring(0, h.length() - domain.length() - 1));
            }
        }
        return Optional.empty();
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            return host; // an IPv6 literal is never a virtual host
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
