package io.fs3.storage.list;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The entries of one directory (or a window of them), sorted in S3 key order and stored compactly:
 * every sort name's UTF-8 bytes concatenated in one array plus one end offset per entry. A sort name
 * is the file name, with a '/' appended for a directory (S3 orders a directory {@code d} as the keys
 * {@code d/...}, so {@code a.txt < a/ < a0}). About 4 bytes of overhead per entry: a 1M-entry
 * directory with 20-byte names takes ~25 MB.
 */
final class DirectorySnapshot {
    static final DirectorySnapshot EMPTY = new DirectorySnapshot(new byte[0], new int[0]);

    private final byte[] names;
    private final int[] ends;

    private DirectorySnapshot(byte[] names, int[] ends) {
        this.names = names;
        this.ends = ends;
    }

    /** Sorts the given UTF-8 sort names (unsigned byte order = UTF-8 code point order) and packs them. */
    static DirectorySnapshot of(List<byte[]> sortNames) {
        byte[][] sorted = sortNames.toArray(new byte[0][]);
        Arrays.sort(sorted, Arrays::compareUnsigned);
        int total = 0;
        for (byte[] n : sorted) {
            total += n.length;
        }
        byte[] packed = new byte[total];
        int[] ends = new int[sorted.length];
        int at = 0;
        for (int i = 0; i < sorted.length; i++) {
            System.arraycopy(sorted[i], 0, packed, at, sorted[i].length);
            at += sorted[i].length;
            ends[i] = at;
        }
        return new DirectorySnapshot(packed, ends);
    }

    int size() {
        return ends.length;
    }

    /** The sort name of entry {@code i}: the file name, with a trailing '/' for a directory. */
    String sortName(int i) {
        int from = start(i);
        return new String(names, from, ends[i] - from, StandardCharsets.UTF_8);
    }

    /** The index of the first entry at or after {@code from} that {@code bound} admits, or {@link #size()}. */
    int seek(Bound bound, int from) {
        int lo = from;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bound.admits(names, start(mid), ends[mid])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** True if the exact sort name is present (a directory's sort name ends with '/'). */
    boolean contains(String sortName) {
        int i = seek(Bound.atLeast(sortName), 0);
        return i < ends.length && sortName(i).equals(sortName);
    }

    private int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }
}
