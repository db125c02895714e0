package io.fs3.multipart.posix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Concatenates exactly the given parts, in the given order, into a new file. With kernel copy the bytes
 * never enter the heap ({@code FileChannel.transferTo}); the plain-copy fallback uses one direct buffer.
 * The result's size is checked afterwards: copy_file_range over some NFS servers reports success and
 * copies nothing (versitygw PR #1976).
 */
final class Assembler {
    private static final int BUFFER = 1 << 20;
    private final boolean kernelCopy;
    private final boolean fsync;

    Assembler(boolean kernelCopy, boolean fsync) {
        this.kernelCopy = kernelCopy;
        this.fsync = fsync;
    }

    void assemble(Path dir, List<PartRecord> parts, Path target, long expectedSize) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (PartRecord part : parts) {
                try (FileChannel in = FileChannel.open(dir.resolve(part.dataFile()), StandardOpenOption.READ)) {
                    if (in.size() != part.info().size()) {
                        throw new IOException("part " + part.info().number() + " has " + in.size()
                                + " bytes, its record says " + part.info().size());
                    }
                    if (kernelCopy) {
                        transfer(in, out, part.info().size());
                    } else {
                        copy(in, out, part.info().size());
                    }
                }
            }
            if (out.size() != expectedSize) {
                throw new IOException("assembled " + out.size() + " bytes, expected " + expectedSize);
            }
            if (fsync) {
                out.force(true);
            }
        }
    }

    private static void transfer(FileChannel in, FileChannel out, long size) throws IOException {
        for (long pos = 0; pos < size; ) {
            long n = in.transferTo(pos, size - pos, out);
            if (n <= 0) {
                throw new IOException("transferTo made no progress at " + pos + " of " + size);
            }
            pos += n;
        }
    }

    private static void copy(FileChannel in, FileChannel out, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.min(BUFFER, Math.max(size, 1)));
        for (long pos = 0; pos < size; ) {
            buf.clear().limit((int) Math.min(buf.capacity(), size - pos));
            int n = in.read(buf, pos);
            if (n < 0) {
                throw new IOException("part shrank while being assembled");
            }
            buf.flip();
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            pos += n;
        }
    }
}
