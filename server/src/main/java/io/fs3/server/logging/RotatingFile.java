package io.fs3.server.logging;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An append-only text file rotated by size: {@code file} → {@code file.1} → … → {@code file.N}, the oldest
 * deleted, so disk use stays below about (N + 1) × maxSize. Each line is one write(2), unbuffered, so a crash
 * loses nothing already logged.
 */
final class RotatingFile implements Closeable {
    private final Path file;
    private final long maxSize;
    private final int maxFiles;
    private OutputStream out;
    private long size;

    RotatingFile(Path file, long maxSize, int maxFiles) throws IOException {
        this.file = file;
        this.maxSize = maxSize;
        this.maxFiles = maxFiles;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    synchronized void writeLine(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (size > 0 && size + bytes.length > maxSize) {
            rotate();
        }
        out.write(bytes);
        size += bytes.length;
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(numbered(maxFiles));
        for (int i = maxFiles - 1; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private Path numbered(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        size = Files.size(file);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
