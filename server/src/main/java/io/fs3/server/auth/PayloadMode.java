package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

/** How the request body is framed and protected, as declared by {@code x-amz-content-sha256}. */
public enum PayloadMode {
    /** {@code UNSIGNED-PAYLOAD}: plain body, only checksum headers (if any) are verified. */
    UNSIGNED(false),
    /** 64 hex digits: plain body whose SHA-256 must match. */
    SIGNED_SHA256(false),
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked, every chunk signed. */
    STREAMING_SIGNED(true),
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: signed chunks plus a signed trailer. */
    STREAMING_SIGNED_TRAILER(true),
    /** {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked without signatures, checksum trailer. */
    STREAMING_UNSIGNED_TRAILER(true);

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String STREAMING_SIGNED_VALUE = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String STREAMING_SIGNED_TRAILER_VALUE = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    static final String STREAMING_UNSIGNED_TRAILER_VALUE = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private final boolean chunked;

    PayloadMode(boolean chunked) {
        this.chunked = chunked;
    }

    /** True if the body is aws-chunked encoded. */
    public boolean chunked() {
        return chunked;
    }

    /** True if the body carries a trailer after the final chunk. */
    public boolean hasTrailer() {
        return this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    /** True if chunks (and the trailer) carry signatures chained from the seed signature. */
    public boolean signedChunks() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
    }

    /**
     * Reads an {@code x-amz-content-sha256} value. AWS rejects anything else with InvalidArgument
     * ("x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-..., or a valid sha256 value.").
     */
    public static PayloadMode of(String contentSha256) {
        if (contentSha256 == null) {
            throw S3Exception.of(S3Error.INVALID_REQUEST,
                    "Missing required header for this request: x-amz-content-sha256");
        }
        return switch (contentSha256) {
            case UNSIGNED_PAYLOAD -> UNSIGNED;
            case STREAMING_SIGNED_VALUE -> STREAMING_SIGNED;
            case STREAMING_SIGNED_TRAILER_VALUE -> STREAMING_SIGNED_TRAILER;
            case STREAMING_UNSIGNED_TRAILER_VALUE -> STREAMING_UNSIGNED_TRAILER;
            default -> {
                if (!Crypto.isSha256Hex(contentSha256)) {
                    throw S3Exception.of(S3Error.INVALID_ARGUMENT, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                            + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, "
                            + "STREAMING-UNSIGNED-PAYLOAD-TRAILER or a valid sha256 value.");
                }
                yield SIGNED_SHA256;
            }
        };
    }
}
