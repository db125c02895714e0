package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.meta.MetadataStore;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * DeleteObject on a filesystem: idempotent; removes the file (or a folder object's marker), then the
 * parent directories that only existed to hold it, so no phantom prefix remains. A folder object's
 * directory stops the clean-up: it is an object of its own. A large file's blocks are freed in the background
 * ({@link Reclaimer}).
 */
public final class ObjectRemover {
    private final MetadataStore metadataStore;
    private final MetadataLoader metadata;
    private final AtomicWriter writer;
    private final Reclaimer reclaimer;

    public ObjectRemover(MetadataStore metadataStore, MetadataLoader metadata, AtomicWriter writer, Reclaimer reclaimer) {
        this.metadataStore = metadataStore;
        this.metadata = metadata;
        this.writer = writer;
        this.reclaimer = reclaimer;
    }

    public void remove(Path bucketDir, ObjectKey key, Path path) {
        try {
            if (key.isFolder()) {
                if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    return;
                }
                metadataStore.delete(bucketDir, key.value(), path);
                removeEmptyDirectories(bucketDir, path);
                return;
            }
            BasicFileAttributes a = attributesOrNull(path);
            if (a != null && a.isDirectory()) {
                return; // a directory is not the object 'key' (that would be 'key/'): nothing to delete
            }
            metadataStore.delete(bucketDir, key.value(), path); // also a missing file's metadata
            reclaimer.delete(bucketDir, path, a == null ? 0 : a.size());
            metadata.invalidate(bucketDir, key.value());
            writer.syncDirectory(path.getParent());
            removeEmptyDirectories(bucketDir, path.getParent());
        } catch (NoSuchFileException e) {
            // S3 deletes are idempotent
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_KEY, key.value());
        }
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void removeEmptyDirectories(Path bucketDir, Path dir) {
        Path p = dir;
        while (p != null && !p.equals(bucketDir) && p.startsWith(bucketDir)) {
            String folderKey = bucketDir.relativize(p) + "/";
            if (metadataStore.read(bucketDir, folderKey, p).isPresent()) {
                return; // a folder object survives until deleted itself
            }
            try {
                Files.delete(p);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            } catch (IOException e) {
                return; // best effort: an empty directory is invisible in listings anyway
            }
            p = p.getParent();
        }
    }
}
