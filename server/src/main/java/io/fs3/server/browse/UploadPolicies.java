package io.fs3.server.browse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.CredentialStore;
import io.fs3.server.auth.SigV4Signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The signed form fields of a browser upload: an S3 POST policy for one bucket and key prefix, signed with
 * the signed-in user's secret, so the upload itself is an ordinary PostObject that fs3 verifies like any other.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
public final class UploadPolicies {
    /** AWS's single-request upload limit, which PostObject shares with PutObject. */
    static final long MAX_UPLOAD = 5L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private final CredentialStore credentials;
    private final String region;

    public UploadPolicies(CredentialStore credentials, String region) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
    }

    /**
     * Fields in form order (the page adds {@code key}, {@code Content-Type} and the file): uploads by
     * {@code accessKey} into {@code bucket} under {@code prefix}, valid from {@code now} until {@code expires}.
     */
    public Map<String, String> fields(String accessKey, String bucket, String prefix, Instant now, Instant expires) {
        Secret secret = credentials.secretFor(accessKey).orElseThrow(() -> S3Exception.of(S3Error.ACCESS_DENIED));
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        String credential = accessKey + "/" + SigV4Signing.scope(date, region, "s3");
        ObjectNode policy = JSON.createObjectNode();
        policy.put("expiration", expires.truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode conditions = policy.putArray("conditions");
        conditions.addObject().put("bucket", bucket);
        conditions.addArray().add("starts-with").add("$key").add(prefix);
        conditions.addArray().add("starts-with").add("$Content-Type").add("");
        conditions.addArray().add("content-length-range").add(0).add(MAX_UPLOAD);
        conditions.addObject().put("x-amz-algorithm", SigV4Signing.ALGORITHM);
        conditions.addObject().put("x-amz-credential", credential);
        conditions.addObject().put("x-amz-date", amzDate);
        String encoded = Base64.getEncoder().encodeToString(policy.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("policy", encoded);
        fields.put("x-amz-algorithm", SigV4Signing.ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", amzDate);
        fields.put("x-amz-signature", SigV4Signing.signature(SigV4Signing.signingKey(secret.reveal(), date, region, "s3"),
                encoded));
        return fields;
    }
}
