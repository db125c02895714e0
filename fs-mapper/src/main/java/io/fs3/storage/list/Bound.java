package io.fs3.storage.list;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A lower bound on keys (or on sort names inside one directory), as a predicate that is monotone in
 * UTF-8 byte order: false for a leading run of strings, true for all later ones. That makes it
 * usable for a binary search in a sorted directory.
 */
final class Bound {
    /** How {@link #text} bounds: keys at or after it, strictly after it, or after every key it prefixes. */
    enum Mode { AT_LEAST, AFTER, PAST_PREFIX }

    static final Bound ALL = new Bound("", Mode.AT_LEAST);

    private final String text;
    private final byte[] utf8;
    private final Mode mode;

    private Bound(String text, Mode mode) {
        this.text = text;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
        this.mode = mode;
    }

    static Bound atLeast(String text) {
        return new Bound(text, Mode.AT_LEAST);
    }

    static Bound after(String text) {
        return new Bound(text, Mode.AFTER);
    }

    /** Admits only strings greater than every string that starts with {@code prefix}. */
    static Bound pastPrefix(String prefix) {
        return new Bound(prefix, Mode.PAST_PREFIX);
    }

    String text() {
        return text;
    }

    Mode mode() {
        return mode;
    }

    /** The same bound seen from inside a directory whose key is the first {@code chars} chars of the text. */
    Bound dropFirst(int chars) {
        return new Bound(text.substring(chars), mode);
    }

    boolean admits(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return admits(b, 0, b.length);
    }

    boolean admits(byte[] buf, int from, int to) {
        int cmp = Arrays.compareUnsigned(buf, from, to, utf8, 0, utf8.length);
        switch (mode) {
            case AT_LEAST:
                return cmp >= 0;
            case AFTER:
                return cmp > 0;
            default:
                return cmp > 0 && !startsWith(buf, from, to, utf8);
        }
    }

    static boolean startsWith(byte[] buf, int from, int to, byte[] prefix) {
        return to - from >= prefix.length
                && Arrays.equals(buf, from, from + prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public String toString() {
        return mode + "(" + text + ")";
    }
}
