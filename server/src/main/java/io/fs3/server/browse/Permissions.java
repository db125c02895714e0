package io.fs3.server.browse;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.authz.Authorizer;
import io.fs3.server.op.S3Operation;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;

import java.util.Objects;

/** The browser asks the same {@link Authorizer} as S3 requests; this adds a yes/no form for showing buttons. */
final class Permissions {
    private final Authorizer authorizer;

    Permissions(Authorizer authorizer) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    /** Throws AccessDenied unless allowed; {@code accessKey} null is anonymous. */
    void require(String accessKey, S3Operation op, BucketName bucket, ObjectKey key) {
        authorizer.check(accessKey, op, bucket, key);
    }

    boolean allows(String accessKey, S3Operation op, BucketName bucket, ObjectKey key) {
        try {
            authorizer.check(accessKey, op, bucket, key);
            return true;
        } catch (S3Exception e) {
            if (e.error() == S3Error.ACCESS_DENIED) {
                return false;
            }
            throw e;
        }
    }

    boolean canSee(String accessKey, BucketName bucket) {
        return authorizer.canSeeBucket(accessKey, bucket);
    }

    /** The folder as a key for permission checks: the folder object, or null (bucket level) at the top. */
    static ObjectKey folderKey(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return null;
        }
        try {
            return ObjectKey.of(prefix);
        } catch (S3Exception e) {
            return null; // not a key a tree can hold (e.g. "a//"): judge at bucket level
        }
    }
}
