package io.fs3.server.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * Outcome of a successful signature check: who signed and what the body must satisfy.
 *
 * @param accessKey     the access key that signed the request
 * @param payload       how the body must be decoded and verified
 * @param payloadHash   the payload hash the signature covers ({@code x-amz-content-sha256} as sent,
 *                      or {@code UNSIGNED-PAYLOAD} for presigned URLs without one)
 * @param amzDate       request time in ISO-8601 basic format ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param scope         credential scope {@code yyyymmdd/region/s3/aws4_request}
 * @param seedSignature the verified request signature; chunk signatures chain from it
 * @param signingKey    the derived SigV4 signing key, needed to check chunk and trailer signatures
 * @param presigned     true if authenticated by query parameters (presigned URL)
 */
public record AuthResult(String accessKey, PayloadMode payload, String payloadHash, String amzDate, String scope,
                         String seedSignature, byte[] signingKey, boolean presigned) {

    public AuthResult {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(payloadHash, "payloadHash");
        Objects.requireNonNull(amzDate, "amzDate");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(seedSignature, "seedSignature");
        signingKey = signingKey.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    /** The key without a defensive copy, for this package's chunk verification. */
    byte[] key() {
        return signingKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthResult r && r.accessKey.equals(accessKey) && r.payload == payload
                && r.payloadHash.equals(payloadHash) && r.amzDate.equals(amzDate) && r.scope.equals(scope)
                && r.seedSignature.equals(seedSignature) && Arrays.equals(r.signingKey, signingKey)
                && r.presigned == presigned;
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, payload, seedSignature);
    }

    /** Never prints the signing key. */
    @Override
    public String toString() {
        return "AuthResult[accessKey=" + accessKey + ", payload=" + payload + ", scope=" + scope
                + ", presigned=" + presigned + "]";
    }
}
