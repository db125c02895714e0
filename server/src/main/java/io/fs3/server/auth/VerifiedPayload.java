package io.fs3.server.auth;

import java.io.InputStream;
import java.util.Map;

/** A request body wrapped so that reading it yields verified object bytes. */
public interface VerifiedPayload {
    /** The decoded object bytes; throws S3Exception from read() on any verification failure. */
    InputStream stream();

    /** x-amz-decoded-content-length for aws-chunked bodies, else Content-Length if present, else -1. */
    long decodedLength();

    /**
     * Verified checksums, key = lower-case algorithm name ("crc32", "crc32c", "sha1", "sha256",
     * "crc64nvme"), value = base64 as sent. Complete only after stream() hit EOF.
     */
    Map<String, String> checksums();
}
