package io.fs3.storage.list;

import io.fs3.storage.ObjectSummary;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Turns a directory entry into a listed object; implemented by the storage layer (metadata, ETag, cache). */
public interface EntryResolver {
    /**
     * The summary of the regular file {@code file} at {@code key}, or empty if it vanished or must not be
     * listed. {@code attrs} were read without following links.
     */
    Optional<ObjectSummary> file(String key, Path file, BasicFileAttributes attrs);

    /**
     * The summary of the folder object {@code key} (ends with '/'), if directory {@code dir} is marked as
     * one (created via S3 PUT of "key/"); else empty.
     */
    Optional<ObjectSummary> folder(String key, Path dir);
}
