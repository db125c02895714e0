package io.fs3.server.it;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Cheap probes for S3 features an endpoint may not have (yet), so client tests that need them are skipped with
 * the reason instead of failing: a feature still being built must not break the suite, and a feature that exists
 * must be exercised.
 */
final class ServerFeatures {
    private ServerFeatures() {
    }

    /**
     * Whether the endpoint accepts AWS Signature Version 2: a V2-signed ListBuckets ({@code Authorization: AWS
     * key:signature}) answers 200. Servers without V2 answer 400 (s3cmd then silently falls back to V4).
     */
    static boolean sigV2(TestServer server) throws Exception {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        String stringToSign = "GET\n\n\n\nx-amz-date:" + date + "\n/";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(server.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("x-amz-date", date).header("Authorization", "AWS " + server.accessKey() + ":" + signature).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200;
    }

    /** Whether the endpoint implements ACLs: GetBucketAcl on an existing bucket succeeds (fs3 without them: 501). */
    static boolean acls(S3Client s3, String existingBucket) {
        try {
            s3.getBucketAcl(b -> b.bucket(existingBucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                return false;
            }
            throw e;
        }
    }
}
