package io.fs3.storage;

/** Lists a bucket's objects. */
public interface ObjectLister {
    /** One page in UTF-8 binary key order, starting strictly after {@code request.startAfter()}. */
    ListPage list(BucketName bucket, ListRequest request);
}
