package io.fs3.storage;

/**
 * One listing page request. {@code prefix} is "" for none; {@code delimiter} is null for none;
 * {@code startAfter} is exclusive (null to start at the beginning) and may name a key or a common
 * prefix returned on an earlier page; {@code maxKeys} counts objects and common prefixes together.
 */
public record ListRequest(String prefix, String delimiter, String startAfter, int maxKeys) {
    public ListRequest {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        startAfter = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        if (maxKeys < 0) {
            throw new IllegalArgumentException("maxKeys < 0");
        }
    }
}
