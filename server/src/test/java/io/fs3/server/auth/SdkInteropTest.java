package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interoperability with the real AWS SDK v2 signer (the same code the S3 client runs): header auth,
 * presigned URLs, signed chunks with a signed trailer, and unsigned chunks with a trailer.
 */
class SdkInteropTest {
    private static final byte[] DATA = data(300_000);
    private final SigV4Verifier verifier = TestSigner.verifier();

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    private record Signed(SignedRequest request, byte[] body) {
    }

    private static SdkHttpRequest.Builder put(String key) {
        return put(key, "http");
    }

    private static SdkHttpRequest.Builder put(String key, String protocol) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol(protocol).host("127.0.0.1").port(9000)
                .encodedPath(UriEncoding.encode("/bucket/" + key, true))
                .putHeader("Content-Length", Integer.toString(DATA.length));
    }

    /** Signs with AwsV4HttpSigner as the S3 client configures it (no double encoding, no normalisation). */
    private static Signed sdkSign(SdkHttpRequest request, byte[] body, boolean payloadSigning, boolean chunked,
                                  software.amazon.awssdk.checksums.spi.ChecksumAlgorithm checksum,
                                  AwsV4FamilyHttpSigner.AuthLocation location) throws IOException {
        var signed = AwsV4HttpSigner.create().sign(b -> {
            b.identity(AwsCredentialsIdentity.create(TestSigner.ACCESS_KEY, TestSigner.SECRET))
                    .request(request)
                    .payload(body == null ? null : ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, TestSigner.REGION)
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning)
                    .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, chunked)
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, location)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(TestSigner.NOW, ZoneOffset.UTC));
            if (checksum != null) {
                b.putProperty(AwsV4HttpSigner.CHECKSUM_ALGORITHM, checksum);
            }
            if (location == AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING) {
                b.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(10));
            }
        });
        SdkHttpRequest r = signed.request();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.forEachHeader((name, values) -> headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        headers.putIfAbsent("Host", List.of(r.host() + ":" + r.port()));
        String query = SdkHttpUtils.encodeAndFlattenQueryParameters(r.rawQueryParameters()).orElse(null);
        byte[] sent = null;
        if (signed.payload().isPresent()) {
            try (InputStream in = signed.payload().get().newStream()) {
                sent = in.readAllBytes();
            }
        }
        return new Signed(new SignedRequest(r.method().name(), r.encodedPath(), query, headers), sent);
    }

    private byte[] verifyAndRead(Signed s) throws IOException {
        AuthResult auth = verifier.verify(s.request());
        VerifiedPayload payload = PayloadStreams.wrap(new java.io.ByteArrayInputStream(s.body()), auth, s.request());
        byte[] read = payload.stream().readAllBytes();
        assertEquals(read.length, payload.decodedLength());
        return read;
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain.txt", "a+b c/100%/\u00fc\u00df/\u65e5\u672c (1).txt", "x*~'!$&=,;:@"})
    void headerAuthWithSignedPayload(String key) throws IOException {
        Signed s = sdkSign(put(key).build(), DATA, true, false, null, AwsV4FamilyHttpSigner.AuthLocation.HEADER);
        assertEquals(TestSigner.sha256Hex(DATA), s.request().header("x-amz-content-sha256"));
        assertArrayEquals(DATA, verifyAndRead(s));
    }

    @Test
    void queryParametersAreCanonicalisedLikeTheSdk() throws IOException {
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("http").host("127.0.0.1")
                .port(9000).encodedPath("/bucket").appendRawQueryParameter("list-type", "2")
                .appendRawQueryParameter("prefix", "a b+c/\u00e9").appendRawQueryParameter("delimiter", "/")
                .appendRawQueryParameter("continuation-token", "x=y&z").appendRawQueryParameter("fetch-owner", null)
                .build();
        Signed s = sdkSign(get, null, false, false, null, AwsV4FamilyHttpSigner.AuthLocation.HEADER);
        AuthResult auth = verifier.verify(s.request());
        assertEquals(PayloadMode.UNSIGNED, auth.payload());
        assertTrue(s.request().rawQuery().contains("prefix=a%20b%2Bc%2F%C3%A9"), s.request().rawQuery());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CRC32", "CRC32C", "SHA256", "SHA1"}) // the SDK's CRC64NVME needs aws-crt
    void signedChunksWithSignedTrailer(String algorithm) throws IOException {
        var checksum = switch (algorithm) {
            case "CRC32" -> DefaultChecksumAlgorithm.CRC32;
            case "CRC32C" -> DefaultChecksumAlgorithm.CRC32C;
            case "SHA256" -> DefaultChecksumAlgorithm.SHA256;
            default -> DefaultChecksumAlgorithm.SHA1;
        };
        Signed s = sdkSign(put("chunked.bin").build(), DATA, true, true, checksum,
                AwsV4FamilyHttpSigner.AuthLocation.HEADER);
        assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", s.request().header("x-amz-content-sha256"));
        assertArrayEquals(DATA, verifyAndRead(s));
        AuthResult auth = verifier.verify(s.request());
        VerifiedPayload p = PayloadStreams.wrap(new java.io.ByteArrayInputStream(s.body()), auth, s.request());
        p.stream().readAllBytes();
        assertEquals(1, p.checksums().size());
        assertTrue(p.checksums().containsKey(algorithm.toLowerCase()), p.checksums().toString());
    }

    @Test
    void signedChunksWithoutTrailer() throws IOException {
        Signed s = sdkSign(put("chunked.bin").build(), DATA, true, true, null,
                AwsV4FamilyHttpSigner.AuthLocation.HEADER);
        assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", s.request().header("x-amz-content-sha256"));
        assertArrayEquals(DATA, verifyAndRead(s));
    }

    @Test
    void unsignedChunksWithTrailer() throws IOException {
        // The SDK signs the payload anyway over plain http, so ask for https as the async client uses it.
        Signed s = sdkSign(put("unsigned.bin", "https").build(), DATA, false, true, DefaultChecksumAlgorithm.CRC32,
                AwsV4FamilyHttpSigner.AuthLocation.HEADER);
        assertEquals("STREAMING-UNSIGNED-PAYLOAD-TRAILER", s.request().header("x-amz-content-sha256"));
        assertArrayEquals(DATA, verifyAndRead(s));
    }

    @Test
    void tamperedSdkTrailerIsDetected() throws IOException {
        Signed s = sdkSign(put("chunked.bin").build(), DATA, true, true, DefaultChecksumAlgorithm.CRC32,
                AwsV4FamilyHttpSigner.AuthLocation.HEADER);
        String body = new String(s.body(), StandardCharsets.ISO_8859_1);
        int at = body.indexOf("x-amz-checksum-crc32:") + "x-amz-checksum-crc32:".length();
        String tampered = body.substring(0, at) + "AAAAAA==" + body.substring(body.indexOf("\r\n", at));
        AuthResult auth = verifier.verify(s.request());
        InputStream in = PayloadStreams.wrap(new java.io.ByteArrayInputStream(
                tampered.getBytes(StandardCharsets.ISO_8859_1)), auth, s.request()).stream();
        S3Exception e = assertThrows(S3Exception.class, in::readAllBytes);
        assertEquals(S3Error.SIGNATURE_DOES_NOT_MATCH, e.error(), "the trailer signature covers the checksum");
    }

    @Test
    void presignedGetFromTheSdk() throws IOException {
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("http").host("127.0.0.1")
                .port(9000).encodedPath(UriEncoding.encode("/bucket/report 2024+final.pdf", true))
                .appendRawQueryParameter("response-content-disposition", "attachment; filename=\"r.pdf\"")
                .build();
        Signed s = sdkSign(get, null, false, false, null, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING);
        assertTrue(s.request().rawQuery().contains("X-Amz-Signature="), s.request().rawQuery());
        AuthResult auth = verifier.verify(s.request());
        assertTrue(auth.presigned());
        assertEquals(TestSigner.ACCESS_KEY, auth.accessKey());
        S3Exception e = assertThrows(S3Exception.class, () -> TestSigner.verifier(TestSigner.NOW.plusSeconds(601))
                .verify(s.request()));
        assertEquals(S3Error.REQUEST_EXPIRED, e.error());
    }
}
