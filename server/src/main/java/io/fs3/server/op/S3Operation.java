package io.fs3.server.op;

/** Every S3 operation fs3 recognises; the resolved one is stored on the request for logs and metrics. */
public enum S3Operation {
    LIST_BUCKETS,
    CREATE_BUCKET, DELETE_BUCKET, HEAD_BUCKET, GET_BUCKET_LOCATION, GET_BUCKET_VERSIONING,
    LIST_OBJECTS_V1, LIST_OBJECTS_V2,
    GET_OBJECT, HEAD_OBJECT, PUT_OBJECT, DELETE_OBJECT,
    /** Recognised but not implemented: answered with NotImplemented naming the operation. */
    UNSUPPORTED
}
