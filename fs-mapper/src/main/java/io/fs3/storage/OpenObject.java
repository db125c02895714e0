package io.fs3.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;

/** An object opened for reading; the metadata describes exactly the bytes the channel yields (null for a folder object, which has none). */
public record OpenObject(ObjectMetadata metadata, FileChannel channel) implements AutoCloseable {
    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
