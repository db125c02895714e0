package io.fs3.storage.list;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Decides whether a file-like directory entry can be an object, and hands it to the resolver. */
final class ListableFiles {
    private ListableFiles() {
    }

    /**
     * The entry's attributes read without following links, if it is a regular file or a symlink to one.
     * Broken links, links to directories, special files and entries that vanished are not objects.
     */
    static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                boolean toFile = Files.readAttributes(p, BasicFileAttributes.class).isRegularFile();
                return toFile ? Optional.of(a) : Optional.empty();
            }
            return a.isRegularFile() ? Optional.of(a) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // vanished, broken link, link loop, unreadable
        }
    }
}
