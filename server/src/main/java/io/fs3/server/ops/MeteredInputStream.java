package io.fs3.server.ops;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * The raw request body as received (before aws-chunked decoding): counts its bytes, and turns a read that
 * the connector's idle timeout cut off into S3's RequestTimeout. The exception escapes from read(), so the
 * writer deletes its temp file and nothing is published.
 */
public final class MeteredInputStream extends FilterInputStream {
    private long count;

    public MeteredInputStream(InputStream in) {
        super(in);
    }

    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = (int) guarded(() -> in.read());
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = (int) guarded(() -> in.read(b, off, len));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = guarded(() -> in.skip(n));
        count += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private interface Read {
        long read() throws IOException;
    }

    private static long guarded(Read read) throws IOException {
        try {
            return read.read();
        } catch (IOException e) {
            if (isTimeout(e)) {
                throw S3Exception.of(S3Error.REQUEST_TIMEOUT, S3Error.REQUEST_TIMEOUT.message(), e);
            }
            throw e;
        }
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
