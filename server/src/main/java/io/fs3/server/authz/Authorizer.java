package io.fs3.server.authz;

import io.fs3.server.op.S3Operation;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;

/**
 * Decides whether a principal may perform an operation on a bucket (and key). Every entry point that
 * acts for a user — S3 requests and the web UI alike — asks here, so permissions are decided in one place.
 */
public interface Authorizer {
    /**
     * Throws {@code S3Exception(ACCESS_DENIED)} unless allowed. {@code accessKey} is null for anonymous
     * requests; {@code bucket} is null for service-level operations (ListBuckets); {@code key} is null
     * for bucket-level operations.
     */
    void check(String accessKey, S3Operation operation, BucketName bucket, ObjectKey key);

    /** True if {@code accessKey} (null = anonymous) may see the bucket in ListBuckets / the web UI's bucket list. */
    boolean canSeeBucket(String accessKey, BucketName bucket);
}
