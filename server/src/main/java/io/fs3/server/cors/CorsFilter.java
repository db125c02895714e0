package io.fs3.server.cors;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.UriEncoding;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Browsers' CORS: preflight OPTIONS are answered from the bucket's rules before authentication (browsers
 * never sign them; no match is 403 AccessForbidden), and responses to requests with an Origin header,
 * errors included, carry the matching rule's headers.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private final CorsPolicies policies;

    public CorsFilter(CorsPolicies policies) {
        this.policies = policies;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod())) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        String method = request.getHeaderString("Access-Control-Request-Method");
        if (origin == null || method == null) {
            throw S3Exception.of(S3Error.INVALID_REQUEST, "Insufficient information. Origin request header needed.");
        }
        List<String> headers = split(request.getHeaderString("Access-Control-Request-Headers"));
        CorsRule rule = policies.match(bucketOf(request), origin, method, headers)
                .orElseThrow(() -> S3Exception.of(S3Error.CORS_FORBIDDEN));
        Response.ResponseBuilder r = Response.ok()
                .header("Access-Control-Allow-Origin", rule.allowOriginFor(origin))
                .header("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()))
                .header("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        if (!headers.isEmpty()) {
            r.header("Access-Control-Allow-Headers", String.join(", ", headers));
        }
        if (rule.maxAgeSeconds() != null) {
            r.header("Access-Control-Max-Age", rule.maxAgeSeconds());
        }
        if (!rule.exposeHeaders().isEmpty()) {
            r.header("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (!"*".equals(rule.allowOriginFor(origin))) {
            r.header("Access-Control-Allow-Credentials", "true");
        }
        request.abortWith(r.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        Optional<CorsRule> rule = policies.match(bucketOf(request), origin, request.getMethod(), List.of());
        if (rule.isEmpty()) {
            return;
        }
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle("Access-Control-Allow-Origin", rule.get().allowOriginFor(origin));
        h.add("Vary", "Origin");
        if (!rule.get().exposeHeaders().isEmpty()) {
            h.putSingle("Access-Control-Expose-Headers", String.join(", ", rule.get().exposeHeaders()));
        }
        if (!"*".equals(rule.get().allowOriginFor(origin))) {
            h.putSingle("Access-Control-Allow-Credentials", "true");
        }
    }

    private static String bucketOf(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        String path = raw.startsWith("/") ? raw.substring(1) : raw;
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        try {
            return bucket.isEmpty() ? null : UriEncoding.decodePath(bucket);
        } catch (S3Exception e) {
            return null;
        }
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
