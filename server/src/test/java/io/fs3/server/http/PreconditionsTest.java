package io.fs3.server.http;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** S3's precedence: If-Match beats If-Unmodified-Since, If-None-Match beats If-Modified-Since, 412 before 304. */
class PreconditionsTest {
    private static final String ETAG = "abc";
    private static final Instant MODIFIED = Instant.parse("2024-05-01T10:00:00.700Z");
    private static final String BEFORE = "Tue, 30 Apr 2024 10:00:00 GMT";
    private static final String AFTER = "Thu, 02 May 2024 10:00:00 GMT";
    private static final String SAME_SECOND = "Wed, 01 May 2024 10:00:00 GMT";

    @Test
    void ifMatchWinsOverAFailingIfUnmodifiedSince() {
        assertThatCode(() -> Preconditions.of("\"abc\"", null, null, BEFORE).check(ETAG, MODIFIED)).doesNotThrowAnyException();
        expect(Preconditions.of("\"other\"", null, null, null), S3Error.PRECONDITION_FAILED);
        expect(Preconditions.of(null, null, null, BEFORE), S3Error.PRECONDITION_FAILED);
        assertThatCode(() -> Preconditions.of("*", null, null, null).check(ETAG, MODIFIED)).doesNotThrowAnyException();
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        expect(Preconditions.of(null, "\"abc\"", BEFORE, null), S3Error.NOT_MODIFIED);
        assertThatCode(() -> Preconditions.of(null, "\"zzz\"", AFTER, null).check(ETAG, MODIFIED)).doesNotThrowAnyException();
        expect(Preconditions.of(null, null, AFTER, null), S3Error.NOT_MODIFIED);
        expect(Preconditions.of(null, null, SAME_SECOND, null), S3Error.NOT_MODIFIED); // HTTP dates have whole seconds
        assertThatCode(() -> Preconditions.of(null, null, BEFORE, null).check(ETAG, MODIFIED)).doesNotThrowAnyException();
    }

    @Test
    void preconditionFailedIsDecidedBeforeNotModified() {
        expect(Preconditions.of("\"other\"", "\"abc\"", null, null), S3Error.PRECONDITION_FAILED);
        assertThatCode(() -> Preconditions.of(null, null, "not a date", "also not").check(ETAG, MODIFIED))
                .doesNotThrowAnyException();
    }

    private static void expect(Preconditions p, S3Error error) {
        assertThatThrownBy(() -> p.check(ETAG, MODIFIED))
                .isInstanceOfSatisfying(S3Exception.class, e -> org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(error));
    }
}
