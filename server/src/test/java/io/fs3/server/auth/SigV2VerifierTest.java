package io.fs3.server.auth;

import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signature V2 against the examples of AWS's "Signing and authenticating REST requests" page. */
class SigV2VerifierTest {
    private static final String AK = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant NOW = Instant.parse("2007-03-27T19:40:00Z");
    private static final CredentialStore STORE = ak -> ak.equals(AK) ? Optional.of(Secret.of(SECRET)) : Optional.empty();

    private static SigV4Verifier verifier(Instant now) {
        return new SigV4Verifier(STORE, "us-east-1", Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC),
                host -> host != null && host.endsWith(".s3.amazonaws.com")
                        ? Optional.of(host.substring(0, host.indexOf('.'))) : Optional.empty());
    }

    private static SignedRequest request(String method, String path, String query, String... headers) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        return new SignedRequest(method, path, query, h);
    }

    @Test
    void awsObjectGetExampleVerifiesVirtualHostStyle() {
        SignedRequest r = request("GET", "/photos/puppy.jpg", null, "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000", "Authorization", "AWS " + AK + ":bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
        AuthResult result = verifier(NOW).verify(r);
        assertThat(result.accessKey()).isEqualTo(AK);
        assertThat(result.payload()).isEqualTo(PayloadMode.UNSIGNED);
        assertThat(result.presigned()).isFalse();
    }

    @Test
    void awsObjectPutListAndAclExamplesVerify() {
        Instant at = Instant.parse("2007-03-27T21:10:00Z");
        verifier(at).verify(request("PUT", "/photos/puppy.jpg", null, "Host", "johnsmith.s3.amazonaws.com",
                "Content-Type", "image/jpeg", "Content-Length", "94328", "Date", "Tue, 27 Mar 2007 21:15:45 +0000",
                "Authorization", "AWS " + AK + ":MyyxeRY7whkBe+bq8fHCL/2kKUg="));
        verifier(NOW).verify(request("GET", "/", "prefix=photos&max-keys=50&marker=puppy", "Host",
                "johnsmith.s3.amazonaws.com", "Date", "Tue, 27 Mar 2007 19:42:41 +0000",
                "Authorization", "AWS " + AK + ":htDYFYduRNen8P9ZfE/s9SuKy0U="));
        verifier(NOW).verify(request("GET", "/", "acl", "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:44:46 +0000", "Authorization", "AWS " + AK + ":c2WLPFtWHVgbEmeEG93a4cG37dM="));
    }

    @Test
    void awsDeleteExampleWithXAmzDateSignsAnEmptyDateLine() {
        verifier(Instant.parse("2007-03-27T21:20:00Z")).verify(request("DELETE", "/johnsmith/photos/puppy.jpg", null,
                "Host", "s3.amazonaws.com", "Date", "Tue, 27 Mar 2007 21:20:27 +0000",
                "x-amz-date", "Tue, 27 Mar 2007 21:20:26 +0000", "Authorization", "AWS " + AK + ":R4dJ53KECjStyBO5iTBJZ4XVOaI="));
    }

    @Test
    void pathStyleSignsTheBucketInThePath() {
        String sts = "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg";
        String sig = SigV2Verifier.sign(Secret.of(SECRET), sts);
        assertThat(sig).isEqualTo("bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
        verifier(NOW).verify(request("GET", "/johnsmith/photos/puppy.jpg", null, "Host", "127.0.0.1:9000",
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000", "Authorization", "AWS " + AK + ":" + sig));
    }

    @Test
    void tamperingFailsWithTheStringToSign() {
        SignedRequest r = request("GET", "/photos/kitten.jpg", null, "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000", "Authorization", "AWS " + AK + ":bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
        assertThatThrownBy(() -> verifier(NOW).verify(r)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.error()).isEqualTo(S3Error.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.details().get("StringToSign")).endsWith("/johnsmith/photos/kitten.jpg");
        });
        SignedRequest unknown = request("GET", "/b/k", null, "Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization", "AWS NOBODY:bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
        assertThatThrownBy(() -> verifier(NOW).verify(unknown)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_ACCESS_KEY_ID));
    }

    @Test
    void clockSkewAndMissingDateAreRefused() {
        SignedRequest r = request("GET", "/photos/puppy.jpg", null, "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000", "Authorization", "AWS " + AK + ":bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
        assertThatThrownBy(() -> verifier(NOW.plus(Duration.ofHours(1))).verify(r)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.REQUEST_TIME_TOO_SKEWED));
        SignedRequest undated = request("GET", "/b/k", null, "Authorization", "AWS " + AK + ":x");
        assertThatThrownBy(() -> verifier(NOW).verify(undated)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.ACCESS_DENIED));
    }

    @Test
    void presignedQueryVerifiesUntilItExpires() {
        long expires = NOW.getEpochSecond() + 600;
        String sig = SigV2Verifier.sign(Secret.of(SECRET), "GET\n\n\n" + expires + "\n/johnsmith/photos/puppy.jpg");
        String query = "AWSAccessKeyId=" + AK + "&Expires=" + expires + "&Signature="
                + URLEncoder.encode(sig, StandardCharsets.UTF_8);
        SignedRequest r = request("GET", "/johnsmith/photos/puppy.jpg", query, "Host", "127.0.0.1:9000");
        AuthResult ok = verifier(NOW).verify(r);
        assertThat(ok.presigned()).isTrue();
        assertThat(ok.accessKey()).isEqualTo(AK);
        assertThatThrownBy(() -> verifier(NOW.plusSeconds(601)).verify(r)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.REQUEST_EXPIRED));
        long tooLong = NOW.getEpochSecond() + 8 * 86_400;
        String longSig = SigV2Verifier.sign(Secret.of(SECRET), "GET\n\n\n" + tooLong + "\n/johnsmith/photos/puppy.jpg");
        SignedRequest week = request("GET", "/johnsmith/photos/puppy.jpg", "AWSAccessKeyId=" + AK + "&Expires=" + tooLong
                + "&Signature=" + URLEncoder.encode(longSig, StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier(NOW).verify(week)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR));
    }

    @Test
    void subResourcesAreSignedSortedAndOtherParametersNot() {
        assertThat(SigV2Canonical.subResources("uploadId=abc&partNumber=2&max-parts=5", false))
                .isEqualTo("?partNumber=2&uploadId=abc");
        assertThat(SigV2Canonical.subResources("acl", false)).isEqualTo("?acl");
        assertThat(SigV2Canonical.subResources("uploads=", false)).isEqualTo("?uploads=");
        assertThat(SigV2Canonical.subResources("uploads=", true)).isEqualTo("?uploads");
        assertThat(SigV2Canonical.subResources("prefix=a&delimiter=%2F", false)).isEmpty();
        assertThat(SigV2Canonical.subResources("response-content-type=text%2Fplain", false))
                .isEqualTo("?response-content-type=text/plain");
    }

    @Test
    void amzHeadersAreLowerCasedSortedAndJoined() {
        SignedRequest r = new SignedRequest("PUT", "/b/k", null, Map.of("X-Amz-Meta-B", List.of("2"),
                "x-amz-meta-a", List.of(" 1 ", "3"), "Content-Type", List.of("x")));
        assertThat(SigV2Canonical.amzHeaders(r)).isEqualTo("x-amz-meta-a:1,3\nx-amz-meta-b:2\n");
    }
}
