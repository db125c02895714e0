package io.fs3.storage;

import java.util.Optional;

/**
 * An object's own access control list, kept with the object's stored metadata so it is replaced when the
 * object is, and removed when it is deleted. The document is opaque here: the server defines its format.
 */
public interface ObjectAclStore {
    /** The object's access control list; empty if the object has none of its own or does not exist. */
    Optional<String> read(BucketName bucket, ObjectKey key);

    /** Sets the object's access control list without touching its bytes; NoSuchKey if the object is missing. */
    void write(BucketName bucket, ObjectKey key, String acl);
}
