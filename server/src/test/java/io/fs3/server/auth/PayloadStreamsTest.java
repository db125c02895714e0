package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Body decoding and verification: plain, aws-chunked signed/unsigned, trailers, checksums. */
class PayloadStreamsTest {
    private static final byte[] DATA = randomBytes(70_000);
    private static final SigV4Verifier VERIFIER = TestSigner.verifier();

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private static String b64(ChecksumAlgorithm a, byte[] data) {
        ChecksumAlgorithm.Hasher h = a.newHasher();
        h.update(data, 0, data.length);
        return Base64.getEncoder().encodeToString(h.digest());
    }

    /** Reads everything with the given buffer size, from a raw stream that returns at most {@code trickle} bytes. */
    private static byte[] readAll(InputStream in, int bufferSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[bufferSize];
        int n;
        while ((n = in.read(buf, 0, bufferSize)) != -1) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static InputStream trickle(byte[] body, int max) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, max));
            }
        };
    }

    private static S3Exception failsWhileReading(S3Error expected, VerifiedPayload payload) {
        InputStream in = payload.stream();
        S3Exception e = assertThrows(S3Exception.class, () -> readAll(in, 4096));
        assertEquals(expected, e.error(), e.getMessage());
        // The failure is sticky: the stream never turns into a clean EOF afterwards.
        S3Exception again = assertThrows(S3Exception.class, () -> in.read(new byte[10], 0, 10));
        assertSame(e, again);
        return e;
    }

    // ---- plain bodies ----

    private static VerifiedPayload plain(String payloadHash, byte[] body, String... headers) {
        TestSigner s = TestSigner.request("PUT", "/b/k").payload(payloadHash)
                .header("Content-Length", Integer.toString(body.length));
        for (int i = 0; i < headers.length; i += 2) {
            s.header(headers[i], headers[i + 1]);
        }
        SignedRequest r = s.signHeader();
        return PayloadStreams.wrap(new ByteArrayInputStream(body), VERIFIER.verify(r), r);
    }

    @Test
    void unsignedPayloadPassesThrough() throws IOException {
        VerifiedPayload p = plain("UNSIGNED-PAYLOAD", DATA);
        assertEquals(DATA.length, p.decodedLength());
        assertArrayEquals(DATA, readAll(p.stream(), 1000));
        assertEquals(Map.of(), p.checksums());
    }

    @Test
    void signedPayloadHashIsVerifiedAtEof() throws IOException {
        assertArrayEquals(DATA, readAll(plain(TestSigner.sha256Hex(DATA), DATA).stream(), 777));
        byte[] changed = DATA.clone();
        changed[12_345] ^= 1;
        S3Exception e = failsWhileReading(S3Error.CONTENT_SHA256_MISMATCH, plain(TestSigner.sha256Hex(DATA), changed));
        assertEquals(TestSigner.sha256Hex(DATA), e.details().get("ClientComputedContentSHA256"));
        assertEquals(TestSigner.sha256Hex(changed), e.details().get("S3ComputedContentSHA256"));
        failsWhileReading(S3Error.CONTENT_SHA256_MISMATCH,
                plain(TestSigner.sha256Hex(DATA), Arrays.copyOf(DATA, DATA.length - 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"})
    void checksumHeadersAreVerified(String name) throws IOException {
        ChecksumAlgorithm a = ChecksumAlgorithm.valueOf(name);
        VerifiedPayload ok = plain(TestSigner.sha256Hex(DATA), DATA, a.headerName(), b64(a, DATA),
                "x-amz-sdk-checksum-algorithm", name.toLowerCase());
        assertArrayEquals(DATA, readAll(ok.stream(), 8192));
        assertEquals(Map.of(a.key(), b64(a, DATA)), ok.checksums());

        byte[] other = "something else".getBytes(StandardCharsets.UTF_8);
        VerifiedPayload bad = plain("UNSIGNED-PAYLOAD", DATA, a.headerName(), b64(a, other));
        S3Exception e = failsWhileReading(S3Error.BAD_CHECKSUM, bad);
        assertEquals("The " + name + " you specified did not match the calculated checksum.", e.getMessage());
        assertEquals("BadDigest", e.error().code());
    }

    @Test
    void emptyBodyWithCrc32OfNothing() throws IOException {
        // SDK v2 sends x-amz-checksum-crc32: AAAAAA== on some bodiless requests.
        VerifiedPayload p = plain("UNSIGNED-PAYLOAD", new byte[0], "x-amz-checksum-crc32", "AAAAAA==");
        assertEquals(0, readAll(p.stream(), 10).length);
        assertEquals(Map.of("crc32", "AAAAAA=="), p.checksums());
    }

    @Test
    void invalidOrMultipleChecksumHeadersAreRejectedUpFront() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> plain("UNSIGNED-PAYLOAD", DATA, "x-amz-checksum-crc32", "not base64!"));
        assertEquals(S3Error.INVALID_REQUEST, e.error());
        assertEquals("Value for x-amz-checksum-crc32 header is invalid.", e.getMessage());
        assertEquals(S3Error.INVALID_REQUEST, assertThrows(S3Exception.class,
                () -> plain("UNSIGNED-PAYLOAD", DATA, "x-amz-checksum-sha256", b64(ChecksumAlgorithm.CRC32, DATA)))
                .error());
        S3Exception two = assertThrows(S3Exception.class, () -> plain("UNSIGNED-PAYLOAD", DATA,
                "x-amz-checksum-crc32", b64(ChecksumAlgorithm.CRC32, DATA),
                "x-amz-checksum-crc32c", b64(ChecksumAlgorithm.CRC32C, DATA)));
        assertTrue(two.getMessage().startsWith("Expecting a single x-amz-checksum- header"), two.getMessage());
    }

    // ---- aws-chunked, signed ----

    private record Chunked(TestSigner signer, SignedRequest request, AuthResult auth) {
        VerifiedPayload wrap(byte[] body) {
            return PayloadStreams.wrap(new ByteArrayInputStream(body), auth, request);
        }
    }

    private static Chunked chunked(String mode, long decodedLength, String... headers) {
        TestSigner s = TestSigner.request("PUT", "/b/k").payload(mode).header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", Long.toString(decodedLength));
        for (int i = 0; i < headers.length; i += 2) {
            s.header(headers[i], headers[i + 1]);
        }
        SignedRequest r = s.signHeader();
        return new Chunked(s, r, VERIFIER.verify(r));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 100, 8192, 65_536})
    void signedChunksDecode(int readSize) throws IOException {
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", DATA.length);
        byte[] body = c.signer().signedChunks(DATA, 8192, List.of());
        VerifiedPayload p = PayloadStreams.wrap(trickle(body, 5 + readSize % 7), c.auth(), c.request());
        assertEquals(DATA.length, p.decodedLength());
        assertArrayEquals(DATA, readAll(p.stream(), readSize));
        assertEquals(-1, p.stream().read());
    }

    @Test
    void singleByteReadsAndEmptyBody() throws IOException {
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", 3);
        InputStream in = c.wrap(c.signer().signedChunks(new byte[] {1, 2, 3}, 8192, List.of())).stream();
        assertEquals(1, in.read());
        assertEquals(2, in.read());
        assertEquals(3, in.read());
        assertEquals(-1, in.read());
        Chunked empty = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", 0);
        assertEquals(0, readAll(empty.wrap(empty.signer().signedChunks(new byte[0], 8192, List.of())).stream(), 10)
                .length);
    }

    @Test
    void tamperedChunkDataFails() {
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", DATA.length);
        byte[] body = c.signer().signedChunks(DATA, 8192, List.of());
        body[body.length / 2] ^= 0x40;
        failsWhileReading(S3Error.SIGNATURE_DOES_NOT_MATCH, c.wrap(body));
    }

    @Test
    void wrongChunkSignatureFails() {
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", DATA.length);
        String body = new String(c.signer().signedChunks(DATA, 8192, List.of()), StandardCharsets.ISO_8859_1);
        int at = body.indexOf("chunk-signature=", body.indexOf("chunk-signature=") + 1) + "chunk-signature=".length();
        char flipped = body.charAt(at) == '0' ? '1' : '0';
        String bad = body.substring(0, at) + flipped + body.substring(at + 1);
        S3Exception e = failsWhileReading(S3Error.SIGNATURE_DOES_NOT_MATCH,
                c.wrap(bad.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.details().get("StringToSign").startsWith("AWS4-HMAC-SHA256-PAYLOAD\n"));
    }

    @Test
    void chunksSignedForAnotherRequestFail() {
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", DATA.length);
        Chunked other = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", DATA.length, "x-amz-meta-a", "b");
        failsWhileReading(S3Error.SIGNATURE_DOES_NOT_MATCH,
                c.wrap(other.signer().signedChunks(DATA, 8192, List.of())));
    }

    @Test
    void decodedLengthMustMatch() {
        Chunked longer = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", DATA.length - 1);
        failsWhileReading(S3Error.INCOMPLETE_BODY, longer.wrap(longer.signer().signedChunks(DATA, 8192, List.of())));
        Chunked shorter = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", DATA.length + 1);
        failsWhileReading(S3Error.INCOMPLETE_BODY, shorter.wrap(shorter.signer().signedChunks(DATA, 8192, List.of())));
    }

    @Test
    void brokenFramingIsIncompleteBody() {
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", DATA.length);
        byte[] body = c.signer().signedChunks(DATA, 8192, List.of());
        failsWhileReading(S3Error.INCOMPLETE_BODY, c.wrap(Arrays.copyOf(body, body.length - 100)));
        failsWhileReading(S3Error.INCOMPLETE_BODY, c.wrap(Arrays.copyOf(body, 8192 + 50)));
        byte[] junkSize = body.clone();
        junkSize[0] = 'x';
        failsWhileReading(S3Error.INCOMPLETE_BODY, c.wrap(junkSize));
        byte[] trailing = Arrays.copyOf(body, body.length + 3);
        failsWhileReading(S3Error.INCOMPLETE_BODY, c.wrap(trailing));
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int crlfAfterData = text.indexOf("\r\n", text.indexOf("\r\n") + 2);
        byte[] noCrlf = body.clone();
        noCrlf[crlfAfterData] = 'Z';
        failsWhileReading(S3Error.INCOMPLETE_BODY, c.wrap(noCrlf));
        byte[] unsignedChunk = TestSigner.unsignedChunks(DATA, 8192, List.of());
        failsWhileReading(S3Error.INCOMPLETE_BODY, c.wrap(unsignedChunk));
    }

    // ---- trailers ----

    @ParameterizedTest
    @ValueSource(strings = {"CRC32", "CRC32C", "SHA256", "SHA1", "CRC64NVME"})
    void signedTrailerChecksumIsVerified(String name) throws IOException {
        ChecksumAlgorithm a = ChecksumAlgorithm.valueOf(name);
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", DATA.length, "x-amz-trailer", a.headerName(),
                "x-amz-sdk-checksum-algorithm", name);
        VerifiedPayload ok = c.wrap(c.signer().signedChunks(DATA, 16_384, List.of(a.headerName() + ":" + b64(a, DATA))));
        assertEquals(Map.of(), ok.checksums(), "checksums are only known at EOF");
        assertArrayEquals(DATA, readAll(ok.stream(), 5000));
        assertEquals(Map.of(a.key(), b64(a, DATA)), ok.checksums());

        String wrong = b64(a, "other".getBytes(StandardCharsets.UTF_8));
        VerifiedPayload bad = c.wrap(c.signer().signedChunks(DATA, 16_384, List.of(a.headerName() + ":" + wrong)));
        S3Exception e = failsWhileReading(S3Error.BAD_CHECKSUM, bad);
        assertEquals("The " + name + " you specified did not match the calculated checksum.", e.getMessage());
    }

    @Test
    void trailerSignatureIsVerified() {
        String crc = b64(ChecksumAlgorithm.CRC32, DATA);
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", DATA.length,
                "x-amz-trailer", "x-amz-checksum-crc32");
        String body = new String(c.signer().signedChunks(DATA, 8192, List.of("x-amz-checksum-crc32:" + crc)),
                StandardCharsets.ISO_8859_1);
        int at = body.indexOf("x-amz-trailer-signature:") + "x-amz-trailer-signature:".length();
        String bad = body.substring(0, at) + (body.charAt(at) == 'a' ? 'b' : 'a') + body.substring(at + 1);
        S3Exception e = failsWhileReading(S3Error.SIGNATURE_DOES_NOT_MATCH,
                c.wrap(bad.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.details().get("StringToSign").startsWith("AWS4-HMAC-SHA256-TRAILER\n"));
        String noSignature = body.substring(0, body.indexOf("x-amz-trailer-signature:")) + "\r\n";
        failsWhileReading(S3Error.MALFORMED_TRAILER, c.wrap(noSignature.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void announcedTrailerMustArriveAndMatchTheAnnouncement() {
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", DATA.length,
                "x-amz-trailer", "x-amz-checksum-crc32");
        failsWhileReading(S3Error.MALFORMED_TRAILER, c.wrap(c.signer().signedChunks(DATA, 8192,
                List.of("x-amz-checksum-crc32c:" + b64(ChecksumAlgorithm.CRC32C, DATA)))));
        failsWhileReading(S3Error.MALFORMED_TRAILER, c.wrap(c.signer().signedChunks(DATA, 8192,
                List.of("x-amz-meta-x:1"))));
        byte[] noTrailer = TestSigner.unsignedChunks(DATA, 8192, List.of());
        Chunked u = chunked("STREAMING-UNSIGNED-PAYLOAD-TRAILER", DATA.length, "x-amz-trailer", "x-amz-checksum-crc32");
        failsWhileReading(S3Error.MALFORMED_TRAILER, u.wrap(noTrailer));
        assertEquals(S3Error.INVALID_REQUEST, assertThrows(S3Exception.class, () -> chunked(
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER", 1, "x-amz-trailer", "x-amz-checksum-md5").wrap(new byte[0]))
                .error());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096, 65_536})
    void unsignedTrailerDecodes(int trickle) throws IOException {
        String crc = b64(ChecksumAlgorithm.CRC32, DATA);
        Chunked c = chunked("STREAMING-UNSIGNED-PAYLOAD-TRAILER", DATA.length, "x-amz-trailer", "x-amz-checksum-crc32");
        byte[] body = TestSigner.unsignedChunks(DATA, 8192, List.of("x-amz-checksum-crc32:" + crc));
        VerifiedPayload p = PayloadStreams.wrap(trickle(body, trickle), c.auth(), c.request());
        assertArrayEquals(DATA, readAll(p.stream(), 3000));
        assertEquals(Map.of("crc32", crc), p.checksums());
    }

    @Test
    void unsignedTrailerWithWrongChecksumFails() {
        Chunked c = chunked("STREAMING-UNSIGNED-PAYLOAD-TRAILER", DATA.length, "x-amz-trailer", "x-amz-checksum-crc32c");
        byte[] body = TestSigner.unsignedChunks(DATA, 8192,
                List.of("x-amz-checksum-crc32c:" + b64(ChecksumAlgorithm.CRC32C, new byte[1])));
        failsWhileReading(S3Error.BAD_CHECKSUM, c.wrap(body));
        byte[] changedData = DATA.clone();
        changedData[0] ^= 1;
        byte[] tampered = TestSigner.unsignedChunks(changedData, 8192,
                List.of("x-amz-checksum-crc32c:" + b64(ChecksumAlgorithm.CRC32C, DATA)));
        failsWhileReading(S3Error.BAD_CHECKSUM, c.wrap(tampered));
    }

    @Test
    void headerChecksumWithAwsChunkedBody() throws IOException {
        Chunked c = chunked("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", DATA.length,
                "x-amz-checksum-sha256", b64(ChecksumAlgorithm.SHA256, DATA));
        VerifiedPayload p = c.wrap(c.signer().signedChunks(DATA, 8192, List.of()));
        assertArrayEquals(DATA, readAll(p.stream(), 8192));
        assertEquals(Map.of("sha256", b64(ChecksumAlgorithm.SHA256, DATA)), p.checksums());
    }
}
