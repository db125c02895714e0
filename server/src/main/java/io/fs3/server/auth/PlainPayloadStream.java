package io.fs3.server.auth;

import io.fs3.s3.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * A plain (not aws-chunked) body: passes bytes through unchanged and, when the body ends, checks the
 * declared SHA-256 and checksums before returning -1.
 */
final class PlainPayloadStream extends InputStream {
    private final InputStream in;
    private final PayloadVerifier verifier;
    private final byte[] one = new byte[1];
    private boolean done;
    private RuntimeException failure;
    private Map<String, String> checksums = Map.of();

    PlainPayloadStream(InputStream in, PayloadVerifier verifier) {
        this.in = in;
        this.verifier = verifier;
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
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n > 0) {
            verifier.update(b, off, n);
            return n;
        }
        if (n == 0) {
            return 0;
        }
        try {
            checksums = verifier.verify();
        } catch (S3Exception e) {
            failure = e;
            throw e;
        }
        done = true;
        return -1;
    }

    @Override
    public int available() throws IOException {
        return done ? 0 : in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
