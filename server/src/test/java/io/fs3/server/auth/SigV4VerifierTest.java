package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Header-signed requests: sign with {@link TestSigner}, verify, then break one thing at a time. */
class SigV4VerifierTest {
    private final SigV4Verifier verifier = TestSigner.verifier();

    private static S3Exception fails(S3Error expected, Executable call) {
        S3Exception e = assertThrows(S3Exception.class, call);
        assertEquals(expected, e.error(), e.getMessage());
        return e;
    }

    private static SignedRequest withHeader(SignedRequest r, String name, String value) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(r.headers());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, List.of(value));
        }
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers);
    }

    private static SignedRequest rewriteAuthorization(SignedRequest r, UnaryOperator<String> change) {
        return withHeader(r, "Authorization", change.apply(r.header("Authorization")));
    }

    @Test
    void signedRequestVerifies() {
        SignedRequest r = TestSigner.request("GET", "/bucket/key").query("versionId=3").signHeader();
        AuthResult result = verifier.verify(r);
        assertEquals(TestSigner.ACCESS_KEY, result.accessKey());
        assertEquals(PayloadMode.SIGNED_SHA256, result.payload());
        assertEquals("20240501/us-east-1/s3/aws4_request", result.scope());
        assertEquals("20240501T120000Z", result.amzDate());
        assertFalse(result.presigned());
        assertEquals(32, result.signingKey().length);
        assertFalse(result.toString().contains(Crypto.hex(result.signingKey())), "toString must hide the key");
    }

    @Test
    void payloadModeFollowsContentSha256() {
        assertEquals(PayloadMode.UNSIGNED, verifier.verify(TestSigner.request("PUT", "/b/k")
                .payload("UNSIGNED-PAYLOAD").signHeader()).payload());
        assertEquals(PayloadMode.STREAMING_SIGNED_TRAILER, verifier.verify(TestSigner.request("PUT", "/b/k")
                .payload("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER").signHeader()).payload());
        assertEquals(PayloadMode.STREAMING_UNSIGNED_TRAILER, verifier.verify(TestSigner.request("PUT", "/b/k")
                .payload("STREAMING-UNSIGNED-PAYLOAD-TRAILER").signHeader()).payload());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b", "a b", "100%", "a%2Fb", "\u00fc/\u65e5\u672c", "a//b/../c/.", "x?y#z", "trailing/"})
    void hostileKeysVerifyAsSdksSendThem(String key) {
        String rawPath = UriEncoding.encode("/bucket/" + key, true);
        SignedRequest r = TestSigner.request("PUT", rawPath).payload("UNSIGNED-PAYLOAD").signHeader();
        assertEquals(TestSigner.ACCESS_KEY, verifier.verify(r).accessKey());
        assertEquals("/bucket/" + key, UriEncoding.decodePath(r.rawPath()));
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatchWithAwsDetails() {
        SignedRequest r = TestSigner.request("GET", "/bucket/key")
                .credentials(TestSigner.ACCESS_KEY, "not-the-secret").signHeader();
        S3Exception e = fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(r));
        assertEquals(TestSigner.ACCESS_KEY, e.details().get("AWSAccessKeyId"));
        assertTrue(e.details().get("StringToSign").startsWith("AWS4-HMAC-SHA256\n20240501T120000Z\n"));
        assertTrue(e.details().get("CanonicalRequest").startsWith("GET\n/bucket/key\n"));
        assertEquals(List.of("AWSAccessKeyId", "StringToSign", "SignatureProvided", "StringToSignBytes",
                "CanonicalRequest", "CanonicalRequestBytes"), List.copyOf(e.details().keySet()));
        assertFalse(e.details().containsValue("not-the-secret"));
    }

    @Test
    void anyChangeAfterSigningBreaksTheSignature() {
        SignedRequest r = TestSigner.request("GET", "/bucket/key").query("prefix=a&max-keys=2")
                .header("x-amz-meta-color", "blue").signHeader();
        verifier.verify(r);
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(
                new SignedRequest("GET", "/bucket/key2", r.rawQuery(), r.headers())));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(
                new SignedRequest("GET", "/bucket/key", "prefix=b&max-keys=2", r.headers())));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(
                new SignedRequest("PUT", "/bucket/key", r.rawQuery(), r.headers())));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(withHeader(r, "x-amz-meta-color", "red")));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(withHeader(r, "Host", "evil:9000")));
        // Query order and extra spaces in a header value do not matter.
        verifier.verify(new SignedRequest("GET", "/bucket/key", "max-keys=2&prefix=a", r.headers()));
        verifier.verify(withHeader(r, "x-amz-meta-color", "  blue "));
    }

    @Test
    void unknownAccessKeyIsInvalidAccessKeyId() {
        SignedRequest r = TestSigner.request("GET", "/b").credentials("AKIDUNKNOWN", "x").signHeader();
        S3Exception e = fails(S3Error.INVALID_ACCESS_KEY_ID, () -> verifier.verify(r));
        assertEquals("AKIDUNKNOWN", e.details().get("AWSAccessKeyId"));
    }

    @Test
    void wrongRegionIsMalformedWithAwsMessage() {
        SignedRequest r = TestSigner.request("GET", "/b").region("eu-west-1").signHeader();
        S3Exception e = fails(S3Error.AUTHORIZATION_HEADER_MALFORMED, () -> verifier.verify(r));
        assertEquals("The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'",
                e.getMessage());
        assertEquals("us-east-1", e.details().get("Region"));
    }

    @Test
    void serviceMustBeS3() {
        SignedRequest r = TestSigner.request("GET", "/b").service("iam").signHeader();
        S3Exception e = fails(S3Error.AUTHORIZATION_HEADER_MALFORMED, () -> verifier.verify(r));
        assertTrue(e.getMessage().contains("incorrect service \"iam\""), e.getMessage());
    }

    @Test
    void clockSkewIsLimited() {
        Instant now = TestSigner.NOW;
        verifier.verify(TestSigner.request("GET", "/b").at(now.minus(Duration.ofMinutes(14))).signHeader());
        verifier.verify(TestSigner.request("GET", "/b").at(now.plus(Duration.ofMinutes(14))).signHeader());
        S3Exception past = fails(S3Error.REQUEST_TIME_TOO_SKEWED, () -> verifier.verify(
                TestSigner.request("GET", "/b").at(now.minus(Duration.ofMinutes(16))).signHeader()));
        assertEquals("20240501T114400Z", past.details().get("RequestTime"));
        assertEquals("2024-05-01T12:00:00Z", past.details().get("ServerTime"));
        assertEquals("900000", past.details().get("MaxAllowedSkewMilliseconds"));
        fails(S3Error.REQUEST_TIME_TOO_SKEWED, () -> verifier.verify(
                TestSigner.request("GET", "/b").at(now.plus(Duration.ofMinutes(16))).signHeader()));
    }

    @Test
    void dateHeaderIsUsedWithoutXAmzDate() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", List.of(TestSigner.HOST));
        headers.put("Date", List.of("Wed, 01 May 2024 12:00:00 GMT"));
        headers.put("x-amz-content-sha256", List.of(TestSigner.EMPTY_SHA256));
        SignedRequest plain = new SignedRequest("GET", "/b", null, headers);
        List<String> signed = List.of("date", "host", "x-amz-content-sha256");
        String creq = CanonicalRequest.build(plain, List.of(), signed, TestSigner.EMPTY_SHA256, false);
        String scope = "20240501/us-east-1/s3/aws4_request";
        String sts = "AWS4-HMAC-SHA256\n20240501T120000Z\n" + scope + "\n"
                + TestSigner.sha256Hex(creq.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String sig = java.util.HexFormat.of().formatHex(TestSigner.hmac(TestSigner.request("GET", "/b").signingKey(), sts));
        SignedRequest r = withHeader(plain, "Authorization", "AWS4-HMAC-SHA256 Credential=" + TestSigner.ACCESS_KEY
                + "/" + scope + ",SignedHeaders=date;host;x-amz-content-sha256,Signature=" + sig);
        AuthResult result = verifier.verify(r);
        assertEquals("20240501T120000Z", result.amzDate());
    }

    @Test
    void missingOrInvalidDateIsAccessDenied() {
        SignedRequest r = TestSigner.request("GET", "/b").signHeader();
        S3Exception e = fails(S3Error.ACCESS_DENIED, () -> verifier.verify(withHeader(r, "x-amz-date", null)));
        assertEquals("AWS authentication requires a valid Date or x-amz-date header", e.getMessage());
        fails(S3Error.ACCESS_DENIED, () -> verifier.verify(withHeader(r, "x-amz-date", "2024-05-01T12:00:00Z")));
    }

    @Test
    void credentialDateMustMatchRequestDate() {
        SignedRequest r = TestSigner.request("GET", "/b").signHeader();
        SignedRequest other = rewriteAuthorization(r, a -> a.replace("/20240501/", "/20240430/"));
        S3Exception e = fails(S3Error.AUTHORIZATION_HEADER_MALFORMED, () -> verifier.verify(other));
        assertTrue(e.getMessage().contains("Invalid credential date \"20240430\""), e.getMessage());
    }

    @Test
    void contentSha256IsRequiredAndValidated() {
        SignedRequest missing = TestSigner.request("GET", "/b").payload(null).signHeader();
        S3Exception e = fails(S3Error.INVALID_REQUEST, () -> verifier.verify(missing));
        assertEquals("Missing required header for this request: x-amz-content-sha256", e.getMessage());
        fails(S3Error.INVALID_ARGUMENT, () -> verifier.verify(
                TestSigner.request("GET", "/b").payload("abc").signHeader()));
    }

    @Test
    void hostMustBeSigned() {
        SignedRequest r = TestSigner.request("GET", "/b").signHeader();
        SignedRequest noHost = rewriteAuthorization(r, a -> a.replace("SignedHeaders=host;", "SignedHeaders="));
        fails(S3Error.AUTHORIZATION_HEADER_MALFORMED, () -> verifier.verify(noHost));
    }

    @Test
    void unsignedAmzHeadersAreRejected() {
        SignedRequest r = TestSigner.request("PUT", "/b/k").signHeader();
        S3Exception e = fails(S3Error.ACCESS_DENIED, () -> verifier.verify(
                withHeader(r, "x-amz-copy-source", "/other/secret")));
        assertEquals("There were headers present in the request which were not signed", e.getMessage());
        assertEquals("x-amz-copy-source", e.details().get("HeadersNotSigned"));
        // Headers outside x-amz-* may be added by proxies and need not be signed.
        verifier.verify(withHeader(r, "User-Agent", "curl"));
    }

    @Test
    void authorizationHeaderFormattingVariantsAreTolerated() {
        SignedRequest r = TestSigner.request("GET", "/b").signHeader();
        String a = r.header("Authorization");
        String credential = a.substring(a.indexOf("Credential="), a.indexOf(','));
        String signedHeaders = a.substring(a.indexOf("SignedHeaders="), a.lastIndexOf(','));
        String signature = a.substring(a.indexOf("Signature="));
        for (String variant : List.of(
                "AWS4-HMAC-SHA256 " + credential + "," + signedHeaders + "," + signature,
                "AWS4-HMAC-SHA256 " + credential + " ,  " + signedHeaders + " , " + signature,
                "  AWS4-HMAC-SHA256    " + credential + ", " + signedHeaders + ", " + signature + "  ",
                "AWS4-HMAC-SHA256 " + signature + ", " + credential + ", " + signedHeaders,
                "AWS4-HMAC-SHA256 " + credential + ", " + signedHeaders + ", " + signature.toUpperCase()
                        .replace("SIGNATURE=", "Signature="))) {
            assertEquals(TestSigner.ACCESS_KEY, verifier.verify(withHeader(r, "Authorization", variant)).accessKey(),
                    variant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256 Credential=AKID/20240501/us-east-1/s3/aws4_request",
        "AWS4-HMAC-SHA256 Credential=AKID/20240501/us-east-1/s3/aws4_request, SignedHeaders=host",
        "AWS4-HMAC-SHA256 Credential=, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKID/2024/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKID/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKID/20240501/us-east-1/s3/aws5_request, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=a, Credential=b, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKID/20240501/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0, Foo=1"})
    void malformedAuthorizationHeaders(String authorization) {
        SignedRequest r = withHeader(TestSigner.request("GET", "/b").signHeader(), "Authorization", authorization);
        fails(S3Error.AUTHORIZATION_HEADER_MALFORMED, () -> verifier.verify(r));
    }

    @Test
    void otherSchemesAreRejected() {
        SignedRequest r = TestSigner.request("GET", "/b").signHeader();
        // Signature V2 is verified (SigV2VerifierTest), so a wrong V2 signature is a mismatch, not unsupported
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(
                withHeader(r, "Authorization", "AWS AKIDFS3TEST:frJIUN8DYpKDtOLCwo//yllqDzg=")));
        fails(S3Error.UNSUPPORTED_SIGNATURE, () -> verifier.verify(withHeader(r, "Authorization",
                "AWS4-ECDSA-P256-SHA256 Credential=AKID/20240501/s3/aws4_request, SignedHeaders=host, Signature=00")));
        fails(S3Error.INVALID_ARGUMENT, () -> verifier.verify(withHeader(r, "Authorization", "Bearer abc")));
        SignedRequest v2Query = new SignedRequest("GET", "/b/k", "AWSAccessKeyId=AK&Expires=1&Signature=x", Map.of());
        assertTrue(SigV4Verifier.isSigned(v2Query));
        fails(S3Error.INVALID_ACCESS_KEY_ID, () -> verifier.verify(v2Query));
    }

    @Test
    void headerAndQueryAuthTogetherAreRejected() {
        SignedRequest r = TestSigner.request("GET", "/b").signHeader();
        S3Exception e = fails(S3Error.INVALID_ARGUMENT, () -> verifier.verify(
                new SignedRequest("GET", "/b", "X-Amz-Algorithm=AWS4-HMAC-SHA256", r.headers())));
        assertTrue(e.getMessage().startsWith("Only one auth mechanism allowed"), e.getMessage());
    }

    @Test
    void isSignedDetectsEveryMechanism() {
        assertFalse(SigV4Verifier.isSigned(new SignedRequest("GET", "/b", null, Map.of())));
        assertFalse(SigV4Verifier.isSigned(new SignedRequest("GET", "/b", "prefix=X-Amz-Signature&Signature", Map.of())));
        assertTrue(SigV4Verifier.isSigned(TestSigner.request("GET", "/b").signHeader()));
        assertTrue(SigV4Verifier.isSigned(new SignedRequest("GET", "/b", "a=1&X-Amz-Signature=abc", Map.of())));
        assertTrue(SigV4Verifier.isSigned(new SignedRequest("GET", "/b", "X-Amz-Credential=x", Map.of())));
        S3Exception e = fails(S3Error.ACCESS_DENIED, () -> verifier.verify(new SignedRequest("GET", "/b", null, Map.of())));
        assertEquals("Access Denied", e.getMessage());
    }

    @Test
    void plusInTheQueryIsASpace() {
        // S3 and MinIO read '+' in a query as a space; SDKs send a space as %20 and a plus as %2B.
        assertEquals("prefix=a%20b", CanonicalRequest.canonicalQuery(QueryParam.parse("prefix=a+b"), false));
        assertEquals("prefix=a%20b", CanonicalRequest.canonicalQuery(QueryParam.parse("prefix=a%20b"), false));
        assertEquals("prefix=a%2Bb", CanonicalRequest.canonicalQuery(QueryParam.parse("prefix=a%2Bb"), false));
        SignedRequest r = TestSigner.request("GET", "/b").query("prefix=a%20b").signHeader();
        verifier.verify(new SignedRequest("GET", "/b", "prefix=a+b", r.headers()));
    }

    @Test
    void canonicalQueryHandlesEmptyValuesAndSorting() {
        assertEquals("delete=&uploads=", CanonicalRequest.canonicalQuery(QueryParam.parse("uploads&delete="), false));
        assertEquals("a=1&a=2&b=", CanonicalRequest.canonicalQuery(QueryParam.parse("b&a=2&&a=1"), false));
        assertEquals("X-Amz-Date=1", CanonicalRequest.canonicalQuery(
                QueryParam.parse("X-Amz-Signature=s&X-Amz-Date=1"), true));
        assertEquals("delimiter=%2F&encoding-type=url&list-type=2&prefix=", CanonicalRequest.canonicalQuery(
                QueryParam.parse("list-type=2&prefix=&delimiter=%2F&encoding-type=url"), false));
    }
}
