package io.fs3.server.auth;

import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked examples of AWS's S3 API reference, verified end to end by {@link SigV4Verifier}. */
class S3DocExamplesTest {
    private static final String DIR = "s3-examples";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant TIME = Instant.parse("2013-05-24T00:00:00Z");

    private static SigV4Verifier verifierAt(Instant now) {
        CredentialStore store = ak -> ak.equals(ACCESS_KEY) ? Optional.of(Secret.of(SECRET)) : Optional.empty();
        return new SigV4Verifier(store, "us-east-1", Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The example request with its published Authorization header added. */
    private static SignedRequest signed(Vectors.Vector v) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(v.request().headers());
        headers.put("Authorization", List.of(v.authz()));
        return new SignedRequest(v.request().method(), v.request().rawPath(), v.request().rawQuery(), headers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get-object", "put-object", "get-bucket-lifecycle", "list-objects", "put-object-chunked"})
    void canonicalRequestAndStringToSignMatchTheDocs(String name) {
        Vectors.Vector v = Vectors.load(DIR, name);
        String payloadHash = v.request().header("x-amz-content-sha256").strip();
        String creq = CanonicalRequest.build(v.request(), QueryParam.parse(v.request().rawQuery()), v.signedHeaders(),
                payloadHash, false);
        assertEquals(v.creq(), creq);
        assertEquals(v.sts(), SigV4Signing.stringToSign("20130524T000000Z", "20130524/us-east-1/s3/aws4_request", creq));
    }

    @ParameterizedTest
    @ValueSource(strings = {"get-object", "put-object", "get-bucket-lifecycle", "list-objects", "put-object-chunked"})
    void publishedAuthorizationHeaderVerifies(String name) {
        Vectors.Vector v = Vectors.load(DIR, name);
        AuthResult result = verifierAt(TIME).verify(signed(v));
        assertEquals(ACCESS_KEY, result.accessKey());
        assertEquals(v.signature(), result.seedSignature());
        assertEquals("20130524/us-east-1/s3/aws4_request", result.scope());
        assertFalse(result.presigned());
    }

    @Test
    void publishedSignatureFailsWithAnotherSecret() {
        Vectors.Vector v = Vectors.load(DIR, "get-object");
        CredentialStore store = ak -> Optional.of(Secret.of(SECRET + "x"));
        SigV4Verifier verifier = new SigV4Verifier(store, "us-east-1", Duration.ofMinutes(15),
                Clock.fixed(TIME, ZoneOffset.UTC));
        S3Exception e = assertThrows(S3Exception.class, () -> verifier.verify(signed(v)));
        assertEquals(S3Error.SIGNATURE_DOES_NOT_MATCH, e.error());
        assertEquals(v.sts(), e.details().get("StringToSign"));
        assertEquals(v.creq(), e.details().get("CanonicalRequest"));
        assertEquals(v.signature(), e.details().get("SignatureProvided"));
    }

    @Test
    void putObjectBodyIsVerifiedAgainstThePayloadHash() throws IOException {
        Vectors.Vector v = Vectors.load(DIR, "put-object");
        SignedRequest request = signed(v);
        AuthResult result = verifierAt(TIME).verify(request);
        assertEquals(PayloadMode.SIGNED_SHA256, result.payload());
        VerifiedPayload ok = PayloadStreams.wrap(new ByteArrayInputStream(v.body()), result, request);
        assertEquals("Welcome to Amazon S3.", new String(ok.stream().readAllBytes(), StandardCharsets.UTF_8));
        byte[] other = "Welcome to Amazon S4.".getBytes(StandardCharsets.UTF_8);
        InputStream bad = PayloadStreams.wrap(new ByteArrayInputStream(other), result, request).stream();
        S3Exception e = assertThrows(S3Exception.class, bad::readAllBytes);
        assertEquals(S3Error.CONTENT_SHA256_MISMATCH, e.error());
    }

    @Test
    void presignedExampleVerifiesUntilItExpires() {
        Vectors.Vector v = Vectors.load(DIR, "presigned-get-object");
        List<QueryParam> params = QueryParam.parse(v.request().rawQuery());
        assertEquals(v.creq(), CanonicalRequest.build(v.request(), params, List.of("host"), "UNSIGNED-PAYLOAD", true));
        AuthResult result = verifierAt(TIME.plusSeconds(3600)).verify(v.request());
        assertTrue(result.presigned());
        assertEquals(PayloadMode.UNSIGNED, result.payload());
        assertEquals("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404", result.seedSignature());
        // X-Amz-Expires=86400: valid at the last second, expired one second later.
        verifierAt(TIME.plusSeconds(86400)).verify(v.request());
        S3Exception e = assertThrows(S3Exception.class, () -> verifierAt(TIME.plusSeconds(86401)).verify(v.request()));
        assertEquals(S3Error.REQUEST_EXPIRED, e.error());
        assertEquals("Request has expired", e.getMessage());
    }

    @Test
    void chunkedExampleDecodesWithThePublishedChunkSignatures() throws IOException {
        Vectors.Vector v = Vectors.load(DIR, "put-object-chunked");
        byte[] body = chunkedBody(false);
        assertEquals(66824, body.length, "Content-Length of the published example");
        SignedRequest request = signed(v);
        AuthResult result = verifierAt(TIME).verify(request);
        assertEquals(PayloadMode.STREAMING_SIGNED, result.payload());
        VerifiedPayload payload = PayloadStreams.wrap(new ByteArrayInputStream(body), result, request);
        assertEquals(66560, payload.decodedLength());
        byte[] decoded = payload.stream().readAllBytes();
        byte[] expected = new byte[66560];
        Arrays.fill(expected, (byte) 'a');
        assertArrayEquals(expected, decoded);
    }

    @Test
    void chunkedExampleWithOneChangedByteFails() {
        Vectors.Vector v = Vectors.load(DIR, "put-object-chunked");
        byte[] body = chunkedBody(true);
        SignedRequest request = signed(v);
        AuthResult result = verifierAt(TIME).verify(request);
        InputStream in = PayloadStreams.wrap(new ByteArrayInputStream(body), result, request).stream();
        S3Exception e = assertThrows(S3Exception.class, in::readAllBytes);
        assertEquals(S3Error.SIGNATURE_DOES_NOT_MATCH, e.error());
    }

    /** Builds the example body from the .chunks file: sizes and published signatures, data all 'a'. */
    private static byte[] chunkedBody(boolean tamper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String[]> chunks = new ArrayList<>();
        for (String line : Vectors.read("/sigv4/s3-examples/put-object-chunked/put-object-chunked.chunks").split("\n")) {
            if (!line.isBlank()) {
                chunks.add(line.split(" "));
            }
        }
        for (String[] c : chunks) {
            int size = Integer.parseInt(c[0], 16);
            out.writeBytes((c[0] + ";chunk-signature=" + c[1] + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] data = new byte[size];
            Arrays.fill(data, (byte) 'a');
            if (tamper && size == 1024) {
                data[512] = 'b';
            }
            out.writeBytes(data);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
