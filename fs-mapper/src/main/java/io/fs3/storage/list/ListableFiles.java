package io.fs3.storage.list;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Decides whether a file-like directory entry can be an object, and hands it to the resolver. */
final class ListableFiles {
    private ListableFiles() {
    }

    /** One directory entry's stat, with or without following a symlink. */
    @FunctionalInterface
    interface EntryStat {
        BasicFileAttributes read(boolean followLinks) throws IOException;
    }

    /** {@link #attributes(EntryStat)} of entry {@code name} of {@code dir}, stat'ed relative to it. */
    static Optional<BasicFileAttributes> attributes(DirectoryHandle dir, Path name) {
        return attributes(follow -> dir.attributes(name, follow));
    }

    /**
     * The entry's attributes read without following links, if it is a regular file or a symlink to one.
     * Broken links, links to directories, special files and entries that vanished are not objects.
     */
    static Optional<BasicFileAttributes> attributes(EntryStat stat) {
        try {
            BasicFileAttributes a = stat.read(false);
            if (a.isSymbolicLink()) {
                boolean toFile = stat.read(true).isRegularFile();
                return toFile ? Optional.of(a) : Optional.empty();
            }
            return a.isRegularFile() ? Optional.of(a) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // vanished, broken link, link loop, unreadable
        }
    }
}
