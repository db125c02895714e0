package io.fs3.storage.posix;

import io.fs3.s3.ContentMd5;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.PutRequest;
import io.fs3.storage.PutResult;
import io.fs3.storage.StoredMetadata;
import io.fs3.storage.cache.FileStat;
import io.fs3.storage.meta.MetadataStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * PutObject on a filesystem: stream to a temp file, verify, attach metadata to the temp inode (or its
 * sidecar), publish by rename. A failed, rejected or aborted upload leaves nothing and the old object intact.
 */
public final class ObjectWriter {
    private static final long CHECK_FIRST_ABOVE = 1 << 20;
    private final AtomicWriter writer;
    private final Publisher publisher;
    private final MetadataStore metadataStore;
    private final MetadataLoader metadata;

    public ObjectWriter(AtomicWriter writer, Publisher publisher, MetadataStore metadataStore, MetadataLoader metadata) {
        this.writer = writer;
        this.publisher = publisher;
        this.metadataStore = metadataStore;
        this.metadata = metadata;
    }

    public PutResult write(Path bucketDir, ObjectKey key, Path target, PutRequest request) {
        byte[] expectedMd5 = ContentMd5.decode(request.contentMd5());
        if (key.isFolder()) {
            return writeFolder(bucketDir, key, target, request);
        }
        // The publish refuses a file or symlink among the parents and a directory at the key's name anyway;
        // look first only where that saves receiving a body worth not receiving.
        if (looksFirst(key, request)) {
            publisher.checkParents(bucketDir, target);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw S3Exception.of(S3Error.EXISTING_OBJECT_IS_DIRECTORY).withResource(key.value());
            }
        }
        Path temp = null;
        try {
            temp = writer.tempPath(bucketDir);
            StreamedFile streamed = writer.stream(request.body(), temp, request.contentLength());
            if (expectedMd5 != null && !MessageDigest.isEqual(expectedMd5, streamed.md5())) {
                throw S3Exception.of(S3Error.BAD_DIGEST).withResource(key.value());
            }
            String etag = HexFormat.of().formatHex(streamed.md5());
            Map<String, String> checksums = request.verifiedChecksums().get();
            FileStat stat = FileStat.of(temp);
            metadataStore.write(bucketDir, key.value(), temp,
                    new StoredMetadata(etag, stat.stamp(), request.content(), request.userMetadata(), checksums,
                            request.tags()));
            publisher.publish(bucketDir, temp, target, request.ifNoneMatchAll(), streamed.size());
            temp = null; // published: nothing left to clean up (no lstat of a name that is gone)
            metadata.invalidate(bucketDir, key.value());
            return new PutResult(etag, streamed.size(), checksums);
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, key.value());
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Whether the bucket and the key's parents are looked at before the body is received: where that saves
     * receiving a large body that would be refused, and for a folder, whose directories are created. Otherwise
     * creating the temp file finds a missing bucket (NoSuchFileException: NoSuchBucket) and the publish a file
     * among the parents.
     */
    static boolean looksFirst(ObjectKey key, PutRequest request) {
        return key.isFolder() || request.contentLength() < 0 || request.contentLength() > CHECK_FIRST_ABOVE;
    }

    /** A key ending in '/' is a directory carrying fs3's folder marker; it cannot hold bytes. */
    private PutResult writeFolder(Path bucketDir, ObjectKey key, Path dir, PutRequest request) {
        try {
            if (request.body().read() >= 0) {
                throw S3Exception.of(S3Error.INVALID_REQUEST,
                        "Keys ending in '/' are stored as directories and cannot hold data.").withResource(key.value());
            }
            publisher.ensureParents(bucketDir, dir.resolve("x"));
            FileStat stat = FileStat.of(dir);
            metadataStore.write(bucketDir, key.value(), dir, new StoredMetadata(Etags.EMPTY_MD5, stat.stamp(),
                    request.content(), request.userMetadata(), Map.of(), request.tags()));
            return new PutResult(Etags.EMPTY_MD5, 0, Map.of());
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, key.value());
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the janitor removes leftovers at the next start
            }
        }
    }
}
