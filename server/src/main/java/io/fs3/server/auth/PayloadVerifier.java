package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hashes the decoded object bytes and, at the end, compares them with everything the request
 * declared: the hex {@code x-amz-content-sha256}, {@code x-amz-checksum-*} headers and trailers.
 */
final class PayloadVerifier {
    private final String expectedSha256Hex;
    private final Map<ChecksumAlgorithm, String> expected = new EnumMap<>(ChecksumAlgorithm.class);
    private final Set<ChecksumAlgorithm> declaredTrailers;
    private final Map<ChecksumAlgorithm, ChecksumAlgorithm.Hasher> hashers = new EnumMap<>(ChecksumAlgorithm.class);
    private final Map<ChecksumAlgorithm, String> trailerValues = new EnumMap<>(ChecksumAlgorithm.class);
    private final Map<String, String> verified = new LinkedHashMap<>();

    /**
     * @param expectedSha256Hex hex SHA-256 the body must have, or null
     * @param headerChecksums   base64 checksums from {@code x-amz-checksum-*} headers
     * @param declaredTrailers  checksums announced in {@code x-amz-trailer}, values arriving later
     */
    PayloadVerifier(String expectedSha256Hex, Map<ChecksumAlgorithm, String> headerChecksums,
                    Set<ChecksumAlgorithm> declaredTrailers) {
        this.expectedSha256Hex = expectedSha256Hex;
        this.expected.putAll(headerChecksums);
        this.declaredTrailers = declaredTrailers;
        if (expectedSha256Hex != null) {
            hashers.put(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA256.newHasher());
        }
        for (ChecksumAlgorithm a : headerChecksums.keySet()) {
            hashers.computeIfAbsent(a, ChecksumAlgorithm::newHasher);
        }
        for (ChecksumAlgorithm a : declaredTrailers) {
            hashers.computeIfAbsent(a, ChecksumAlgorithm::newHasher);
        }
    }

    Set<ChecksumAlgorithm> declaredTrailers() {
        return declaredTrailers;
    }

    void update(byte[] b, int off, int len) {
        for (ChecksumAlgorithm.Hasher h : hashers.values()) {
            h.update(b, off, len);
        }
    }

    /** Records a checksum that arrived in the trailer; it must have been announced, once, and be well-formed. */
    void trailerChecksum(ChecksumAlgorithm algorithm, String base64) {
        if (!declaredTrailers.contains(algorithm) || trailerValues.containsKey(algorithm)) {
            throw S3Exception.of(S3Error.MALFORMED_TRAILER);
        }
        Checksums.requireValid(algorithm, base64, "trailing header");
        trailerValues.put(algorithm, base64);
    }

    /** At EOF: throws on any mismatch (or a missing announced trailer), else the verified checksums. */
    Map<String, String> verify() {
        if (!trailerValues.keySet().containsAll(declaredTrailers)) {
            throw S3Exception.of(S3Error.MALFORMED_TRAILER);
        }
        Map<ChecksumAlgorithm, byte[]> digests = new EnumMap<>(ChecksumAlgorithm.class);
        hashers.forEach((a, h) -> digests.put(a, h.digest()));
        if (expectedSha256Hex != null) {
            String computed = Crypto.hex(digests.get(ChecksumAlgorithm.SHA256));
            if (!Crypto.hexEquals(computed, expectedSha256Hex)) {
                throw S3Exception.of(S3Error.CONTENT_SHA256_MISMATCH)
                        .withDetail("ClientComputedContentSHA256", expectedSha256Hex)
                        .withDetail("S3ComputedContentSHA256", computed);
            }
        }
        compare(expected, digests);
        compare(trailerValues, digests);
        return Collections.unmodifiableMap(verified);
    }

    private void compare(Map<ChecksumAlgorithm, String> provided, Map<ChecksumAlgorithm, byte[]> digests) {
        for (Map.Entry<ChecksumAlgorithm, String> e : provided.entrySet()) {
            byte[] sent = Base64.getDecoder().decode(e.getValue());
            if (!MessageDigest.isEqual(sent, digests.get(e.getKey()))) {
                // AWS: BadDigest "The CRC32 you specified did not match the calculated checksum."
                throw S3Exception.of(S3Error.BAD_CHECKSUM, "The " + e.getKey().displayName()
                        + " you specified did not match the calculated checksum.");
            }
            verified.put(e.getKey().key(), e.getValue());
        }
    }
}
