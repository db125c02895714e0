package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.CopyRequest;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import io.fs3.storage.ObjectStore;
import io.fs3.storage.OpenObject;
import io.fs3.storage.PutRequest;
import io.fs3.storage.PutResult;
import io.fs3.storage.cache.FileStat;
import io.fs3.storage.cache.SmallObjectCache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Objects as files: reads through the key mapper and metadata loader, writes through {@link ObjectWriter}. */
public final class PosixStorage implements ObjectStore {
    private static final int OPEN_ATTEMPTS = 8; // each attempt loses only to a writer replacing the file meanwhile
    private final KeyMapper keys;
    private final MetadataLoader metadata;
    private final ObjectWriter writer;
    private final ObjectRemover remover;
    private final ObjectCopier copier;
    private final ObjectTagger tagger;
    private final SmallObjectCache smallObjects;

    public PosixStorage(KeyMapper keys, MetadataLoader metadata, ObjectWriter writer, ObjectRemover remover,
                        ObjectCopier copier, ObjectTagger tagger, SmallObjectCache smallObjects) {
        this.keys = keys;
        this.metadata = metadata;
        this.writer = writer;
        this.remover = remover;
        this.copier = copier;
        this.tagger = tagger;
        this.smallObjects = smallObjects;
    }

    @Override
    public ObjectMetadata head(BucketName bucket, ObjectKey key) {
        Path bucketDir = keys.bucketDir(bucket);
        Path path = objectPath(bucket, bucketDir, key);
        for (int attempt = 1; ; attempt++) {
            FileStat stat = stat(bucket, bucketDir, key, path);
            ObjectMetadata cached = key.isFolder() ? null : metadata.cachedFile(bucketDir, key, stat);
            if (cached != null) {
                return cached; // read nothing by path: nothing a concurrent replace could have mixed in
            }
            ObjectMetadata m = lookup(bucketDir, key, path, stat);
            if (unchanged(path, stat) || attempt >= OPEN_ATTEMPTS) {
                return m;
            }
        }
    }

    @Override
    public OpenObject open(BucketName bucket, ObjectKey key) {
        Path bucketDir = keys.bucketDir(bucket);
        Path path = objectPath(bucket, bucketDir, key);
        for (int attempt = 1; ; attempt++) {
            FileStat link = FileStat.ofLinkOrNull(path);
            OpenObject kept = key.isFolder() || link == null || !link.regularFile() ? null
                    : fromMemory(bucketDir, key, link);
            if (kept != null) {
                // No containment check: these bytes were kept for a path that passed it, and the same device,
                // inode, size, mtime and ctime (which nothing can set back) mean the same unchanged file, so
                // however the path resolves now the answer is bytes that were in the bucket when read.
                return kept;
            }
            FileStat before = stat(bucket, bucketDir, key, path, link);
            if (key.isFolder()) {
                return new OpenObject(lookup(bucketDir, key, path, before), null); // a folder object has no bytes
            }
            kept = before == link ? null : fromMemory(bucketDir, key, before);
            if (kept != null) {
                return kept;
            }
            FileChannel ch = openChannel(path, key);
            FileStat after = statOrNull(path);
            // Stat, open, stat: equal stamps mean the headers describe the bytes of the open file.
            if (after != null && after.stamp().equals(before.stamp())) {
                // Cached metadata validated against this very stat needs no further stat; metadata read
                // from the filesystem by path does (a writer may have replaced the file meanwhile).
                ObjectMetadata m = metadata.cachedFile(bucketDir, key, after);
                if (m != null) {
                    return opened(bucketDir, key, after, m, ch);
                }
                m = lookup(bucketDir, key, path, after);
                if (unchanged(path, after)) {
                    return opened(bucketDir, key, after, m, ch);
                }
            }
            closeQuietly(ch);
            if (attempt >= OPEN_ATTEMPTS) {
                throw S3Exception.of(S3Error.SERVICE_UNAVAILABLE, "The object is being rewritten; please retry.");
            }
        }
    }

    /** A small object whose bytes and metadata are both cached for exactly this stat: no file is opened. */
    private OpenObject fromMemory(Path bucketDir, ObjectKey key, FileStat stat) {
        FileChannel bytes = smallObjects.open(bucketDir, key.value(), stat);
        if (bytes == null) {
            return null;
        }
        ObjectMetadata m = metadata.cachedFile(bucketDir, key, stat);
        return m == null ? null : new OpenObject(m, bytes);
    }

