package io.fs3.storage.list;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Reads a directory into sort names. Java's DirectoryStream gives no d_type, so each candidate entry
 * costs one lstat (relative to the open directory): that is what {@link ListingCache} saves. Special files (FIFOs, sockets, devices)
 * are dropped; symlinks are kept as file-like entries (never as directories: links to directories are
 * not followed) and checked when listed; entries that vanish meanwhile are dropped.
 */
final class DirectoryReader {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryReader.class);

    /** At most {@code capacity} admitted entries in order; {@code complete} if no admitted entry was left out. */
    record Window(DirectorySnapshot entries, boolean complete) {
    }

    private DirectoryReader() {
    }

    /** All entries sorted, or null once more than {@code limit} are found (memory stays O(limit)). */
    static DirectorySnapshot readAll(Path dir, long limit) throws IOException {
        List<byte[]> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                byte[] n = sortName(stream, p);
                if (n != null) {
                    if (names.size() >= limit) {
                        return null;
                    }
                    names.add(n);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return DirectorySnapshot.of(names);
    }

    /**
     * The smallest {@code capacity} entries that {@code from} admits and that start with {@code within},
     * kept in a bounded max-heap: memory O(capacity), time O(directory). An entry is lstat'ed only if it
     * could enter the heap, so a page of a huge directory costs about one readdir plus a few lstats.
     */
    static Window readWindow(Path dir, Bound from, String within, int capacity) throws IOException {
        byte[] withinBytes = within.getBytes(StandardCharsets.UTF_8);
        PriorityQueue<byte[]> heap = new PriorityQueue<>(capacity + 1, (a, b) -> Arrays.compareUnsigned(b, a));
        boolean complete = true;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                byte[] file = p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
                byte[] dirName = Arrays.copyOf(file, file.length + 1);
                dirName[file.length] = '/';
                boolean fileOk = from.admits(file, 0, file.length);
                boolean dirOk = from.admits(dirName, 0, dirName.length);
                if ((!fileOk && !dirOk) || !Bound.startsWith(file, 0, file.length, withinBytes)) {
                    continue;
                }
                // file < file + "/": if even the file form is past a full heap's largest, neither fits.
                if (heap.size() == capacity && Arrays.compareUnsigned(file, heap.peek()) > 0) {
                    complete = false;
                    continue;
                }
                byte[] n = sortName(stream, p);
                if (n == null || !(n.length == file.length ? fileOk : dirOk)) {
                    continue;
                }
                heap.add(n);
                if (heap.size() > capacity) {
                    heap.poll();
                    complete = false;
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return new Window(DirectorySnapshot.of(new ArrayList<>(heap)), complete);
    }

    /** The entry's sort name (UTF-8, '/' appended for a directory), or null if it is not listable. */
    private static byte[] sortName(DirectoryStream<Path> stream, Path p) {
        BasicFileAttributes a;
        try {
            a = DirectoryHandle.attributes(stream, p, false); // fstatat on the open directory, not a path walk
        } catch (NoSuchFileException vanished) {
            return null;
        } catch (IOException e) {
            LOG.debug("event=list-skip path={} reason={}", p, e.toString());
            return null;
        }
        String name = p.getFileName().toString();
        if (a.isDirectory()) {
            return (name + "/").getBytes(StandardCharsets.UTF_8);
        }
        return a.isRegularFile() || a.isSymbolicLink() ? name.getBytes(StandardCharsets.UTF_8) : null;
    }
}
