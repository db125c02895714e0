package io.fs3.storage.list;

import io.fs3.storage.ObjectKey;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Answers "does any object have a key starting with this directory's key?", stopping at the first one.
 * S3 shows a common prefix only if some key has it, so an empty directory (or a tree of them) must
 * not show up as one; this costs a few entries for a populated directory, not a subtree walk.
 */
final class SubtreeProbe {
    /** No key of at most 1024 bytes is deeper; stops a pathological tree from exhausting the stack. */
    private static final int MAX_DEPTH = ObjectKey.MAX_KEY_BYTES / 2;

    private final EntryResolver resolver;

    SubtreeProbe(EntryResolver resolver) {
        this.resolver = resolver;
    }

    /** True if directory {@code dir} (key {@code dirKey}, ending in '/') is a folder object or holds an object. */
    boolean hasObject(String dirKey, Path dir) {
        return hasObject(dirKey, dir, 0);
    }

    private boolean hasObject(String dirKey, Path dir, int depth) {
        if (resolver.folder(dirKey, dir).isPresent()) {
            return true;
        }
        if (depth >= MAX_DEPTH) {
            return false;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (hasObject(dirKey + name + "/", p, depth + 1)) {
                        return true;
                    }
                    continue;
                }
                Optional<BasicFileAttributes> attrs = ListableFiles.attributes(follow -> DirectoryHandle.attributes(stream, p, follow));
                if (attrs.isPresent() && resolver.file(dirKey + name, p, attrs.get()).isPresent()) {
                    return true;
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            return false; // vanished or unreadable: nothing to show from it
        }
        return false;
    }
}
