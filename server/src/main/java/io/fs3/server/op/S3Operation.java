package io.fs3.server.op;

/** Every S3 operation fs3 recognises; the resolved one is stored on the request for logs and metrics. */
public enum S3Operation {
    LIST_BUCKETS,
    CREATE_BUCKET, DELETE_BUCKET, HEAD_BUCKET, GET_BUCKET_LOCATION, GET_BUCKET_VERSIONING,
    LIST_OBJECTS_V1, LIST_OBJECTS_V2,
    GET_OBJECT, HEAD_OBJECT, PUT_OBJECT, DELETE_OBJECT, COPY_OBJECT, DELETE_OBJECTS, POST_OBJECT,
    GET_OBJECT_TAGGING, PUT_OBJECT_TAGGING, DELETE_OBJECT_TAGGING,
    GET_BUCKET_TAGGING, PUT_BUCKET_TAGGING, DELETE_BUCKET_TAGGING,
    GET_BUCKET_CORS, PUT_BUCKET_CORS, DELETE_BUCKET_CORS,
    /** Recognised but not implemented: answered with NotImplemented naming the operation. */
    UNSUPPORTED
}
