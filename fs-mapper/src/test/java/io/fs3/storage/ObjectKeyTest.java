package io.fs3.storage;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectKeyTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "a/", "a/b", "a/b/", ".a", "a.", "...", "..a/b..", "a/.b/c.", " ", "ü/ß", "a b/c"})
    void acceptsKeysATreeCanHold(String key) {
        assertThat(ObjectKey.of(key).value()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "a//b", "a//", ".", "..", "./a", "a/.", "a/../b", "a/./", "..//", "a\u0000b"})
    void refusesKeysWithEmptyDotOrDotDotSegmentsOrNul(String key) {
        assertThatThrownBy(() -> ObjectKey.of(key)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_ARGUMENT));
    }

    @Test
    void firstAndLastSegments() {
        assertThat(ObjectKey.of("a/b/c.txt").firstSegment()).isEqualTo("a");
        assertThat(ObjectKey.of("a/b/c.txt").lastSegment()).isEqualTo("c.txt");
        assertThat(ObjectKey.of("c.txt").lastSegment()).isEqualTo("c.txt");
        assertThat(ObjectKey.of("a/b/").segmentCount()).isEqualTo(2);
    }

    @Test
    void countsUtf8BytesForTheKeyAndSegmentLimits() {
        String segment85 = "€".repeat(85); // 255 bytes in 85 chars
        assertThat(ObjectKey.of(segment85 + "/x").segmentCount()).isEqualTo(2);
        assertThatThrownBy(() -> ObjectKey.of("€".repeat(86))).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.KEY_TOO_LONG));
        assertThat(ObjectKey.of("a".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> ObjectKey.of("a".repeat(256))).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.KEY_TOO_LONG));
        String key1024 = ("ü".repeat(100) + "/").repeat(5) + "a".repeat(23); // 5 × 201 + 23 = 1028 bytes
        assertThatThrownBy(() -> ObjectKey.of(key1024)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.KEY_TOO_LONG));
        String fits = ("ü".repeat(100) + "/").repeat(5) + "a".repeat(19); // 1024 bytes
        assertThat(ObjectKey.of(fits).segmentCount()).isEqualTo(6);
    }

    @Test
    void segmentsWithoutSplitting() {
        assertThat(ObjectKey.of("a/b/c").segmentCount()).isEqualTo(3);
        assertThat(ObjectKey.of("a/b/").segmentCount()).isEqualTo(2);
        assertThat(ObjectKey.of("a").segmentCount()).isEqualTo(1);
        assertThat(ObjectKey.of("top/x").firstSegment()).isEqualTo("top");
        assertThat(ObjectKey.of("top/").firstSegment()).isEqualTo("top");
        assertThat(ObjectKey.of("top").firstSegment()).isEqualTo("top");
    }
}
