package io.fs3.storage;

import java.util.Optional;

/** Small per-bucket configuration documents (tagging, CORS, ...), stored as received after validation. */
public interface BucketConfigStore {
    Optional<byte[]> read(BucketName bucket, String name);

    void write(BucketName bucket, String name, byte[] document);

    void delete(BucketName bucket, String name);
}
