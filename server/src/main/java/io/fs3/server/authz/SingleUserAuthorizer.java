package io.fs3.server.authz;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.op.S3Operation;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;

/** The single-credential policy: the one authenticated user may do everything; anonymous requests nothing. */
public final class SingleUserAuthorizer implements Authorizer {
    @Override
    public void check(String accessKey, S3Operation operation, BucketName bucket, ObjectKey key) {
        if (accessKey == null) {
            throw S3Exception.of(S3Error.ACCESS_DENIED);
        }
    }

    @Override
    public boolean canSeeBucket(String accessKey, BucketName bucket) {
        return accessKey != null;
    }
}
