/**
 * Multipart uploads (CreateMultipartUpload … CompleteMultipartUpload) on the filesystem that holds the
 * bucket. {@link io.fs3.multipart.MultipartUploads} is the role the S3 operations call; {@code posix}
 * implements it with per-upload staging directories under the bucket's reserved directory, parts
 * written through fs-mapper's {@code AtomicWriter}, completion claimed by an atomic rename and published
 * by fs-mapper's {@code Publisher}, and a background sweep ({@code StagingJanitor}). All state lives in
 * the tree, so uploads survive restarts and several fs3 instances can share one root.
 * Knows nothing of HTTP, XML or JAX-RS.
 */
package io.fs3.multipart;
