package io.fs3.server.auth;

import java.time.Instant;
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

    /** Parses {@code yyyyMMdd'T'HHmmss'Z'}; null if absent or malformed. */
    static Instant parseAmzDate(String value) {
        if (value == null || value.length() != 16) {
            return null;
        }
        try {
            return Instant.from(AMZ.parse(value));
        } catch (DateTimeParseException e) {
            return null;
        }
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
