package io.fs3.storage.cache;

import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.io.IOException;
import java.util.Objects;

/**
 * A read-only {@link FileChannel} over bytes held in memory, so an object served from
 * {@link SmallObjectCache} goes through the same code as one read from its file. The array is shared and
 * never written.
 */
public final class MemoryFileChannel extends FileChannel {
    private final byte[] bytes;
    private long position;

    public MemoryFileChannel(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes);
    }

    @Override
    public synchronized int read(ByteBuffer dst) {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized long read(ByteBuffer[] dsts, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i], position);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            position += n;
            total += n;
        }
        return total;
    }

    @Override
    public int read(ByteBuffer dst, long at) {
        if (at < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (at >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), bytes.length - at);
        dst.put(bytes, (int) at, n);
        return n;
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        if (at < 0 || count < 0) {
            throw new IllegalArgumentException("negative position or count");
        }
        if (at >= bytes.length) {
            return 0;
        }
        ByteBuffer src = ByteBuffer.wrap(bytes, (int) at, (int) Math.min(count, bytes.length - at));
        long sent = 0;
        while (src.hasRemaining()) {
            int n = target.write(src);
            if (n == 0) {
                break; // a non-blocking target that is full: report what went, as FileChannel does
            }
            sent += n;
        }
        return sent;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized FileChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    /** All the bytes as a read-only buffer over the kept array: a whole-object read without a copy. */
    public ByteBuffer contents() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void force(boolean metaData) {
        // nothing to write back
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) {
        throw new UnsupportedOperationException("an object held in memory cannot be mapped");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("an object held in memory cannot be locked");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("an object held in memory cannot be locked");
    }

    @Override
    protected void implCloseChannel() {
        // nothing to release: the bytes belong to the cache
    }
}
