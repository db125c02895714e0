package io.fs3.server.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (IMF-fixdate, always two-digit day, GMT), as Last-Modified and conditional headers use. */
public final class HttpDates {
    private static final DateTimeFormatter IMF =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /**
     * Recently formatted seconds, direct-mapped by the second's low bits. An object's Last-Modified is the same
     * on every GET and HEAD of it, and formatting one took ~4% of a small GET's Java time in a JFR profile.
     * Entries are immutable, so a racy read sees either a whole entry or none.
     */
    private static final int SLOTS = 1024;
    private static final Formatted[] RECENT = new Formatted[SLOTS];

    private record Formatted(long second, String text) {
    }

    private HttpDates() {
    }

    public static String format(Instant t) {
        long second = t.getEpochSecond();
        int slot = (int) (second & (SLOTS - 1));
        Formatted f = RECENT[slot];
        if (f == null || f.second() != second) {
            f = new Formatted(second, IMF.format(Instant.ofEpochSecond(second)));
            RECENT[slot] = f;
        }
        return f.text();
    }

    /** Parses IMF-fixdate or RFC 1123; an unparseable date is ignored, as HTTP says. */
    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
