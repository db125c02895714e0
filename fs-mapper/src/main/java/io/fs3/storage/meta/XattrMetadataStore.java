package io.fs3.storage.meta;

import io.fs3.storage.StoredMetadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Arrays;
import java.util.Optional;

/** Metadata in one extended attribute, {@code user.fs3.meta}, on the object's own inode, in the compact form. */
public final class XattrMetadataStore implements MetadataStore {
    static final String ATTR = "fs3.meta";
    /** Metadata without large user metadata or tags fits; a bigger value costs one more read. */
    private static final int USUAL_MAX = 1024;

    @Override
    public Optional<StoredMetadata> read(Path bucketDir, String key, Path target) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        try {
            // A file written by another program has no attribute: asking for its names (one flistxattr)
            // answers that without the exception a read of a missing attribute throws, per file in a listing.
            if (!view.list().contains(ATTR)) {
                return Optional.empty();
            }
            return MetadataCodec.decode(value(view));
        } catch (IOException e) {
            return Optional.empty(); // removed in between, or unreadable
        }
    }

    /** The attribute's bytes: one read into a buffer that fits fs3's usual metadata, else sized exactly. */
    private static byte[] value(UserDefinedFileAttributeView view) throws IOException {
        ByteBuffer small = ByteBuffer.allocate(USUAL_MAX);
        try {
            view.read(ATTR, small);
            return Arrays.copyOf(small.array(), small.position());
        } catch (FileSystemException tooSmall) {
            ByteBuffer exact = ByteBuffer.allocate(view.size(ATTR));
            view.read(ATTR, exact);
            return exact.array();
        }
    }

    @Override
    public void write(Path bucketDir, String key, Path target, StoredMetadata metadata) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class);
        if (view == null) {
            throw new FileSystemException(target.toString(), null, "extended attributes not supported");
        }
        view.write(ATTR, ByteBuffer.wrap(MetadataCodec.encodeCompact(metadata)));
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
