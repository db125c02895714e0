package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.IOException;
import java.io.InputStream;

/**
 * Buffered reading of an aws-chunked body: CRLF-terminated header lines and raw chunk data, with a
 * fixed buffer. Broken framing is IncompleteBody, as S3 (and versitygw, which mirrors it) answers.
 */
final class BodyReader {
    static final int MAX_LINE = 4096;
    private static final int BUFFER = 16 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;

    BodyReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its CRLF, or null at a clean EOF (no bytes before it). */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder(96);
        while (true) {
            if (pos == lim && fill() < 0) {
                if (line.length() == 0) {
                    return null;
                }
                throw incomplete("The request body terminated unexpectedly");
            }
            byte b = buf[pos++];
            if (b == '\r') {
                expectByte('\n');
                return line.toString();
            }
            if (b == '\n' || line.length() >= MAX_LINE) {
                throw incomplete("Malformed aws-chunked encoding");
            }
            line.append((char) (b & 0xff));
        }
    }

    /** Reads up to {@code len} chunk bytes; -1 at EOF. */
    int read(byte[] b, int off, int len) throws IOException {
        if (pos < lim) {
            int n = Math.min(len, lim - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
        if (len >= buf.length) {
            return in.read(b, off, len);
        }
        if (fill() < 0) {
            return -1;
        }
        return read(b, off, len);
    }

    /** The CRLF that ends every chunk's data. */
    void expectCrlf() throws IOException {
        expectByte('\r');
        expectByte('\n');
    }

    /** True if nothing at all follows. */
    boolean atEof() throws IOException {
        return pos == lim && fill() < 0;
    }

    void close() throws IOException {
        in.close();
    }

    private void expectByte(char expected) throws IOException {
        if (pos == lim && fill() < 0) {
            throw incomplete("The request body terminated unexpectedly");
        }
        if (buf[pos++] != expected) {
            throw incomplete("Malformed aws-chunked encoding");
        }
    }

    private int fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        pos = 0;
        lim = Math.max(n, 0);
        return n;
    }

    /** IncompleteBody with a short reason instead of the Content-Length text, which does not apply here. */
    static S3Exception incomplete(String why) {
        return S3Exception.of(S3Error.INCOMPLETE_BODY, why);
    }
}
