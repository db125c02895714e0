package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.storage.CopyRequest;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import io.fs3.storage.PutResult;
import io.fs3.storage.StoredMetadata;
import io.fs3.storage.cache.FileStat;
import io.fs3.storage.meta.MetadataStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CopyObject on a filesystem: the open source is copied into a temp file on the target bucket's
 * filesystem and published by rename. When the source's ETag is its real MD5 the kernel copies the
 * bytes (transferTo) and the ETag is reused; otherwise the bytes pass through a fixed buffer to compute
 * the MD5 (a copy is a single-part object, so its ETag is the MD5 of its content, as on S3).
 */
public final class ObjectCopier {
    private static final Pattern PLAIN_MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final int BUFFER = 128 * 1024;
    private final AtomicWriter writer;
    private final Publisher publisher;
    private final MetadataStore metadataStore;
    private final MetadataLoader metadata;

    public ObjectCopier(AtomicWriter writer, Publisher publisher, MetadataStore metadataStore, MetadataLoader metadata) {
        this.writer = writer;
        this.publisher = publisher;
        this.metadataStore = metadataStore;
        this.metadata = metadata;
    }

    public PutResult copy(Path bucketDir, ObjectKey key, Path target, CopyRequest request) {
        if (key.isFolder()) {
            throw io.fs3.s3.S3Exception.of(S3Error.INVALID_REQUEST, "Keys ending in '/' are directories; copy onto them is not supported.");
        }
        publisher.checkParents(bucketDir, target);
        ObjectMetadata source = request.source().metadata();
        Path temp = null;
        try {
            temp = writer.newTempFile(bucketDir);
            String etag = transfer(request.source().channel(), source, temp);
            FileStat stat = FileStat.of(temp);
            Map<String, String> checksums = source.checksums();
            metadataStore.write(bucketDir, key.value(), temp, new StoredMetadata(etag, stat.stamp(), request.content(),
                    request.userMetadata(), checksums, request.tags()));
            publisher.publish(bucketDir, temp, target, false, stat.stamp().size());
            metadata.invalidate(bucketDir, key.value());
            return new PutResult(etag, stat.stamp().size(), checksums);
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, key.value());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // cleaned at next start
                }
            }
        }
    }

    private String transfer(FileChannel in, ObjectMetadata source, Path temp) throws IOException {
        long size = source.size();
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            String etag;
            if (in == null) {
                etag = Etags.EMPTY_MD5;
            } else if (PLAIN_MD5.matcher(source.etag()).matches()) {
                for (long pos = 0; pos < size; ) {
                    long n = in.transferTo(pos, size - pos, out);
                    if (n <= 0) {
                        throw new IOException("source shrank during copy");
                    }
                    pos += n;
                }
                etag = source.etag();
            } else {
                etag = copyWithMd5(in, out, size);
            }
            if (out.size() != size) { // transferTo can silently copy nothing over some NFS servers
                throw new IOException("copy produced " + out.size() + " bytes, expected " + size);
            }
            if (writer.fsync()) {
                out.force(true);
            }
            return etag;
        }
    }

    private static String copyWithMd5(FileChannel in, FileChannel out, long size) throws IOException {
        MessageDigest md5 = AtomicWriter.md5();
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        long pos = 0;
        while (pos < size) {
            buf.clear().limit((int) Math.min(BUFFER, size - pos));
            int n = in.read(buf, pos);
            if (n < 0) {
                throw new IOException("source shrank during copy");
            }
            buf.flip();
            md5.update(buf.array(), 0, n);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            pos += n;
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
