package io.fs3.server.auth;

import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical query taken as sent is the general path's, and it is taken only where the query is canonical. */
class CanonicalQueryAsSentTest {
    private static final String PRESIGNED = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIDEXAMPLE%2F20261207%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261207T120000Z"
            + "&X-Amz-Expires=7200&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static String general(String raw, boolean drop) {
        return CanonicalRequest.canonicalQuery(QueryParam.parse(raw), drop);
    }

    @Test
    void anSdkPresignedQueryIsTakenAsSentLessItsSignature() {
        String asSent = CanonicalQueryAsSent.of(PRESIGNED, true);
        assertThat(asSent).isEqualTo(PRESIGNED.substring(0, PRESIGNED.indexOf("&X-Amz-Signature=")));
        assertThat(asSent).isEqualTo(general(PRESIGNED, true));
        assertThat(CanonicalQueryAsSent.of(PRESIGNED, false)).as("the signature, sent last, out of order").isNull();
        assertThat(CanonicalQueryAsSent.of("list-type=2&prefix=a%2Fb%20c", false)).isEqualTo("list-type=2&prefix=a%2Fb%20c");
        assertThat(CanonicalQueryAsSent.of(null, false)).as("no query sent: the parameters decide").isNull();
        assertThat(CanonicalQueryAsSent.of("a=", false)).isEqualTo("a=");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            b=1&a=2    | order
            a=2&a=1    | order of values
            a-b=1&a=2  | a name before its prefix
            a=x%2fy    | lower-case hex
            a=%41      | an encoded unreserved character
            a=x+y      | a form-encoded space
            a=b=c      | a bare '='
            uploads    | no '='
            a=1&&b=2   | an empty segment
            a=1&       | a trailing '&'
            =1         | an empty name
            a=%2       | a cut escape
            """)
    void queriesNotInCanonicalFormAreLeftToTheGeneralPath(String raw, String why) {
        assertThat(CanonicalQueryAsSent.of(raw, false)).as(why).isNull();
    }

    /** Random queries over the characters that matter: wherever the shortcut answers, it answers as the general path. */
    @Test
    void wheneverItAnswersItAgreesWithTheGeneralPath() {
        String[] parts = {"a", "b", "A", "z", "0", "-", ".", "_", "~", "%2F", "%2f", "%41", "%20", "%C3%A9",
            "%E2%82%AC", "X-Amz-Signature", "X-Amz-Date", "+", "%", "%G1", "=", "/", "*", " ", ""};
        Random random = new Random(20261207);
        int answered = 0;
        for (int n = 0; n < 200_000; n++) {
            List<String[]> params = new ArrayList<>();
            for (int p = random.nextInt(4); p >= 0; p--) {
                params.add(new String[] {word(random, parts, 1), word(random, parts, 0)});
            }
            if (random.nextBoolean()) {
                params.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
            }
            StringJoiner raw = new StringJoiner("&");
            params.forEach(e -> raw.add(random.nextInt(20) == 0 ? e[0] : e[0] + "=" + e[1]));
            boolean drop = random.nextBoolean();
            String expected;
            try {
                expected = general(raw.toString(), drop);
            } catch (S3Exception malformed) {
                continue; // the verifier refuses it before building anything
            }
            String asSent = CanonicalQueryAsSent.of(raw.toString(), drop);
            if (asSent != null) {
                answered++;
                assertThat(asSent).as("query %s", raw).isEqualTo(expected);
            }
        }
        assertThat(answered).as("queries the shortcut answered").isGreaterThan(10_000);
    }

    /** One to three parts (the first mostly unreserved characters), or none when {@code min} is 0. */
    private static String word(Random random, String[] parts, int min) {
        StringBuilder w = new StringBuilder();
        int n = min + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            w.append(parts[random.nextInt(i == 0 && random.nextBoolean() ? 9 : parts.length)]);
        }
        return w.toString();
    }
}
