package io.fs3.storage.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory channel reads like a file channel at any position and refuses every write. */
class MemoryFileChannelTest {
    private static final byte[] BYTES = "0123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void contentsAreAReadOnlyViewOfEveryByte() {
        MemoryFileChannel ch = new MemoryFileChannel(BYTES.clone());
        ByteBuffer first = ch.contents();
        ByteBuffer second = ch.contents();
        assertThat(first.isReadOnly()).isTrue();
        assertThat(StandardCharsets.US_ASCII.decode(first).toString()).isEqualTo("0123456789");
        assertThat(second.remaining()).as("each view has its own position").isEqualTo(10);
        assertThatThrownBy(() -> second.put(0, (byte) 'x')).isInstanceOf(java.nio.ReadOnlyBufferException.class);
    }

    @Test
    void readsAtPositionsAndSequentially() throws IOException {
        try (FileChannel ch = new MemoryFileChannel(BYTES)) {
            ByteBuffer four = ByteBuffer.allocate(4);
            assertThat(ch.read(four, 3)).isEqualTo(4);
            assertThat(new String(four.array(), StandardCharsets.US_ASCII)).isEqualTo("3456");
            assertThat(ch.read(ByteBuffer.allocate(4), 8)).isEqualTo(2);
            assertThat(ch.read(ByteBuffer.allocate(4), 10)).isEqualTo(-1);
            assertThat(ch.position()).as("positional reads leave the position").isZero();

            ByteBuffer a = ByteBuffer.allocate(6);
            ByteBuffer b = ByteBuffer.allocate(6);
            assertThat(ch.read(new ByteBuffer[] {a, b})).isEqualTo(10);
            assertThat(ch.position()).isEqualTo(10);
            assertThat(ch.read(ByteBuffer.allocate(1))).isEqualTo(-1);
            assertThat(ch.size()).isEqualTo(10);
        }
    }

    @Test
    void transfersARangeToAFile(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        try (FileChannel ch = new MemoryFileChannel(BYTES);
             FileChannel target = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            assertThat(ch.transferTo(2, 5, target)).isEqualTo(5);
            assertThat(ch.transferTo(8, 100, target)).isEqualTo(2);
            assertThat(ch.transferTo(10, 5, target)).isZero();
        }
        assertThat(Files.readString(out)).isEqualTo("2345689");
    }

    @Test
    void refusesWrites() throws IOException {
        try (FileChannel ch = new MemoryFileChannel(BYTES)) {
            assertThatThrownBy(() -> ch.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> ch.write(ByteBuffer.allocate(1), 0)).isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> ch.truncate(0)).isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> ch.map(FileChannel.MapMode.READ_ONLY, 0, 1))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(BYTES).asString(StandardCharsets.US_ASCII).isEqualTo("0123456789");
    }
}
