package io.fs3.server.post;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Enforces a POST policy's content-length-range while streaming: too many bytes fail as soon as they
 * arrive, too few fail at EOF — both before the object could be published.
 */
final class LengthRangeInputStream extends FilterInputStream {
    private final long min;
    private final long max;
    private long count;

    LengthRangeInputStream(InputStream in, long min, long max) {
        super(in);
        this.min = min;
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            if (count < min) {
                throw S3Exception.of(S3Error.ENTITY_TOO_SMALL);
            }
            return n;
        }
        count += n;
        if (count > max) {
            throw S3Exception.of(S3Error.ENTITY_TOO_LARGE);
        }
        return n;
    }
}
