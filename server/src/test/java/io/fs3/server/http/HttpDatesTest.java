package io.fs3.server.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDatesTest {
    @Test
    void formatsImfFixdateInGmtWithoutFractions() {
        assertThat(HttpDates.format(Instant.parse("1994-11-06T08:49:37.999Z"))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDates.format(Instant.parse("2026-01-05T00:00:00Z"))).isEqualTo("Mon, 05 Jan 2026 00:00:00 GMT");
        assertThat(HttpDates.format(Instant.EPOCH)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    /** Seconds that share a slot of the formatted-seconds cache, alternately, still format as themselves. */
    @Test
    void secondsSharingACacheSlotEachFormatAsThemselves() {
        DateTimeFormatter imf = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC);
        long base = 1_765_083_600L;
        for (int round = 0; round < 3; round++) {
            for (long s = base; s < base + 5 * 1024; s += 1024) {
                Instant t = Instant.ofEpochSecond(s, round);
                assertThat(HttpDates.format(t)).isEqualTo(imf.format(t));
                assertThat(HttpDates.parse(HttpDates.format(t))).contains(Instant.ofEpochSecond(s));
            }
        }
    }
}
