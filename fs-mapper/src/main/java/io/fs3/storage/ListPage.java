package io.fs3.storage;

import java.util.List;

/**
 * One page of a listing in UTF-8 byte order. {@code nextStartAfter} is the last key or common prefix
 * on this page (the value to resume strictly after) when {@code truncated}, else null.
 */
public record ListPage(List<ObjectSummary> objects, List<String> commonPrefixes, boolean truncated,
                       String nextStartAfter) {
    public ListPage {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
