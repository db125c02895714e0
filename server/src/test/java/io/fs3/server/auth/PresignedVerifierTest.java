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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presigned URLs (query-string SigV4). */
class PresignedVerifierTest {
    private static final Instant NOW = TestSigner.NOW;

    private static S3Exception fails(S3Error expected, Executable call) {
        S3Exception e = assertThrows(S3Exception.class, call);
        assertEquals(expected, e.error(), e.getMessage());
        return e;
    }

    private static SignedRequest withQuery(SignedRequest r, String query) {
        return new SignedRequest(r.method(), r.rawPath(), query, r.headers());
    }

    @Test
    void presignedGetVerifies() {
        SignedRequest r = TestSigner.request("GET", "/bucket/photo%20one.jpg")
                .query("response-content-disposition=attachment%3B%20filename%3D%22a%20b.jpg%22").presign(3600);
        AuthResult result = TestSigner.verifier().verify(r);
        assertEquals(TestSigner.ACCESS_KEY, result.accessKey());
        assertTrue(result.presigned());
        assertEquals(PayloadMode.UNSIGNED, result.payload());
        assertEquals("UNSIGNED-PAYLOAD", result.payloadHash());
    }

    @Test
    void presignedUrlExpires() {
        SignedRequest r = TestSigner.request("GET", "/b/k").at(NOW).presign(60);
        TestSigner.verifier(NOW.plusSeconds(60)).verify(r);
        S3Exception e = fails(S3Error.REQUEST_EXPIRED, () -> TestSigner.verifier(NOW.plusSeconds(61)).verify(r));
        assertEquals("AccessDenied", e.error().code());
        assertEquals("Request has expired", e.getMessage());
        assertEquals("60", e.details().get("X-Amz-Expires"));
        assertEquals("2024-05-01T12:01:00Z", e.details().get("Expires"));
    }

    @Test
    void presignedUrlFromTheFutureIsNotValidYet() {
        SignedRequest soon = TestSigner.request("GET", "/b/k").at(NOW.plus(Duration.ofMinutes(10))).presign(60);
        TestSigner.verifier(NOW).verify(soon);
        SignedRequest later = TestSigner.request("GET", "/b/k").at(NOW.plus(Duration.ofMinutes(20))).presign(3600);
        S3Exception e = fails(S3Error.REQUEST_NOT_YET_VALID, () -> TestSigner.verifier(NOW).verify(later));
        assertEquals("Request is not yet valid", e.getMessage());
        assertEquals("AccessDenied", e.error().code());
    }

    @Test
    void expiresIsLimitedToAWeek() {
        TestSigner.verifier().verify(TestSigner.request("GET", "/b/k").presign(604800));
        S3Exception e = fails(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                () -> TestSigner.verifier().verify(TestSigner.request("GET", "/b/k").presign(604801)));
        assertEquals("X-Amz-Expires must be less than a week (in seconds) that is 604800", e.getMessage());
        fails(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                () -> TestSigner.verifier().verify(TestSigner.request("GET", "/b/k").presign(-1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
        "X-Amz-Signature"})
    void everyParameterIsRequired(String name) {
        SignedRequest r = TestSigner.request("GET", "/b/k").presign(60);
        StringBuilder query = new StringBuilder();
        for (String p : r.rawQuery().split("&")) {
            if (!p.startsWith(name + "=")) {
                query.append(query.length() == 0 ? "" : "&").append(p);
            }
        }
        S3Exception e = fails(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                () -> TestSigner.verifier().verify(withQuery(r, query.toString())));
        assertTrue(e.getMessage().startsWith("Query-string authentication requires"), e.getMessage());
    }

    @Test
    void malformedParametersAreQueryErrors() {
        SignedRequest r = TestSigner.request("GET", "/b/k").presign(60);
        String q = r.rawQuery();
        S3Exception alg = fails(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR, () -> TestSigner.verifier()
                .verify(withQuery(r, q.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"))));
        assertEquals("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"", alg.getMessage());
        fails(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR, () -> TestSigner.verifier()
                .verify(withQuery(r, q.replace("X-Amz-Date=20240501T120000Z", "X-Amz-Date=2024-05-01"))));
        fails(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR, () -> TestSigner.verifier()
                .verify(withQuery(r, q.replace("X-Amz-Expires=60", "X-Amz-Expires=soon"))));
        S3Exception region = fails(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR, () -> TestSigner.verifier()
                .verify(withQuery(r, q.replace("%2Fus-east-1%2F", "%2Fap-south-1%2F"))));
        assertEquals("Error parsing the X-Amz-Credential parameter; the region 'ap-south-1' is wrong; "
                + "expecting 'us-east-1'", region.getMessage());
    }

    @Test
    void tamperingWithTheQueryBreaksTheSignature() {
        SignedRequest r = TestSigner.request("GET", "/b/k").query("versionId=1").presign(60);
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> TestSigner.verifier()
                .verify(withQuery(r, r.rawQuery().replace("versionId=1", "versionId=2"))));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> TestSigner.verifier()
                .verify(withQuery(r, r.rawQuery() + "&acl")));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> TestSigner.verifier()
                .verify(new SignedRequest("GET", "/b/other", r.rawQuery(), r.headers())));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> TestSigner.verifier()
                .verify(withQuery(r, r.rawQuery().replace("X-Amz-Expires=60", "X-Amz-Expires=600"))));
    }

    @Test
    void unknownKeyAndWrongSecret() {
        fails(S3Error.INVALID_ACCESS_KEY_ID, () -> TestSigner.verifier()
                .verify(TestSigner.request("GET", "/b/k").credentials("NOPE", "x").presign(60)));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> TestSigner.verifier()
                .verify(TestSigner.request("GET", "/b/k").credentials(TestSigner.ACCESS_KEY, "wrong").presign(60)));
    }

    @Test
    void unsignedAmzHeadersAreRejected() {
        SignedRequest r = TestSigner.request("PUT", "/b/k").presign(60);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(r.headers());
        headers.put("x-amz-acl", List.of("public-read"));
        S3Exception e = fails(S3Error.ACCESS_DENIED, () -> TestSigner.verifier()
                .verify(new SignedRequest("PUT", "/b/k", r.rawQuery(), headers)));
        assertEquals("x-amz-acl", e.details().get("HeadersNotSigned"));
        SignedRequest signedAcl = TestSigner.request("PUT", "/b/k").header("x-amz-acl", "public-read").presign(60);
        TestSigner.verifier().verify(signedAcl);
    }
}
