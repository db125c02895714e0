package io.fs3.storage;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.nio.charset.StandardCharsets;

/**
 * An object key that a POSIX tree can hold: at most 1024 UTF-8 bytes, '/'-separated segments of at
 * most 255 bytes, no NUL, no empty, "." or ".." segment. A trailing '/' makes it a folder key
 * (a directory marker). Whether the first segment is fs3's reserved directory is checked by the
 * key mapper, which knows the configured name.
 */
public record ObjectKey(String value) implements Comparable<ObjectKey> {
    public static final int MAX_KEY_BYTES = 1024;
    public static final int MAX_SEGMENT_BYTES = 255;

    public ObjectKey {
        validate(value);
    }

    public static ObjectKey of(String value) {
        return new ObjectKey(value);
    }

    public boolean isFolder() {
        return value.endsWith("/");
    }

    /** How many '/'-separated path segments the key has; a folder key's trailing '/' adds none. */
    public int segmentCount() {
        int end = isFolder() ? value.length() - 1 : value.length();
        int n = 1;
        for (int i = 0; i < end; i++) {
            if (value.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    /** The first path segment (the top-level directory or file name). */
    public String firstSegment() {
        int slash = value.indexOf('/');
        return slash < 0 ? value : value.substring(0, slash);
    }

    /** The last path segment of a file key (its file name). */
    public String lastSegment() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    // Runs for every key of every listing, so it scans the key in place instead of splitting it.
    private static void validate(String key) {
        if (key == null || key.isEmpty()) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Object key must not be empty.");
        }
        if (utf8Length(key, 0, key.length(), MAX_KEY_BYTES) > MAX_KEY_BYTES) {
            throw S3Exception.of(S3Error.KEY_TOO_LONG).withResource(key);
        }
        if (key.indexOf('\0') >= 0) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Object key must not contain NUL.");
        }
        int end = key.endsWith("/") ? key.length() - 1 : key.length();
        for (int start = 0; ; ) {
            int slash = key.indexOf('/', start);
            int segmentEnd = slash < 0 || slash > end ? end : slash;
            int length = segmentEnd - start;
            if (length == 0 || (length <= 2 && key.charAt(start) == '.' && key.charAt(segmentEnd - 1) == '.')) {
                throw S3Exception.of(S3Error.INVALID_ARGUMENT,
                        "Object key has an empty, '.' or '..' path segment, which a directory tree cannot hold.")
                        .withResource(key);
            }
            if (utf8Length(key, start, segmentEnd, MAX_SEGMENT_BYTES) > MAX_SEGMENT_BYTES) {
                throw S3Exception.of(S3Error.KEY_TOO_LONG,
                        "A path segment of the key is longer than the filesystem's 255-byte name limit.")
                        .withResource(key);
            }
            if (segmentEnd >= end) {
                return;
            }
            start = segmentEnd + 1;
        }
    }

    /** Above {@code limit} exactly when the UTF-8 length of {@code s[from, to)} is (counted only if it could be). */
    private static int utf8Length(String s, int from, int to, int limit) {
        if ((to - from) * 3 <= limit) {
            return to - from; // at most 3 bytes per char: cannot exceed the limit
        }
        return s.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public int compareTo(ObjectKey o) {
        return Utf8Order.compare(value, o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
