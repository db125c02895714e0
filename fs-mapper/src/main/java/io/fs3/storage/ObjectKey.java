package io.fs3.storage;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /** The path segments; a folder key's trailing '/' adds no empty segment. */
    public List<String> segments() {
        String body = isFolder() ? value.substring(0, value.length() - 1) : value;
        return List.of(body.split("/", -1));
    }

    private static void validate(String key) {
        if (key == null || key.isEmpty()) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Object key must not be empty.");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw S3Exception.of(S3Error.KEY_TOO_LONG).withResource(key);
        }
        if (key.indexOf('\0') >= 0) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Object key must not contain NUL.");
        }
        String body = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw S3Exception.of(S3Error.INVALID_ARGUMENT,
                        "Object key has an empty, '.' or '..' path segment, which a directory tree cannot hold.")
                        .withResource(key);
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw S3Exception.of(S3Error.KEY_TOO_LONG,
                        "A path segment of the key is longer than the filesystem's 255-byte name limit.")
                        .withResource(key);
            }
        }
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
