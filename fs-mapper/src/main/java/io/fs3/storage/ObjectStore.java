package io.fs3.storage;

/** Reads and writes single objects. Every method throws S3Exception for S3-visible failures. */
public interface ObjectStore {
    /** Opens the current object for reading; the returned metadata describes exactly the bytes the channel yields. */
    OpenObject open(BucketName bucket, ObjectKey key);

    /** Streams the body to a temp file on the bucket's filesystem and publishes it atomically. */
    PutResult put(BucketName bucket, ObjectKey key, PutRequest request);

    ObjectMetadata head(BucketName bucket, ObjectKey key);

    /** Idempotent, like S3: deleting a missing key succeeds. */
    void delete(BucketName bucket, ObjectKey key);

    /** Writes a copy of an open object under a key, atomically, with the given metadata. */
    PutResult copy(BucketName bucket, ObjectKey key, CopyRequest request);

    /** Replaces the object's tag set (an empty map removes all tags) without touching its bytes. */
    void putTags(BucketName bucket, ObjectKey key, java.util.Map<String, String> tags);
}
