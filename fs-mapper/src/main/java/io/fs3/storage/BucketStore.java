package io.fs3.storage;

import java.util.List;

/** Buckets are the servable top-level directories of the root. */
public interface BucketStore {
    List<BucketSummary> listBuckets();

    /** Creates the directory; BucketAlreadyOwnedByYou if it exists, InvalidBucketName unless AWS's rules hold. */
    void create(BucketName bucket);

    /** BucketNotEmpty unless only fs3's reserved directory remains. */
    void delete(BucketName bucket);

    boolean exists(BucketName bucket);
}
