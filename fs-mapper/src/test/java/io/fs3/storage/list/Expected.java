package io.fs3.storage.list;

import io.fs3.storage.ListPage;
import io.fs3.storage.ListRequest;
import io.fs3.storage.ObjectSummary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The brute-force reference: S3's rules applied in memory to a complete key list. Keys sorted by
 * UTF-8 bytes; keys with the prefix become items (the key, or its common prefix: up to and including
 * the first delimiter after the prefix, shown once); items after start-after; the first max-keys.
 */
final class Expected {
    static final Comparator<String> UTF8 = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** A page as comparable values: items are keys and "CP:"-tagged common prefixes in order. */
    record Page(List<String> items, boolean truncated, String nextStartAfter) {
    }

    private Expected() {
    }

    static List<String> sorted(Collection<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(UTF8);
        return sorted;
    }

    static Page page(Collection<String> allKeys, ListRequest r) {
        List<String> values = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (String key : sorted(allKeys)) {
            if (!key.startsWith(r.prefix())) {
                continue;
            }
            int i = r.delimiter() == null ? -1 : key.indexOf(r.delimiter(), r.prefix().length());
            String value = i < 0 ? key : key.substring(0, i + r.delimiter().length());
            String item = i < 0 ? key : "CP:" + value;
            if (!items.isEmpty() && items.get(items.size() - 1).equals(item)) {
                continue; // a common prefix is shown once
            }
            if (r.startAfter() == null || UTF8.compare(value, r.startAfter()) > 0) {
                values.add(value);
                items.add(item);
            }
        }
        if (r.maxKeys() == 0) {
            return new Page(List.of(), false, null);
        }
        boolean truncated = items.size() > r.maxKeys();
        int n = Math.min(items.size(), r.maxKeys());
        return new Page(items.subList(0, n), truncated, truncated ? values.get(n - 1) : null);
    }

    /**
     * The page's items: objects and "CP:"-tagged common prefixes merged by key order. A plain merge, not
     * a sort, so that either list being out of order shows up as a difference.
     */
    static List<String> items(ListPage page) {
        List<String> items = new ArrayList<>();
        List<ObjectSummary> objects = page.objects();
        List<String> prefixes = page.commonPrefixes();
        int i = 0;
        int j = 0;
        while (i < objects.size() || j < prefixes.size()) {
            boolean takeObject = j == prefixes.size()
                    || (i < objects.size() && UTF8.compare(objects.get(i).key(), prefixes.get(j)) < 0);
            items.add(takeObject ? objects.get(i++).key() : "CP:" + prefixes.get(j++));
        }
        return items;
    }

    /** Text safe for test reports: non-ASCII as \\uXXXX (report writers choke on some characters). */
    static String escape(Object o) {
        StringBuilder b = new StringBuilder();
        for (char c : String.valueOf(o).toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return b.toString();
    }

    /** Fails with an escaped message unless equal. */
    static void assertEqualEscaped(Object expected, Object actual, String where) {
        if (!expected.equals(actual)) {
            throw new AssertionError(escape("expected: " + expected + "\n but was: " + actual + "\n at " + where));
        }
    }

    static Page of(ListPage page) {
        return new Page(items(page), page.truncated(), page.nextStartAfter());
    }
}
