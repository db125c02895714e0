package io.fs3.server.auth;

import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Verifies AWS Signature Version 4: the Authorization header or a presigned URL's query parameters (and
 * hands Signature Version 2 to {@link SigV2Verifier}).
 * Thread-safe; one instance serves all requests.
 */
public final class SigV4Verifier {
    static final String AUTHORIZATION = "Authorization";
    static final String X_AMZ_DATE = "x-amz-date";
    static final String X_AMZ_CONTENT_SHA256 = "x-amz-content-sha256";
    private static final String SIGV4A_ALGORITHM = "AWS4-ECDSA-P256-SHA256";

    private final CredentialStore credentials;
    private final String region;
    private final Duration maxClockSkew;
    private final Clock clock;
    private final SigningKeyCache keys = new SigningKeyCache();
    private final PresignedVerifier presigned;
    private final SigV2Verifier v2;

    public SigV4Verifier(CredentialStore credentials, String region, Duration maxClockSkew, Clock clock) {
        this(credentials, region, maxClockSkew, clock, host -> java.util.Optional.empty());
    }

    /**
     * Also verifies Signature V2 (header and query) for older clients; {@code bucketFromHost} names the
     * bucket of a virtual-host-style Host header (V2 signs it as part of the resource).
     */
    public SigV4Verifier(CredentialStore credentials, String region, Duration maxClockSkew, Clock clock,
                         java.util.function.Function<String, java.util.Optional<String>> bucketFromHost) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.presigned = new PresignedVerifier(this);
        this.v2 = new SigV2Verifier(credentials, maxClockSkew, clock, bucketFromHost);
    }

    /** Verifies a SigV4 (or V2) Authorization header or presigned query; throws S3Exception. */
    public AuthResult verify(SignedRequest request) {
        String authorization = request.header(AUTHORIZATION);
        boolean queryAuth = QueryAuth.hasSigV4Params(request.rawQuery()) || QueryAuth.hasSigV2Params(request.rawQuery());
        if (authorization != null && queryAuth) {
            // AWS's answer when both mechanisms are present.
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Only one auth mechanism allowed; only the "
                    + "X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization "
                    + "header should be specified").withDetail("ArgumentName", AUTHORIZATION);
        }
        if (authorization != null) {
            return verifyHeader(request, authorization.strip());
        }
        if (QueryAuth.hasSigV4Params(request.rawQuery())) {
            return presigned.verify(request);
        }
        if (queryAuth) {
            return v2.verifyQuery(request);
        }
        throw S3Exception.of(S3Error.ACCESS_DENIED);
    }

    /** The number of verified presigned URLs kept for their next use (for tests). */
    long keptPresignedUrls() {
        return presigned.keptUrls();
    }

    /** True if the request carries any signature (header or query) at all. */
    public static boolean isSigned(SignedRequest request) {
        return request.header(AUTHORIZATION) != null || QueryAuth.hasSigV4Params(request.rawQuery())
                || QueryAuth.hasSigV2Params(request.rawQuery());
    }

    private AuthResult verifyHeader(SignedRequest request, String authorization) {
        if (SigV2Verifier.isV2Header(authorization)) {
            return v2.verifyHeader(request, authorization);
        }
        if (authorization.startsWith(SIGV4A_ALGORITHM)) {
            throw S3Exception.of(S3Error.UNSUPPORTED_SIGNATURE);
        }
        if (authorization.equals(SigV4Signing.ALGORITHM)) {
            throw SignatureParser.malformedHeader();
        }
        if (!authorization.startsWith(SigV4Signing.ALGORITHM + " ")) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Unsupported Authorization Type")
                    .withDetail("ArgumentName", AUTHORIZATION);
        }
        SignatureParams params = SignatureParser.parseHeader(authorization, region);
        String amzDate = requestDate(request);
        if (!amzDate.startsWith(params.date())) {
            throw S3Exception.of(S3Error.AUTHORIZATION_HEADER_MALFORMED, "The authorization header is malformed; "
                    + "Invalid credential date \"" + params.date() + "\". This date is not the same as X-Amz-Date: \""
                    + amzDate.substring(0, 8) + "\".");
        }
        Secret secret = secretFor(params.accessKey());
        checkSkew(amzDate, AmzDates.parseAmzDate(amzDate));
        // S3 requires x-amz-content-sha256 on header-signed requests; every SDK, the CLI and MinIO send it.
        String payloadHash = strip(request.header(X_AMZ_CONTENT_SHA256));
        PayloadMode mode = PayloadMode.of(payloadHash);
        requireSignedAmzHeaders(request, params.signedHeaders());
        List<QueryParam> query = QueryParam.parse(request.rawQuery());
        return check(request, query, params, secret, amzDate, payloadHash, mode, false);
    }

    /** x-amz-date as sent, else the Date header re-formatted; AccessDenied if neither is valid. */
    private static String requestDate(SignedRequest request) {
        String amzDate = request.header(X_AMZ_DATE);
        if (amzDate != null) {
            if (AmzDates.parseAmzDate(amzDate.strip()) != null) {
                return amzDate.strip();
            }
        } else {
            Instant date = AmzDates.parseHttpDate(request.header("Date"));
            if (date != null) {
                return AmzDates.format(date);
            }
        }
        throw S3Exception.of(S3Error.ACCESS_DENIED, "AWS authentication requires a valid Date or x-amz-date header");
    }

    private void checkSkew(String sent, Instant requestTime) {
        Instant now = clock.instant();
        if (Duration.between(requestTime, now).abs().compareTo(maxClockSkew) > 0) {
            throw S3Exception.of(S3Error.REQUEST_TIME_TOO_SKEWED)
                    .withDetail("RequestTime", sent)
                    .withDetail("ServerTime", AmzDates.iso(now))
                    .withDetail("MaxAllowedSkewMilliseconds", Long.toString(maxClockSkew.toMillis()));
        }
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    Secret secretFor(String accessKey) {
        return credentials.secretFor(accessKey).orElseThrow(() -> S3Exception.of(S3Error.INVALID_ACCESS_KEY_ID)
                .withDetail("AWSAccessKeyId", accessKey));
    }

    Clock clock() {
        return clock;
    }

    Duration maxClockSkew() {
        return maxClockSkew;
    }

    String region() {
        return region;
    }

    /**
     * Every {@code x-amz-*} header must be signed, as AWS requires ("There were headers present in the
     * request which were not signed"), so an unsigned x-amz-copy-source or x-amz-meta-* cannot be
     * smuggled in. x-amz-content-sha256 is exempt: the payload hash is bound by the canonical request.
     */
    static void requireSignedAmzHeaders(SignedRequest request, List<String> signedHeaders) {
        List<String> unsigned = new ArrayList<>();
        for (String name : request.headers().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-") && !lower.equals(X_AMZ_CONTENT_SHA256) && !signedHeaders.contains(lower)) {
                unsigned.add(lower);
            }
        }
        if (!unsigned.isEmpty()) {
            throw S3Exception.of(S3Error.ACCESS_DENIED,
                    "There were headers present in the request which were not signed")
                    .withDetail("HeadersNotSigned", String.join(", ", unsigned));
        }
    }

    /** Recomputes the signature and compares it in constant time. */
    AuthResult check(SignedRequest request, List<QueryParam> query, SignatureParams params, Secret secret,
                     String amzDate, String payloadHash, PayloadMode mode, boolean isPresigned) {
        String scope = params.scope();
        String canonical = CanonicalRequest.build(request, query, params.signedHeaders(), payloadHash, isPresigned);
        String stringToSign = SigV4Signing.stringToSign(amzDate, scope, canonical);
        byte[] key = keys.signingKey(secret, params.date(), params.region(), params.service());
        String expected = SigV4Signing.signature(key, stringToSign);
        if (!Crypto.hexEquals(expected, params.signature())) {
            throw signatureMismatch(params.accessKey(), stringToSign, params.signature(), canonical);
        }
        return new AuthResult(params.accessKey(), mode, payloadHash, amzDate, scope, expected, key, isPresigned);
    }

    /** SignatureDoesNotMatch with the details AWS returns, in AWS's order. */
    static S3Exception signatureMismatch(String accessKey, String stringToSign, String provided, String canonical) {
        S3Exception e = S3Exception.of(S3Error.SIGNATURE_DOES_NOT_MATCH)
                .withDetail("AWSAccessKeyId", accessKey)
                .withDetail("StringToSign", stringToSign)
                .withDetail("SignatureProvided", provided == null ? "" : provided)
                .withDetail("StringToSignBytes", spacedHex(stringToSign));
        if (canonical != null) {
            e = e.withDetail("CanonicalRequest", canonical).withDetail("CanonicalRequestBytes", spacedHex(canonical));
        }
        return e;
    }

    private static String spacedHex(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
