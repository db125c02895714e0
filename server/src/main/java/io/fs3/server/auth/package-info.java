/**
 * AWS Signature Version 4 for the S3 endpoint: verifying the Authorization header or a presigned
 * URL ({@link io.fs3.server.auth.SigV4Verifier}), and decoding and verifying request bodies while
 * they stream ({@link io.fs3.server.auth.PayloadStreams}: hex {@code x-amz-content-sha256},
 * aws-chunked with chunk and trailer signatures, {@code x-amz-checksum-*} headers and trailers).
 * {@link io.fs3.server.auth.SigV4AuthFilter} plugs both into Jersey before routing.
 *
 * <p>Owns: SigV4 canonicalisation and signing functions (service-agnostic, tested against AWS's
 * published vectors in fs3-src-test-data), the S3 path/query decoding rule
 * ({@link io.fs3.server.auth.UriEncoding}), checksum algorithms. Knows nothing of buckets,
 * storage or XML; errors leave as {@link io.fs3.s3.S3Exception} for the exception mapper.
 * Secrets arrive through {@link io.fs3.server.auth.CredentialStore} and are never logged.
 */
package io.fs3.server.auth;
