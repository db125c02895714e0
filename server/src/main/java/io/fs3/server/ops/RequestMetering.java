package io.fs3.server.ops;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.IOException;

/**
 * Measures each S3 request for {@link RequestListener}: wraps the raw body before authentication decodes it
 * (so bytes in are wire bytes, and a stalled body becomes RequestTimeout), counts the response body, and
 * notes the client address.
 */
@PreMatching
@Priority(150) // after RequestIds (100), before authentication (1000) wraps the body again
public final class RequestMetering implements ContainerRequestFilter, WriterInterceptor {
    static final String BODY_PROPERTY = "fs3.bodyIn";
    static final String RESPONSE_PROPERTY = "fs3.bodyOut";
    static final String CLIENT_PROPERTY = "fs3.clientAddress";

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (Reserved.isReserved(ctx)) {
            return;
        }
        ctx.setProperty(CLIENT_PROPERTY, servletRequest.getRemoteAddr());
        MeteredInputStream body = new MeteredInputStream(ctx.getEntityStream());
        ctx.setEntityStream(body);
        ctx.setProperty(BODY_PROPERTY, body);
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext ctx) throws IOException {
        CountingOutputStream out = new CountingOutputStream(ctx.getOutputStream());
        ctx.setOutputStream(out);
        ctx.setProperty(RESPONSE_PROPERTY, out);
        ctx.proceed();
    }
}
