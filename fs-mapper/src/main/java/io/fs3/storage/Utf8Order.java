package io.fs3.storage;

/**
 * S3 orders keys by their UTF-8 bytes. Java's String.compareTo compares UTF-16 units, which differs
 * for supplementary characters (U+10000 and up) versus U+E000..U+FFFF; this compares code points,
 * which for valid UTF-16 gives exactly UTF-8 byte order without encoding.
 */
public final class Utf8Order {
    private Utf8Order() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
