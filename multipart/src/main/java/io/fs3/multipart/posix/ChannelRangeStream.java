package io.fs3.multipart.posix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Bytes {@code first .. first+length-1} of an open file, by positional reads (the caller's buffer, no copy). */
final class ChannelRangeStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    ChannelRangeStream(FileChannel channel, long first, long length) {
        this.channel = channel;
        this.position = first;
        this.end = first + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
        if (n < 0) {
            throw new IOException("the copy source shrank while being copied");
        }
        position += n;
        return n;
    }
}
