package io.fs3.multipart.posix;

import io.fs3.multipart.Checksummer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Feeds every byte read to a hasher (the upload's checksum algorithm, when the client sent no value for it). */
final class HashingInputStream extends FilterInputStream {
    private final Checksummer.Hasher hasher;

    HashingInputStream(InputStream in, Checksummer.Hasher hasher) {
        super(in);
        this.hasher = hasher;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            hasher.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // every byte must pass through the hasher
    }
}
