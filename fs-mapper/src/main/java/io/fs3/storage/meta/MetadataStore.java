package io.fs3.storage.meta;

import io.fs3.storage.StoredMetadata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps {@link StoredMetadata} for an object. {@code target} is the object's file (or a folder object's
 * directory); on write it may be the temp file that is about to be renamed into place, so metadata
 * written to the inode travels with it.
 */
public interface MetadataStore {
    Optional<StoredMetadata> read(Path bucketDir, String key, Path target);

    void write(Path bucketDir, String key, Path target, StoredMetadata metadata) throws IOException;

    /** Removes the metadata of a deleted object; missing metadata is not an error. */
    void delete(Path bucketDir, String key, Path target) throws IOException;
}
