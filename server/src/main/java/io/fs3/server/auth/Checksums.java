package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Reads the checksum declarations of a request: {@code x-amz-checksum-*} headers and {@code x-amz-trailer}. */
final class Checksums {
    static final String X_AMZ_TRAILER = "x-amz-trailer";

    private Checksums() {
    }

    /**
     * The {@code x-amz-checksum-<algorithm>} headers. Other {@code x-amz-checksum-*} headers
     * (-algorithm, -type, -mode) are not checksum values and are ignored. AWS allows one algorithm:
     * "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed."
     */
    static Map<ChecksumAlgorithm, String> fromHeaders(SignedRequest request) {
        Map<ChecksumAlgorithm, String> found = new EnumMap<>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String value = request.header(a.headerName());
            if (value != null) {
                requireValid(a, value.strip(), "header");
                found.put(a, value.strip());
            }
        }
        if (found.size() > 1) {
            throw S3Exception.of(S3Error.INVALID_REQUEST,
                    "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }
        return found;
    }

    /** Checksums announced in {@code x-amz-trailer} (comma-separated header names, any case). */
    static Set<ChecksumAlgorithm> declaredTrailers(SignedRequest request) {
        Set<ChecksumAlgorithm> declared = EnumSet.noneOf(ChecksumAlgorithm.class);
        for (String value : request.headerValues(X_AMZ_TRAILER)) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                ChecksumAlgorithm a = ChecksumAlgorithm.byHeaderName(name);
                if (a == null) {
                    throw S3Exception.of(S3Error.INVALID_REQUEST,
                            "The value specified in the x-amz-trailer header is not supported");
                }
                declared.add(a);
            }
        }
        return declared;
    }

    /**
     * The value must be base64 of exactly the algorithm's length; AWS answers otherwise with
     * InvalidRequest "Value for x-amz-checksum-crc32 header is invalid.".
     */
    static void requireValid(ChecksumAlgorithm algorithm, String base64, String where) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != algorithm.length()) {
            throw S3Exception.of(S3Error.INVALID_REQUEST,
                    "Value for " + algorithm.headerName() + " " + where + " is invalid.");
        }
    }
}
