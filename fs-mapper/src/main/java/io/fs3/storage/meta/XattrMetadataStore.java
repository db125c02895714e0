package io.fs3.storage.meta;

import io.fs3.storage.StoredMetadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Optional;

/** Metadata in one extended attribute, {@code user.fs3.meta}, on the object's own inode. */
public final class XattrMetadataStore implements MetadataStore {
    static final String ATTR = "fs3.meta";

    @Override
    public Optional<StoredMetadata> read(Path bucketDir, String key, Path target) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer buf = ByteBuffer.allocate(view.size(ATTR));
            view.read(ATTR, buf);
            return MetadataCodec.decode(buf.array());
        } catch (IOException e) {
            return Optional.empty(); // no attribute: a file written by another program
        }
    }

    @Override
    public void write(Path bucketDir, String key, Path target, StoredMetadata metadata) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class);
        if (view == null) {
            throw new FileSystemException(target.toString(), null, "extended attributes not supported");
        }
        view.write(ATTR, ByteBuffer.wrap(MetadataCodec.encode(metadata)));
    }

    @Override
    public void delete(Path bucketDir, String key, Path target) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class);
        if (view != null && view.list().contains(ATTR)) {
            view.delete(ATTR);
        }
    }

    /** True if the filesystem under {@code probeDir} accepts user xattrs (tmpfs and some NFS exports do not). */
    public static boolean supported(Path probeDir) {
        Path probe = probeDir.resolve("xattr-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(probeDir);
            Files.createFile(probe);
            UserDefinedFileAttributeView view = Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class);
            if (view == null) {
                return false;
            }
            view.write(ATTR, ByteBuffer.wrap(new byte[]{1}));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
