package io.fs3.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Gives every request an id before anything else runs, and puts it on every response (errors included). */
@PreMatching
@Priority(100)
public final class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String PROPERTY = "fs3.requestId";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PROPERTY, newId());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = of(request);
        response.getHeaders().putSingle("x-amz-request-id", id);
        response.getHeaders().putSingle("x-amz-id-2", id);
    }

    public static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id == null ? newId() : id.toString();
    }

    public static String newId() {
        return HexFormat.of().withUpperCase().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
