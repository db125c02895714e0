package io.fs3.server.http;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteRangeTest {
    @Test
    void singleRangeForms() {
        assertThat(ByteRange.parse("bytes=0-4", 10)).contains(new ByteRange(0, 4));
        assertThat(ByteRange.parse("bytes=5-", 10)).contains(new ByteRange(5, 9));
        assertThat(ByteRange.parse("bytes=-3", 10)).contains(new ByteRange(7, 9));
        assertThat(ByteRange.parse("bytes=-30", 10)).contains(new ByteRange(0, 9));
        assertThat(ByteRange.parse("bytes=8-100", 10)).contains(new ByteRange(8, 9));
        assertThat(new ByteRange(2, 4).contentRange(10)).isEqualTo("bytes 2-4/10");
    }

    @Test
    void malformedOrMultipleRangesServeTheWholeObject() {
        assertThat(ByteRange.parse(null, 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,3-4", 10)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=5-2", 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=-", 10)).isEmpty();
    }

    @Test
    void unsatisfiableRangesAre416WithTheSize() {
        for (String h : new String[]{"bytes=10-", "bytes=10-20", "bytes=-0"}) {
            assertThatThrownBy(() -> ByteRange.parse(h, 10)).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.error()).isEqualTo(S3Error.INVALID_RANGE);
                assertThat(e.headers()).containsEntry("Content-Range", "bytes */10");
                assertThat(e.details()).containsEntry("ActualObjectSize", "10");
            });
        }
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(S3Exception.class);
    }
}
