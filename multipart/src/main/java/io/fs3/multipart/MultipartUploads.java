package io.fs3.multipart;

import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;

/** The multipart role the S3 operations call. Every method throws S3Exception for client-visible failures. */
public interface MultipartUploads {
    UploadInfo create(BucketName bucket, ObjectKey key, NewUpload upload);

    PartInfo uploadPart(BucketName bucket, ObjectKey key, UploadId id, int partNumber, PartBody body);

    /** UploadPartCopy: the part's bytes are a range of an already opened source object. */
    PartInfo copyPart(BucketName bucket, ObjectKey key, UploadId id, int partNumber, PartSource source);

    /**
     * Claims the upload and validates the request (fast: no bytes move); the returned completion assembles
     * and publishes when finished. Concurrent completers of one upload: one gets a completion, the others
     * NoSuchUpload.
     */
    Completion prepareComplete(BucketName bucket, ObjectKey key, UploadId id, CompleteRequest request);

    void abort(BucketName bucket, ObjectKey key, UploadId id);

    PartsPage listParts(BucketName bucket, ObjectKey key, UploadId id, int partNumberMarker, int maxParts);

    UploadsPage listUploads(BucketName bucket, UploadsQuery query);
}
