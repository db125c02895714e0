package io.fs3.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written x-amz-date parser accepts exactly what the strict formatter accepts, with the same instant. */
class AmzDatesTest {
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    @ParameterizedTest
    @ValueSource(strings = {"20261122T061500Z", "20240229T235959Z", "20230229T000000Z", "20261301T000000Z",
        "20261100T000000Z", "20261131T000000Z", "20261122T240000Z", "20261122T236000Z", "20261122T235960Z",
        "00000101T000000Z", "99991231T235959Z", "2026112T0061500Z", "20261122 061500Z", "20261122T061500z",
        "2026-1122T061500Z", "+0261122T061500Z", "20261122T06150Z", "20261122T0615000Z", "\u0662\u0660261122T061500Z",
        "20261122T061500", "", "abcdefghijklmnop", "20000101T000000Z", "19700101T000000Z", "21000229T120000Z"})
    void agreesWithTheStrictFormatter(String value) {
        assertEquals(reference(value), AmzDates.parseAmzDate(value), value);
    }

    @Test
    void nullIsNull() {
        assertEquals(null, AmzDates.parseAmzDate(null));
    }

    private static Instant reference(String value) {
        if (value.length() != 16) {
            return null;
        }
        try {
            return Instant.from(STRICT.parse(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
