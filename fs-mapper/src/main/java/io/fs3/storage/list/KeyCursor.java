package io.fs3.storage.list;

import io.fs3.storage.Utf8Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Deque;

/**
 * Walks a bucket's directory tree depth-first in S3 key order (UTF-8 bytes of the whole key; a
 * directory sorts as "name/"), from a lower bound, without touching anything before it: opening seeks
 * with a binary search in each directory on the bound's path. Directory nodes are returned before
 * their contents and are only entered on {@link #descend()}; {@link #skipPast} jumps over every key
 * with a given prefix. Holds one frame per directory level, never a directory's full subtree, and with
 * it an open descriptor of that directory to stat its entries by name: close the cursor when done.
 */
final class KeyCursor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyCursor.class);

    /**
     * A file-like entry (regular file or symlink) or a directory (key ends with '/'); {@code parent} stats
     * it by name while the cursor has not moved past its directory.
     */
    record Node(String key, Path path, boolean directory, DirectoryHandle parent) {
        /** The entry's file attributes if it can be an object (see {@link ListableFiles}). */
        Optional<BasicFileAttributes> fileAttributes() {
            return ListableFiles.attributes(parent, path.getFileName());
        }
    }

    private record Frame(Path dir, String key, SortedEntries entries, DirectoryHandle handle) {
    }

    private final ListingCache cache;
    private final String reservedDirName;
    private final int windowCapacity;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private Path startDirectory;
    private Node last;

    private KeyCursor(ListingCache cache, String reservedDirName, int windowCapacity) {
        this.cache = cache;
        this.reservedDirName = reservedDirName;
        this.windowCapacity = windowCapacity;
    }

    /**
     * A cursor over the keys that start with {@code prefix} and that {@code from} admits. It starts in the
     * deepest directory the prefix fully names ("a/b/c" starts in "a/b/", reading only names "c...").
     */
    static KeyCursor open(Path bucketDir, String reservedDirName, String prefix, Bound from,
                          ListingCache cache, int windowCapacity) {
        KeyCursor cursor = new KeyCursor(cache, reservedDirName, windowCapacity);
        int slash = prefix.lastIndexOf('/');
        String dirKey = prefix.substring(0, slash + 1);
        Path dir = cursor.directoryOf(bucketDir, dirKey);
        Bound relative = relativize(from, dirKey);
        if (dir != null && relative != null) {
            cursor.push(dir, dirKey, relative, prefix.substring(slash + 1));
            cursor.startDirectory = cursor.frames.isEmpty() ? null : dir;
        }
        return cursor;
    }

    /**
     * The directory named by a prefix that ends with '/' (or the bucket's for ""), if it exists and the
     * bound left anything in it. Its own folder object (key = the prefix) is not one of the nodes.
     */
    Path startDirectory() {
        return startDirectory;
    }

    /** The next node in key order, or null at the end. */
    Node next() {
        while (!frames.isEmpty()) {
            Frame frame = frames.peek();
            String sortName;
            try {
                sortName = frame.entries().next();
            } catch (NoSuchFileException gone) {
                sortName = null; // a huge directory removed between two window reads
            } catch (IOException e) {
                skipped(frame.dir(), e);
                sortName = null;
            }
            if (sortName == null) {
                frames.pop().handle().close();
                continue;
            }
            String name = Names.fileName(sortName);
            if (!isReserved(frame.key(), name)) {
                last = new Node(frame.key() + sortName, frame.dir().resolve(name), Names.isDirectory(sortName),
                        frame.handle());
                return last;
            }
        }
        last = null;
        return null;
    }

    /** Enters the directory node just returned by {@link #next()}: its contents come next. */
    void descend() {
        if (last == null || !last.directory()) {
            throw new IllegalStateException("the last node is not a directory");
        }
        push(last.path(), last.key(), Bound.ALL, "");
    }

    /**
     * Skips every key starting with {@code prefix}, which must start at or before the last node's key
     * and be a prefix of it (a common prefix being emitted).
     */
    void skipPast(String prefix) {
        while (!frames.isEmpty() && frames.peek().key().startsWith(prefix)) {
            frames.pop().handle().close(); // the whole directory is inside the prefix
        }
        Frame frame = frames.peek();
        if (frame != null) {
            frame.entries().skipTo(Bound.pastPrefix(prefix.substring(frame.key().length())));
        }
    }

    /**
     * Opens a frame for {@code dir}; if the bound points inside one of its subdirectories (resuming
     * after "a/b/c" in "a/"), opens that subdirectory too, recursively: its remaining keys come first.
     */
    private void push(Path dir, String dirKey, Bound from, String within) {
        SortedEntries entries;
        try {
            entries = cache.open(dir, from, within, windowCapacity);
        } catch (NoSuchFileException | NotDirectoryException gone) {
            return; // vanished or replaced meanwhile: nothing to list there
        } catch (IOException e) {
            skipped(dir, e);
            return;
        }
        frames.push(new Frame(dir, dirKey, entries, new DirectoryHandle(dir)));
        String text = from.text();
        int slash = text.indexOf('/');
        if (slash < 0) {
            return;
        }
        String name = text.substring(0, slash);
        boolean wholeDirSkipped = from.mode() == Bound.Mode.PAST_PREFIX && slash == text.length() - 1;
        if (!Names.isPlain(name) || isReserved(dirKey, name) || !name.startsWith(within)
                || from.admits(name + "/") || wholeDirSkipped) {
            return;
        }
        try {
            if (entries.hasDirectory(name)) {
                push(dir.resolve(name), dirKey + name + "/", from.dropFirst(slash + 1), "");
            }
        } catch (IOException e) {
            skipped(dir.resolve(name), e);
        }
    }

    /** The bound as seen from directory {@code dirKey}, or null if it admits nothing in there. */
    private static Bound relativize(Bound from, String dirKey) {
        String text = from.text();
        if (text.startsWith(dirKey)) {
            return from.dropFirst(dirKey.length());
        }
        if (from.mode() == Bound.Mode.PAST_PREFIX && dirKey.startsWith(text)) {
            return null;
        }
        return Utf8Order.compare(text, dirKey) < 0 ? Bound.ALL : null;
    }

    /** The directory for {@code dirKey} ("" or "a/b/"), if every level is a real (not symlinked) directory. */
    private Path directoryOf(Path bucketDir, String dirKey) {
        Path dir = bucketDir;
        if (dirKey.isEmpty()) {
            return dir;
        }
        String parentKey = "";
        for (String name : dirKey.substring(0, dirKey.length() - 1).split("/", -1)) {
            if (!Names.isPlain(name) || isReserved(parentKey, name)) {
                return null; // no key can have such a segment
            }
            dir = dir.resolve(name);
            parentKey = parentKey + name + "/";
            try {
                if (!Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                    return null;
                }
            } catch (IOException | RuntimeException e) {
                return null; // missing, name too long, unreadable: no keys below
            }
        }
        return dir;
    }

    /** Closes the directory descriptors of the frames still open. */
    @Override
    public void close() {
        while (!frames.isEmpty()) {
            frames.pop().handle().close();
        }
    }

    private boolean isReserved(String dirKey, String name) {
        return dirKey.isEmpty() && name.equals(reservedDirName);
    }

    private static void skipped(Path dir, IOException e) {
        LOG.warn("event=list-skip-directory path={} reason={}", dir, e.toString());
    }
}
