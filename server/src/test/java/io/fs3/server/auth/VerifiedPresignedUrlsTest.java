package io.fs3.server.auth;

import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A presigned URL answered from the verified ones must be refused exactly where verifying it afresh would
 * refuse it: one verifier serves every request here, with a clock and a secret the tests move.
 */
class VerifiedPresignedUrlsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(TestSigner.NOW);
    private final AtomicReference<Secret> secret = new AtomicReference<>(Secret.of(TestSigner.SECRET));
    private final SigV4Verifier verifier = new SigV4Verifier(
            ak -> ak.equals(TestSigner.ACCESS_KEY) ? Optional.ofNullable(secret.get()) : Optional.empty(),
            TestSigner.REGION, Duration.ofMinutes(15), new MovableClock());

    private final class MovableClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static void fails(S3Error expected, Executable call) {
        S3Exception e = assertThrows(S3Exception.class, call);
        assertEquals(expected, e.error(), e.getMessage());
    }

    private static SignedRequest withHeader(SignedRequest r, String name, String value) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(r.headers());
        headers.put(name, List.of(value));
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers);
    }

    @Test
    void aRepeatedGetOrHeadIsAnsweredFromTheVerifiedUrls() {
        SignedRequest get = TestSigner.request("GET", "/b/video.mp4").presign(3600);
        AuthResult first = verifier.verify(get);
        assertEquals(1, verifier.keptPresignedUrls());
        assertSame(first, verifier.verify(get));
        // a range request on the same URL: Range is not signed, so it is the same URL
        assertSame(first, verifier.verify(withHeader(get, "Range", "bytes=0-99")));
        verifier.verify(TestSigner.request("HEAD", "/b/video.mp4").presign(3600));
        assertEquals(2, verifier.keptPresignedUrls());
    }

    @Test
    void onlyGetAndHeadUrlsThatSignTheHostAloneAreKept() {
        verifier.verify(TestSigner.request("PUT", "/b/k").presign(60));
        verifier.verify(TestSigner.request("GET", "/b/k").header("x-amz-meta-a", "1").presign(60));
        verifier.verify(TestSigner.request("GET", "/b/k").header("Range", "bytes=0-1").presign(60));
        assertEquals(0, verifier.keptPresignedUrls());
    }

    @Test
    void aKeptUrlStillExpiresAndIsNotValidBeforeItsTime() {
        SignedRequest r = TestSigner.request("GET", "/b/k").at(TestSigner.NOW.plus(Duration.ofMinutes(10))).presign(60);
        verifier.verify(r);
        now.set(TestSigner.NOW.plus(Duration.ofMinutes(11)));
        verifier.verify(r);
        now.set(TestSigner.NOW.plus(Duration.ofMinutes(11)).plusSeconds(1));
        fails(S3Error.REQUEST_EXPIRED, () -> verifier.verify(r));
        now.set(TestSigner.NOW.minus(Duration.ofMinutes(6)));
        fails(S3Error.REQUEST_NOT_YET_VALID, () -> verifier.verify(r));
    }

    @Test
    void aKeptUrlFailsOnceItsSecretChangesOrItsKeyIsGone() {
        SignedRequest r = TestSigner.request("GET", "/b/k").presign(600);
        verifier.verify(r);
        secret.set(Secret.of("another secret"));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(r));
        secret.set(null);
        fails(S3Error.INVALID_ACCESS_KEY_ID, () -> verifier.verify(r));
        secret.set(Secret.of(TestSigner.SECRET));
        verifier.verify(r);
    }

    @Test
    void whatTheSignatureCoversCannotChangeAroundAKeptUrl() {
        SignedRequest r = TestSigner.request("GET", "/b/k").query("versionId=1").presign(600);
        verifier.verify(r);
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(withHeader(r, "Host", "evil.example:9000")));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH,
                () -> verifier.verify(new SignedRequest("GET", "/b/other", r.rawQuery(), r.headers())));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH,
                () -> verifier.verify(new SignedRequest("HEAD", "/b/k", r.rawQuery(), r.headers())));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(new SignedRequest("GET", "/b/k",
                r.rawQuery().replace("versionId=1", "versionId=2"), r.headers())));
        fails(S3Error.SIGNATURE_DOES_NOT_MATCH,
                () -> verifier.verify(withHeader(r, "x-amz-content-sha256", TestSigner.EMPTY_SHA256)));
        fails(S3Error.ACCESS_DENIED, () -> verifier.verify(withHeader(r, "x-amz-acl", "public-read")));
        assertEquals(1, verifier.keptPresignedUrls());
    }
}
