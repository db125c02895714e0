package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Wraps request bodies according to the verified {@link AuthResult}. */
public final class PayloadStreams {
    static final String DECODED_LENGTH = "x-amz-decoded-content-length";

    private PayloadStreams() {
    }

    /**
     * Wraps the raw body so that reading it yields the decoded object bytes, verifying everything
     * declared (x-amz-content-sha256 hex, aws-chunked chunk signatures, trailer signature,
     * x-amz-checksum-* headers or trailers); on mismatch the stream throws S3Exception, at the latest
     * when EOF would be returned. Constant memory.
     */
    public static VerifiedPayload wrap(InputStream raw, AuthResult auth, SignedRequest request) {
        PayloadMode mode = auth.payload();
        Map<ChecksumAlgorithm, String> headerChecksums = Checksums.fromHeaders(request);
        Set<ChecksumAlgorithm> trailers = mode.hasTrailer() ? Checksums.declaredTrailers(request) : Set.of();
        String sha256 = mode == PayloadMode.SIGNED_SHA256 ? auth.payloadHash() : null;
        PayloadVerifier verifier = new PayloadVerifier(sha256, headerChecksums, trailers);
        if (!mode.chunked()) {
            PlainPayloadStream stream = new PlainPayloadStream(raw, verifier);
            return new Payload(stream, length(request, "Content-Length"), stream::checksums);
        }
        long decodedLength = length(request, DECODED_LENGTH);
        ChunkSignatureChain chain = mode.signedChunks() ? new ChunkSignatureChain(auth) : null;
        AwsChunkedInputStream stream = new AwsChunkedInputStream(raw, verifier, chain, mode.hasTrailer(),
                decodedLength);
        return new Payload(stream, decodedLength, stream::checksums);
    }

    private static long length(SignedRequest request, String header) {
        String value = request.header(header);
        if (value == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid " + header + " header: " + value)
                .withDetail("ArgumentName", header);
    }

    private record Payload(InputStream stream, long decodedLength, Supplier<Map<String, String>> checksumSource)
            implements VerifiedPayload {
        @Override
        public Map<String, String> checksums() {
            return checksumSource.get();
        }
    }
}
