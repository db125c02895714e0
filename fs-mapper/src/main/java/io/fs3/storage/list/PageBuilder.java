package io.fs3.storage.list;

import io.fs3.storage.ListPage;
import io.fs3.storage.ObjectSummary;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects one page. S3's max-keys counts objects and common prefixes together; the page is truncated
 * if one more item exists after it, and then resumes after its last item (key or common prefix).
 */
final class PageBuilder {
    private final int maxKeys;
    private final List<ObjectSummary> objects = new ArrayList<>();
    private final List<String> commonPrefixes = new ArrayList<>();
    private String lastItem;
    private int count;
    private boolean truncated;

    PageBuilder(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    void addObject(ObjectSummary object) {
        if (take(object.key())) {
            objects.add(object);
        }
    }

    void addCommonPrefix(String prefix) {
        if (take(prefix)) {
            commonPrefixes.add(prefix);
        }
    }

    /** True once an item beyond the page was seen: nothing more is needed. */
    boolean isComplete() {
        return truncated;
    }

    ListPage build() {
        return new ListPage(objects, commonPrefixes, truncated, truncated ? lastItem : null);
    }

    private boolean take(String item) {
        if (count == maxKeys) {
            truncated = true;
            return false;
        }
        count++;
        lastItem = item;
        return true;
    }
}
