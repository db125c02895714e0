package io.fs3.server.ops;

import jakarta.ws.rs.container.ContainerRequestContext;

/** fs3's own endpoints live under {@code /_fs3/}: no bucket name can start with '_', so no S3 request goes there. */
public final class Reserved {
    public static final String PREFIX = "/_fs3/";

    private Reserved() {
    }

    public static boolean isReserved(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getRequestUri().getRawPath();
        return path != null && path.startsWith(PREFIX);
    }
}
