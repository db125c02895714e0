package io.fs3.server.logging;

import io.fs3.server.ops.RequestRecord;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One request as one {@code key=value} line. Values that are empty or hold spaces, quotes, '=', backslashes
 * or control characters are quoted and escaped, so a key containing a newline cannot forge a second line.
 * Absent values are {@code -}. No query string is ever written (it may carry a presigned signature).
 */
public final class AccessLogLine {
    private AccessLogLine() {
    }

    public static String format(RequestRecord r) {
        StringBuilder b = new StringBuilder(256);
        field(b, "time", DateTimeFormatter.ISO_INSTANT.format(r.time()));
        field(b, "request_id", r.requestId());
        field(b, "client", r.clientAddress());
        field(b, "user", r.user());
        field(b, "op", r.operation());
        field(b, "method", r.method());
        field(b, "bucket", r.bucket());
        field(b, "key", r.key());
        field(b, "status", Integer.toString(r.status()));
        field(b, "error", r.errorCode());
        field(b, "bytes_in", Long.toString(r.bytesIn()));
        field(b, "bytes_out", Long.toString(r.bytesOut()));
        field(b, "duration_ms", String.format(Locale.ROOT, "%.3f", r.durationNanos() / 1e6));
        field(b, "user_agent", r.userAgent());
        return b.toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        if (b.length() > 0) {
            b.append(' ');
        }
        b.append(name).append('=');
        if (value == null) {
            b.append('-');
        } else if (needsQuotes(value)) {
            quote(b, value);
        } else {
            b.append(value);
        }
    }

    static boolean needsQuotes(String v) {
        if (v.isEmpty() || v.equals("-")) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f || Character.isISOControl(c)
                    || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static void quote(StringBuilder b, String v) {
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
