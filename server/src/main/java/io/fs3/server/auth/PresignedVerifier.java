package io.fs3.server.auth;

import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.time.Instant;
import java.util.List;

/** Verifies presigned URLs (SigV4 query-string authentication). */
final class PresignedVerifier {
    static final long MAX_EXPIRES_SECONDS = 604_800;
    private static final String[] REQUIRED = {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature",
        "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Expires"};

    private final SigV4Verifier verifier;
    private final VerifiedPresignedUrls verified = new VerifiedPresignedUrls();

    PresignedVerifier(SigV4Verifier verifier) {
        this.verifier = verifier;
    }

    AuthResult verify(SignedRequest request) {
        String key = VerifiedPresignedUrls.keyOf(request);
        VerifiedPresignedUrls.Verified hit = verified.get(key);
        if (hit != null && verifier.secretFor(hit.result().accessKey()).equals(hit.secret())) {
            checkTime(hit.requestTime(), hit.expires());
            SigV4Verifier.requireSignedAmzHeaders(request, VerifiedPresignedUrls.HOST_ONLY);
            return hit.result();
        }
        return verify(request, QueryParam.parse(request.rawQuery()), key);
    }

    /** The number of verified URLs kept (for tests). */
    long keptUrls() {
        return verified.size();
    }

    private AuthResult verify(SignedRequest request, List<QueryParam> query, String key) {
        for (String name : REQUIRED) {
            if (QueryParam.first(query, name) == null) {
                throw S3Exception.of(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
            }
        }
        if (!SigV4Signing.ALGORITHM.equals(QueryParam.first(query, "X-Amz-Algorithm"))) {
            throw queryError("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        SignatureParser.Style style = SignatureParser.Style.QUERY;
        List<String> signedHeaders = SignatureParser.signedHeaders(QueryParam.first(query, "X-Amz-SignedHeaders"),
                style);
        SignatureParams params = SignatureParser.credential(QueryParam.first(query, "X-Amz-Credential"), style,
                verifier.region(), signedHeaders, QueryParam.first(query, "X-Amz-Signature"));
        String amzDate = QueryParam.first(query, "X-Amz-Date");
        Instant requestTime = AmzDates.parseAmzDate(amzDate);
        if (requestTime == null) {
            throw queryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        if (!amzDate.startsWith(params.date())) {
            throw style.error("Invalid credential date \"" + params.date()
                    + "\". This date is not the same as X-Amz-Date: \"" + amzDate.substring(0, 8) + "\".");
        }
        long expires = expires(QueryParam.first(query, "X-Amz-Expires"));
        Secret secret = verifier.secretFor(params.accessKey());
        checkTime(requestTime, expires);
        String payloadHash = payloadHash(request, query);
        PayloadMode mode = PayloadMode.of(payloadHash);
        SigV4Verifier.requireSignedAmzHeaders(request, params.signedHeaders());
        AuthResult result = verifier.check(request, query, params, secret, amzDate, payloadHash, mode, true);
        verified.put(key, params.signedHeaders(), new VerifiedPresignedUrls.Verified(result, secret, requestTime, expires));
        return result;
    }

    private static long expires(String value) {
        long expires;
        try {
            expires = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw queryError("X-Amz-Expires should be a number");
        }
        if (expires < 0) {
            throw queryError("X-Amz-Expires must be non-negative");
        }
        if (expires > MAX_EXPIRES_SECONDS) {
            throw queryError("X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        return expires;
    }

    /**
     * Expired: AccessDenied "Request has expired". Signed further in the future than the allowed
     * clock skew: AccessDenied "Request is not yet valid", as S3 answers a future X-Amz-Date
     * (responses quoted in minio/minio#2638, dmjio/s3-signer#16).
     */
    private void checkTime(Instant requestTime, long expires) {
        Instant now = verifier.clock().instant();
        Instant expiry = requestTime.plusSeconds(expires);
        if (requestTime.minus(verifier.maxClockSkew()).isAfter(now)) {
            throw S3Exception.of(S3Error.REQUEST_NOT_YET_VALID)
                    .withDetail("X-Amz-Date", AmzDates.format(requestTime))
                    .withDetail("Expires", AmzDates.iso(expiry))
                    .withDetail("ServerTime", AmzDates.iso(now));
        }
        if (now.isAfter(expiry)) {
            throw S3Exception.of(S3Error.REQUEST_EXPIRED)
                    .withDetail("X-Amz-Expires", Long.toString(expires))
                    .withDetail("Expires", AmzDates.iso(expiry))
                    .withDetail("ServerTime", AmzDates.iso(now));
        }
    }

    /** X-Amz-Content-Sha256 from the query, else the header, else UNSIGNED-PAYLOAD (as MinIO does). */
    private static String payloadHash(SignedRequest request, List<QueryParam> query) {
        String hash = QueryParam.first(query, "X-Amz-Content-Sha256");
        if (hash == null) {
            hash = SigV4Verifier.strip(request.header(SigV4Verifier.X_AMZ_CONTENT_SHA256));
        }
        return hash == null ? PayloadMode.UNSIGNED_PAYLOAD : hash;
    }

    private static S3Exception queryError(String message) {
        return S3Exception.of(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR, message);
    }
}
