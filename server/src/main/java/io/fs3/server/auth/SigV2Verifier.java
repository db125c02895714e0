package io.fs3.server.auth;

import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * AWS Signature Version 2, for older clients (s3cmd with signature_v2, boto's 's3' signer): the
 * {@code Authorization: AWS AK:signature} header and presigned {@code AWSAccessKeyId/Expires/Signature}
 * queries, HMAC-SHA1 over {@link SigV2Canonical}. Bodies are not signed by V2: they are verified against
 * Content-MD5 and any checksum or x-amz-content-sha256 header, as for UNSIGNED-PAYLOAD.
 */
final class SigV2Verifier {
    private static final String PREFIX = "AWS ";
    private final CredentialStore credentials;
    private final Duration maxClockSkew;
    private final Clock clock;
    private final Function<String, Optional<String>> bucketFromHost;

    SigV2Verifier(CredentialStore credentials, Duration maxClockSkew, Clock clock,
                  Function<String, Optional<String>> bucketFromHost) {
        this.credentials = credentials;
        this.maxClockSkew = maxClockSkew;
        this.clock = clock;
        this.bucketFromHost = bucketFromHost;
    }

    static boolean isV2Header(String authorization) {
        return authorization.startsWith(PREFIX);
    }

    AuthResult verifyHeader(SignedRequest r, String authorization) {
        String credential = authorization.substring(PREFIX.length()).strip();
        int colon = credential.lastIndexOf(':');
        if (colon <= 0 || colon == credential.length() - 1) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "AWS authorization header is invalid.  Expected AwsAccessKeyId:signature")
                    .withDetail("ArgumentName", "Authorization");
        }
        String accessKey = credential.substring(0, colon);
        String signature = credential.substring(colon + 1);
        String amzDate = r.header("x-amz-date");
        String sent = amzDate != null ? amzDate : r.header("Date");
        Instant time = AmzDates.parseHttpDate(sent);
        if (time == null && sent != null) {
            time = AmzDates.parseAmzDate(sent.strip()); // some clients send the ISO basic format
        }
        if (time == null) {
            throw S3Exception.of(S3Error.ACCESS_DENIED, "AWS authentication requires a valid Date or x-amz-date header");
        }
        Secret secret = secretFor(accessKey);
        Instant now = clock.instant();
        if (Duration.between(time, now).abs().compareTo(maxClockSkew) > 0) {
            throw S3Exception.of(S3Error.REQUEST_TIME_TOO_SKEWED).withDetail("RequestTime", sent)
                    .withDetail("ServerTime", AmzDates.iso(now))
                    .withDetail("MaxAllowedSkewMilliseconds", Long.toString(maxClockSkew.toMillis()));
        }
        String dateHeader = r.header("Date");
        check(r, accessKey, secret, signature, dateHeader == null ? null : dateHeader.strip(), amzDate != null);
        return result(r, accessKey, signature, time, false);
    }

    AuthResult verifyQuery(SignedRequest r) {
        List<QueryParam> q = QueryParam.parse(r.rawQuery());
        String accessKey = QueryParam.first(q, "AWSAccessKeyId");
        String signature = QueryParam.first(q, "Signature");
        String expires = QueryParam.first(q, "Expires");
        if (accessKey == null || signature == null || expires == null) {
            throw S3Exception.of(S3Error.ACCESS_DENIED,
                    "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
        }
        long expiry;
        try {
            expiry = Long.parseLong(expires.strip());
        } catch (NumberFormatException e) {
            throw S3Exception.of(S3Error.ACCESS_DENIED, "Invalid date (should be seconds since epoch): " + expires);
        }
        Secret secret = secretFor(accessKey);
        Instant now = clock.instant();
        if (now.getEpochSecond() > expiry) {
            throw S3Exception.of(S3Error.REQUEST_EXPIRED).withDetail("Expires", AmzDates.iso(Instant.ofEpochSecond(expiry)))
                    .withDetail("ServerTime", AmzDates.iso(now));
        }
        if (expiry - now.getEpochSecond() > PresignedVerifier.MAX_EXPIRES_SECONDS + maxClockSkew.toSeconds()) {
            throw S3Exception.of(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                    "Expires must be less than a week (604800 seconds) in the future");
        }
        // '+' in an unencoded signature reads as a space; base64 has no spaces
        String sig = signature.replace(' ', '+');
        check(r, accessKey, secret, sig, expires.strip(), false);
        return result(r, accessKey, sig, now, true);
    }

    private void check(SignedRequest r, String accessKey, Secret secret, String signature, String dateLine,
                       boolean amzDateSent) {
        String bucket = bucketFromHost.apply(r.header("Host")).orElse(null);
        List<String> candidates = SigV2Canonical.candidates(r, dateLine, amzDateSent, bucket);
        byte[] provided = signature.getBytes(StandardCharsets.US_ASCII);
        for (String stringToSign : candidates) {
            if (MessageDigest.isEqual(sign(secret, stringToSign).getBytes(StandardCharsets.US_ASCII), provided)) {
                return;
            }
        }
        throw SigV4Verifier.signatureMismatch(accessKey, candidates.get(0), signature, null);
    }

    /** Base64(HMAC-SHA1(secret, stringToSign)). */
    static String sign(Secret secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    private Secret secretFor(String accessKey) {
        return credentials.secretFor(accessKey).orElseThrow(() -> S3Exception.of(S3Error.INVALID_ACCESS_KEY_ID)
                .withDetail("AWSAccessKeyId", accessKey));
    }

    /** A hex x-amz-content-sha256 is still verified; everything else reads like UNSIGNED-PAYLOAD. */
    private static AuthResult result(SignedRequest r, String accessKey, String signature, Instant time, boolean presigned) {
        String sha = SigV4Verifier.strip(r.header(SigV4Verifier.X_AMZ_CONTENT_SHA256));
        boolean hex = sha != null && Crypto.isSha256Hex(sha);
        return new AuthResult(accessKey, hex ? PayloadMode.SIGNED_SHA256 : PayloadMode.UNSIGNED,
                hex ? sha : PayloadMode.UNSIGNED_PAYLOAD, AmzDates.format(time), "", signature, new byte[0], presigned);
    }
}
