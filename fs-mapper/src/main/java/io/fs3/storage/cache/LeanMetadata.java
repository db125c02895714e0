package io.fs3.storage.cache;

import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The cached form of the commonest metadata: no user metadata, checksums, tags or parts, an ETag that is an
 * MD5 in hex (with an optional "-N" suffix), and size and time as the stat gives them. That is every file
 * another program wrote and every plain PUT. It keeps the MD5 as two longs and takes size and time from the
 * stat the entry is validated against, ~40 bytes where the metadata object with its ETag string and Instant
 * took ~160; the metadata is rebuilt on each hit.
 */
record LeanMetadata(ObjectKey key, ContentHeaders content, long md5High, long md5Low, int suffix) {
    private static final HexFormat HEX = HexFormat.of();
    private static final int NO_SUFFIX = -1;

    /** The lean form of {@code m} as loaded for {@code stat}, or null if it has anything this form lacks. */
    static LeanMetadata of(ObjectMetadata m, FileStat stat) {
        String etag = m.etag();
        if (etag == null || etag.length() < 32 || !m.userMetadata().isEmpty() || !m.checksums().isEmpty()
                || !m.tags().isEmpty() || !m.partSizes().isEmpty() || m.size() != stat.stamp().size()
                || !m.lastModified().equals(stat.lastModified())) {
            return null;
        }
        int suffix = suffix(etag);
        if (suffix == Integer.MIN_VALUE || !isLowerHex(etag)) {
            return null;
        }
        return new LeanMetadata(m.key(), m.content(), HexFormat.fromHexDigitsToLong(etag, 0, 16),
                HexFormat.fromHexDigitsToLong(etag, 16, 32), suffix);
    }

    /** The metadata again, for a stat with the same stamp as the one it was made from. */
    ObjectMetadata metadata(FileStat current) {
        return new ObjectMetadata(key, current.stamp().size(), current.lastModified(), etag(), content,
                Map.of(), Map.of(), Map.of(), List.of());
    }

    private String etag() {
        String hex = HEX.toHexDigits(md5High) + HEX.toHexDigits(md5Low);
        return suffix == NO_SUFFIX ? hex : hex + "-" + suffix;
    }

    /** {@link #NO_SUFFIX} for a bare MD5, N for "md5-N" as Integer.toString prints N, else MIN_VALUE. */
    private static int suffix(String etag) {
        if (etag.length() == 32) {
            return NO_SUFFIX;
        }
        if (etag.length() < 34 || etag.length() > 43 || etag.charAt(32) != '-' || etag.charAt(33) == '0') {
            return Integer.MIN_VALUE;
        }
        long n = 0;
        for (int i = 33; i < etag.length(); i++) {
            char c = etag.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            n = n * 10 + (c - '0');
        }
        return n <= Integer.MAX_VALUE ? (int) n : Integer.MIN_VALUE;
    }

    private static boolean isLowerHex(String etag) {
        for (int i = 0; i < 32; i++) {
            char c = etag.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
