package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Authenticates every S3 request before routing: verifies the SigV4 (or V2) signature and replaces the
 * entity stream by one that decodes and verifies the body. Unsigned requests pass as anonymous (no access
 * key property) for the Authorizer to judge. Paths under {@code /_fs3/} decide their own access. Errors
 * are thrown as S3Exception for the exception mapper to render.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class SigV4AuthFilter implements ContainerRequestFilter {
    /** Request property holding the authenticated access key (String). */
    public static final String ACCESS_KEY_PROPERTY = "fs3.accessKey";
    /** Request property holding the {@link VerifiedPayload}. */
    public static final String PAYLOAD_PROPERTY = "fs3.payload";
    /**
     * Request property a filter that rewrites the request URI before this one runs (virtual-host style)
     * sets to the URI as received: signatures cover the request as the client sent it.
     */
    public static final String RECEIVED_URI_PROPERTY = "fs3.receivedUri";
    static final String RESERVED_PREFIX = "/_fs3/";

    private final SigV4Verifier verifier;

    public SigV4AuthFilter(SigV4Verifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        SignedRequest request = toSignedRequest(ctx);
        if (request.rawPath().startsWith(RESERVED_PREFIX)) {
            return;
        }
        if (!SigV4Verifier.isSigned(request)) {
            if (isBrowserFormUpload(request)) {
                return; // authorised by the signed POST policy inside the form (PostObjectOp)
            }
            if (isBrowserPage(request)) {
                return; // a bucket-browser page: its session cookie decides (BrowseOp), never an S3 operation
            }
            // Anonymous: no access key property; the Authorizer allows what public ACLs grant.
            wrapAnonymousPayload(ctx, request);
            return;
        }
        AuthResult result = verifier.verify(request);
        ctx.setProperty(ACCESS_KEY_PROPERTY, result.accessKey());
        VerifiedPayload payload = PayloadStreams.wrap(ctx.getEntityStream(), result, request);
        ctx.setEntityStream(payload.stream());
        ctx.setProperty(PAYLOAD_PROPERTY, payload);
    }

    /**
     * An anonymous upload (to a public-read-write bucket) may still be aws-chunked with an unsigned checksum
     * trailer, as SDKs send it: decode and verify it like a signed request's. Signed chunks need a signature.
     */
    private static void wrapAnonymousPayload(ContainerRequestContext ctx, SignedRequest request) {
        String declared = SigV4Verifier.strip(request.header(SigV4Verifier.X_AMZ_CONTENT_SHA256));
        if (declared == null) {
            return;
        }
        PayloadMode mode = PayloadMode.of(declared);
        if (mode.signedChunks()) {
            throw S3Exception.of(S3Error.ACCESS_DENIED, "Signed payloads need a signed request");
        }
        AuthResult anonymous = new AuthResult("", mode, declared, "", "", "", new byte[0], false);
        VerifiedPayload payload = PayloadStreams.wrap(ctx.getEntityStream(), anonymous, request);
        ctx.setEntityStream(payload.stream());
        ctx.setProperty(PAYLOAD_PROPERTY, payload);
    }

    /** POST /bucket with a multipart/form-data body: S3's browser-form upload, signed by its policy field. */
    static boolean isBrowserFormUpload(SignedRequest request) {
        if (!"POST".equals(request.method()) || request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            return false;
        }
        String path = request.rawPath().startsWith("/") ? request.rawPath().substring(1) : request.rawPath();
        int slash = path.indexOf('/');
        if (!path.isEmpty() && slash >= 0 && slash != path.length() - 1) {
            return false; // an object path, not a bucket
        }
        List<String> type = request.headers().get("Content-Type");
        return type != null && !type.isEmpty() && type.get(0).toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * GET with a {@code browser} query parameter: OperationResolver routes every such GET to the bucket browser
     * (BROWSE), whatever other parameters it has, so passing it unsigned never reaches an S3 operation.
     */
    static boolean isBrowserPage(SignedRequest request) {
        return "GET".equals(request.method())
                && QueryParam.parse(request.rawQuery()).stream().anyMatch(p -> p.name().equals("browser"));
    }

    /** The raw request line parts and headers, before any rewriting. */
    static SignedRequest toSignedRequest(ContainerRequestContext ctx) {
        URI uri = ctx.getProperty(RECEIVED_URI_PROPERTY) instanceof URI received ? received : ctx.getUriInfo().getRequestUri();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ctx.getHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        return new SignedRequest(ctx.getMethod(), uri.getRawPath(), uri.getRawQuery(), headers);
    }
}
