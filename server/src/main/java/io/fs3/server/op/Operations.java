package io.fs3.server.op;

import io.fs3.server.browse.BrowseOp;
import io.fs3.server.post.PostObjectOp;

/** Every operation object, built once in Fs3Server and shared by the three resources. */
public record Operations(BucketOps buckets, ListObjectsOp listings, ObjectReadOp reads, ObjectWriteOp writes,
                         CopyObjectOp copies, DeleteObjectsOp batchDeletes, TaggingOps tagging, CorsOps cors,
                         PostObjectOp posts, MultipartOps multipart, AclOps acls, BrowseOp browser) {
}
