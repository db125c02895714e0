package io.fs3.server.browse;

import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.CanonicalRequest;
import io.fs3.server.auth.CredentialStore;
import io.fs3.server.auth.QueryParam;
import io.fs3.server.auth.SigV4Signing;
import io.fs3.server.auth.SignedRequest;
import io.fs3.server.auth.UriEncoding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Presigned GET URLs (SigV4 query-string authentication) made for a signed-in browser user with their own
 * secret, through the same canonical-request code the verifier uses, so fs3 accepts exactly what it makes.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
public final class Presigner {
    /** SigV4's limit for X-Amz-Expires (one week). */
    public static final Duration MAX_EXPIRY = Duration.ofDays(7);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final CredentialStore credentials;
    private final String region;
    private final Clock clock;

    public Presigner(CredentialStore credentials, String region, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@code origin} is {@code scheme://host[:port]} exactly as the browser addressed fs3 (the host is signed);
     * {@code extra} are further signed query parameters such as {@code response-content-disposition}.
     */
    public String presignGet(String accessKey, String origin, String bucket, String key, Duration expiry,
                             Map<String, String> extra) {
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalArgumentException("expiry must be between 1s and 7 days: " + expiry);
        }
        Secret secret = credentials.secretFor(accessKey).orElseThrow(() -> S3Exception.of(S3Error.ACCESS_DENIED));
        String amzDate = AMZ_DATE.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        String date = amzDate.substring(0, 8);
        String scope = SigV4Signing.scope(date, region, "s3");
        String rawPath = "/" + UriEncoding.encode(bucket, false) + "/" + UriEncoding.encode(key, true);
        List<QueryParam> params = new ArrayList<>();
        params.add(new QueryParam("X-Amz-Algorithm", SigV4Signing.ALGORITHM));
        params.add(new QueryParam("X-Amz-Credential", accessKey + "/" + scope));
        params.add(new QueryParam("X-Amz-Date", amzDate));
        params.add(new QueryParam("X-Amz-Expires", Long.toString(expiry.getSeconds())));
        params.add(new QueryParam("X-Amz-SignedHeaders", "host"));
        new TreeMap<>(extra).forEach((name, value) -> params.add(new QueryParam(name, value)));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("host", List.of(hostOf(origin)));
        String canonical = CanonicalRequest.build(new SignedRequest("GET", rawPath, null, headers), params,
                List.of("host"), UNSIGNED_PAYLOAD, true);
        String signature = SigV4Signing.signature(SigV4Signing.signingKey(secret.reveal(), date, region, "s3"),
                SigV4Signing.stringToSign(amzDate, scope, canonical));
        return origin + rawPath + "?" + CanonicalRequest.canonicalQuery(params, false) + "&X-Amz-Signature=" + signature;
    }

    /** When a URL made now with this expiry stops working. */
    public Instant expiresAt(Duration expiry) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(expiry);
    }

    private static String hostOf(String origin) {
        int start = origin.indexOf("://");
        if (start < 0) {
            throw new IllegalArgumentException("origin must be scheme://host: " + origin);
        }
        return origin.substring(start + 3);
    }
}
