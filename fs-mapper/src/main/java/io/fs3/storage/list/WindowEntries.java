package io.fs3.storage.list;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Entries of a directory too big to snapshot: a window of the next {@code capacity} entries, re-read
 * from the directory (bounded heap scan) whenever it runs out. Memory O(capacity) however big the
 * directory is; each refill costs one pass over it.
 */
final class WindowEntries implements SortedEntries {
    private final Path dir;
    private final String within;
    private final int capacity;
    private DirectoryReader.Window window;
    private Bound resume;
    private int pos;

    WindowEntries(Path dir, Bound from, String within, int capacity) throws IOException {
        this.dir = dir;
        this.within = within;
        this.capacity = capacity;
        this.resume = from;
        this.window = DirectoryReader.readWindow(dir, from, within, capacity);
    }

    @Override
    public String next() throws IOException {
        if (pos == window.entries().size()) {
            if (window.complete()) {
                return null;
            }
            window = DirectoryReader.readWindow(dir, resume, within, capacity);
            pos = 0;
            if (window.entries().size() == 0) {
                return null;
            }
        }
        String name = window.entries().sortName(pos++);
        resume = Bound.after(name);
        return name;
    }

    @Override
    public void skipTo(Bound bound) {
        resume = bound;
        pos = window.entries().seek(bound, pos);
    }

    @Override
    public boolean hasDirectory(String name) throws IOException {
        return Names.isPlain(name) && Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }
}
