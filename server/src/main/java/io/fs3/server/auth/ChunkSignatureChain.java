package io.fs3.server.auth;

/**
 * The chain of aws-chunked signatures: each chunk is signed over the previous signature (the seed
 * signature for the first chunk), and the trailer over the final chunk's signature.
 */
final class ChunkSignatureChain {
    private final AuthResult auth;
    private String previous;

    ChunkSignatureChain(AuthResult auth) {
        this.auth = auth;
        this.previous = auth.seedSignature();
    }

    /** Checks one chunk's signature; AWS answers a wrong one with SignatureDoesNotMatch. */
    void verifyChunk(String chunkSha256Hex, String provided) {
        String stringToSign = SigV4Signing.chunkStringToSign(auth.amzDate(), auth.scope(), previous, chunkSha256Hex);
        previous = verify(stringToSign, provided);
    }

    /** Checks the trailer signature over {@code sha256(trailer lines as name:value\n)}. */
    void verifyTrailer(String trailerSha256Hex, String provided) {
        String stringToSign = SigV4Signing.trailerStringToSign(auth.amzDate(), auth.scope(), previous,
                trailerSha256Hex);
        previous = verify(stringToSign, provided);
    }

    private String verify(String stringToSign, String provided) {
        String expected = SigV4Signing.signature(auth.key(), stringToSign);
        if (!Crypto.hexEquals(expected, provided)) {
            throw SigV4Verifier.signatureMismatch(auth.accessKey(), stringToSign, provided, null);
        }
        return expected;
    }
}