    /** The opened object, its bytes kept in memory (and the file closed) where the small-object cache takes them. */
    private OpenObject opened(Path bucketDir, ObjectKey key, FileStat stat, ObjectMetadata m, FileChannel ch) {
        if (m.size() == stat.stamp().size()) {
            try {
                FileChannel kept = smallObjects.keep(bucketDir, key.value(), stat, ch);
                if (kept != null) {
                    closeQuietly(ch);
                    return new OpenObject(m, kept);
                }
            } catch (IOException e) {
                // unreadable now: the caller's read of the file reports it
            }
        }
        return new OpenObject(m, ch);
    }

    @Override
    public PutResult put(BucketName bucket, ObjectKey key, PutRequest request) {
        Path bucketDir = ObjectWriter.looksFirst(key, request) ? keys.requireBucket(bucket) : keys.bucketDir(bucket);
        return writer.write(bucketDir, key, keys.objectPath(bucketDir, key), request);
    }

    @Override
    public void delete(BucketName bucket, ObjectKey key) {
        Path bucketDir = keys.requireBucket(bucket);
        remover.remove(bucketDir, key, keys.objectPath(bucketDir, key));
    }

    @Override
    public PutResult copy(BucketName bucket, ObjectKey key, CopyRequest request) {
        Path bucketDir = keys.requireBucket(bucket);
        return copier.copy(bucketDir, key, keys.objectPath(bucketDir, key), request);
    }

    @Override
    public void putTags(BucketName bucket, ObjectKey key, Map<String, String> tags) {
        Path bucketDir = keys.requireBucket(bucket);
        Path path = keys.objectPath(bucketDir, key);
        tagger.putTags(bucketDir, key, path, stat(bucketDir, key, path), tags);
    }

    private ObjectMetadata lookup(Path bucketDir, ObjectKey key, Path path, FileStat stat) {
        if (key.isFolder()) {
            return metadata.folder(bucketDir, key, path, stat).orElseThrow(() -> noSuchKey(key));
        }
        return metadata.file(bucketDir, key, path, stat);
    }

    /** Stats the object; anything that is not a contained regular file (or marked folder) is NoSuchKey. */
    private FileStat stat(Path bucketDir, ObjectKey key, Path path) {
        return stat(bucketDir, key, path, FileStat.ofLinkOrNull(path));
    }

    /** {@link #stat(Path, ObjectKey, Path)} given the path's lstat ({@code link}, null if it failed). */
    private FileStat stat(Path bucketDir, ObjectKey key, Path path, FileStat link) {
        FileStat s = link;
        if (s != null && (key.isFolder() ? s.directory() : s.regularFile())
                && keys.isContainedWithoutLinks(bucketDir, path)) {
            return s; // the common case: no symlink on the way, so lstat == stat and no real path is needed
        }
        s = statOrNull(path);
        boolean ok = s != null && (key.isFolder() ? s.directory() : s.regularFile()) && keys.isContained(bucketDir, path);
        if (!ok) {
            throw noSuchKey(key);
        }
        return s;
    }

    /**
     * {@link #stat(Path, ObjectKey, Path)} for reads that skipped the bucket check up front: an object
     * found proves its bucket directory exists, so the bucket is only checked when the object is missing
     * (NoSuchBucket before NoSuchKey, as before).
     */
    private FileStat stat(BucketName bucket, Path bucketDir, ObjectKey key, Path path) {
        return stat(bucket, bucketDir, key, path, FileStat.ofLinkOrNull(path));
    }

    private FileStat stat(BucketName bucket, Path bucketDir, ObjectKey key, Path path, FileStat link) {
        try {
            return stat(bucketDir, key, path, link);
        } catch (S3Exception e) {
            keys.requireBucket(bucket);
            throw e;
        }
    }

    /** The object's path; a key the mapper refuses is still NoSuchBucket first when the bucket is missing. */
    private Path objectPath(BucketName bucket, Path bucketDir, ObjectKey key) {
        try {
            return keys.objectPath(bucketDir, key);
        } catch (S3Exception e) {
            keys.requireBucket(bucket);
            throw e;
        }
    }

    /**
     * Stored metadata is read by path, so a writer that replaces the file meanwhile could hand us the new
     * file's metadata for the old bytes: a second stat showing the same inode and stamp rules that out.
     */
    private static boolean unchanged(Path path, FileStat stat) {
        FileStat again = statOrNull(path);
        return again != null && again.stamp().equals(stat.stamp());
    }

    private static FileStat statOrNull(Path path) {
        try {
            return FileStat.of(path);
        } catch (IOException e) {
            return null;
        }
    }

    private static FileChannel openChannel(Path path, ObjectKey key) {
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_KEY, key.value());
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static S3Exception noSuchKey(ObjectKey key) {
        return S3Exception.of(S3Error.NO_SUCH_KEY).withResource(key.value());
    }
}
