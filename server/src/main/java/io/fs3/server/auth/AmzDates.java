package io.fs3.server.auth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/** The two request-time formats SigV4 accepts: ISO-8601 basic ({@code x-amz-date}) and HTTP {@code Date}. */
final class AmzDates {
    private static final DateTimeFormatter AMZ = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    private AmzDates() {
    }

    /**
     * Parses {@code yyyyMMdd'T'HHmmss'Z'}; null if absent or malformed. Every request carries one, so it
     * is parsed by hand (fixed positions, ASCII digits, calendar checked by {@link LocalDateTime#of}),
     * accepting exactly what the strict formatter {@code AMZ} accepts, without its per-call allocations.
     */
    static Instant parseAmzDate(String value) {
        if (value == null || value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 4, 6);
        int day = digits(value, 6, 8);
        int hour = digits(value, 9, 11);
        int minute = digits(value, 11, 13);
        int second = digits(value, 13, 15);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // e.g. month 13, February 30th, hour 24
        }
    }

    /** The ASCII decimal number in {@code s[from, to)}, or -1 if any character is not 0-9. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Parses an RFC 1123 HTTP date; null if absent or malformed. */
    static Instant parseHttpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String format(Instant instant) {
        return AMZ.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** ISO-8601 extended, as AWS prints ServerTime in error details. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
