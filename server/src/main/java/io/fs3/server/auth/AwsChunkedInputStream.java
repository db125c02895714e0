package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an aws-chunked body ({@code <hex-size>[;chunk-signature=<sig>]\r\n<data>\r\n ... 0...\r\n
 * [trailer lines\r\n]\r\n}) and yields the object bytes, checking chunk signatures (signed modes),
 * the trailer and its signature, the declared checksums and {@code x-amz-decoded-content-length}.
 * Every check has run, or thrown, before -1 is returned. Data of a chunk is handed out before that
 * chunk's signature is checked (memory stays constant); the check happens at the end of the chunk.
 */
final class AwsChunkedInputStream extends InputStream {
    private static final String SIGNATURE_EXT = "chunk-signature=";
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private final BodyReader body;
    private final PayloadVerifier verifier;
    private final ChunkSignatureChain chain;
    private final boolean trailer;
    private final long declaredLength;
    private final MessageDigest chunkDigest;
    private final byte[] one = new byte[1];
    private long chunkRemaining;
    private boolean inChunk;
    private String chunkSignature;
    private long decoded;
    private boolean done;
    private RuntimeException failure;
    private Map<String, String> checksums = Map.of();

    /**
     * @param chain          null for unsigned chunks
     * @param trailer        a trailer follows the final chunk
     * @param declaredLength x-amz-decoded-content-length, or -1 if not declared
     */
    AwsChunkedInputStream(InputStream raw, PayloadVerifier verifier, ChunkSignatureChain chain, boolean trailer,
                          long declaredLength) {
        this.body = new BodyReader(raw);
        this.verifier = verifier;
        this.chain = chain;
        this.trailer = trailer;
        this.declaredLength = declaredLength;
        this.chunkDigest = chain == null ? null : Crypto.newSha256();
    }

    Map<String, String> checksums() {
        return checksums;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        try {
            return readDecoded(b, off, len);
        } catch (S3Exception e) {
            failure = e;
            throw e;
        }
    }

    private int readDecoded(byte[] b, int off, int len) throws IOException {
        while (chunkRemaining == 0) {
            if (inChunk) {
                endChunk();
            }
            if (!startChunk()) {
                finish();
                return -1;
            }
        }
        int n = body.read(b, off, (int) Math.min(len, chunkRemaining));
        if (n < 0) {
            throw BodyReader.incomplete("The request body terminated unexpectedly");
        }
        chunkRemaining -= n;
        decoded += n;
        if (declaredLength >= 0 && decoded > declaredLength) {
            throw decodedLengthMismatch();
        }
        if (chunkDigest != null) {
            chunkDigest.update(b, off, n);
        }
        verifier.update(b, off, n);
        return n;
    }

    /** Reads a chunk header; false after the final (zero-length) chunk and its trailer. */
    private boolean startChunk() throws IOException {
        String line = body.readLine();
        if (line == null) {
            throw BodyReader.incomplete("The request body terminated unexpectedly");
        }
        long size = parseHeader(line);
        if (size > 0) {
            chunkRemaining = size;
            inChunk = true;
            return true;
        }
        if (chain != null) {
            chain.verifyChunk(Crypto.EMPTY_SHA256, chunkSignature);
        }
        if (trailer) {
            readTrailer();
        } else {
            String end = body.readLine();
            if (end != null && !end.isEmpty()) {
                throw BodyReader.incomplete("Malformed aws-chunked encoding");
            }
        }
        if (!body.atEof()) {
            throw BodyReader.incomplete("Unexpected data after the final chunk");
        }
        return false;
    }

    /** The CRLF after the data, then the chunk's signature over its SHA-256. */
    private void endChunk() throws IOException {
        body.expectCrlf();
        inChunk = false;
        if (chain != null) {
            chain.verifyChunk(Crypto.hex(chunkDigest.digest()), chunkSignature);
        }
    }

    /** {@code hex-size[;ext...]}; the {@code chunk-signature} extension is required in signed modes. */
    private long parseHeader(String line) {
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
        long size = parseHexSize(hex);
        chunkSignature = null;
        if (semi >= 0) {
            for (String ext : line.substring(semi + 1).split(";")) {
                String e = ext.strip();
                if (e.startsWith(SIGNATURE_EXT)) {
                    chunkSignature = e.substring(SIGNATURE_EXT.length());
                }
            }
        }
        if (chain != null && chunkSignature == null) {
            throw BodyReader.incomplete("Missing chunk-signature in aws-chunked encoding");
        }
        return size;
    }

    private static long parseHexSize(String hex) {
        if (hex.isEmpty() || hex.length() > 15) {
            throw BodyReader.incomplete("Malformed aws-chunked encoding");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int d = Crypto.hexDigit(hex.charAt(i));
            if (d < 0) {
                throw BodyReader.incomplete("Malformed aws-chunked encoding");
            }
            size = (size << 4) | d;
        }
        return size;
    }

    /**
     * Trailer lines {@code name:value} up to an empty line (or EOF). Checksums go to the verifier;
     * in signed mode {@code x-amz-trailer-signature} must sign {@code sha256("name:value\n"...)}.
     */
    private void readTrailer() throws IOException {
        StringBuilder canonical = new StringBuilder();
        String signature = null;
        String line;
        while ((line = body.readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw S3Exception.of(S3Error.MALFORMED_TRAILER);
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.toLowerCase(Locale.ROOT).equals(TRAILER_SIGNATURE)) {
                signature = value;
                continue;
            }
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.byHeaderName(name);
            if (algorithm == null || signature != null) {
                throw S3Exception.of(S3Error.MALFORMED_TRAILER);
            }
            verifier.trailerChecksum(algorithm, value);
            canonical.append(name).append(':').append(value).append('\n');
        }
        if (chain != null) {
            if (signature == null) {
                throw S3Exception.of(S3Error.MALFORMED_TRAILER);
            }
            chain.verifyTrailer(Crypto.sha256Hex(canonical.toString()), signature);
        }
    }

    private void finish() {
        if (declaredLength >= 0 && decoded != declaredLength) {
            throw decodedLengthMismatch();
        }
        checksums = verifier.verify();
        done = true;
    }

    private S3Exception decodedLengthMismatch() {
        return S3Exception.of(S3Error.INCOMPLETE_BODY, "The decoded body length does not match "
                + "x-amz-decoded-content-length (" + declaredLength + ")");
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
