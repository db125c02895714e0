package io.fs3.server.vhost;

import io.fs3.server.auth.SigV4AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.net.URI;
import java.util.Optional;

/**
 * Rewrites {@code GET /key} on Host {@code bucket.DOMAIN} to the path-style {@code GET /bucket/key} before
 * routing, so resources, CORS and authorisation see one addressing style. It runs before authentication,
 * so it records the URI as received ({@link SigV4AuthFilter#RECEIVED_URI_PROPERTY}): signatures cover the
 * request as the client sent it.
 */
@PreMatching
@Priority(800) // after RequestIds/metering/readiness (100-200), before CORS (900) and authentication (1000)
public final class VirtualHostFilter implements ContainerRequestFilter {
    private final VirtualHosts hosts;

    public VirtualHostFilter(VirtualHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        Optional<String> bucket = hosts.bucketOf(ctx.getHeaderString("Host"));
        if (bucket.isEmpty()) {
            return;
        }
        URI received = ctx.getUriInfo().getRequestUri();
        ctx.setProperty(SigV4AuthFilter.RECEIVED_URI_PROPERTY, received);
        String path = received.getRawPath() == null || received.getRawPath().isEmpty() ? "/" : received.getRawPath();
        String query = received.getRawQuery() == null ? "" : "?" + received.getRawQuery();
        String authority = received.getRawAuthority() == null ? "" : "//" + received.getRawAuthority();
        ctx.setRequestUri(URI.create(received.getScheme() + ":" + authority + "/" + bucket.get() + path + query));
    }
}
