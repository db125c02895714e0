package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectAclStore;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.StoredMetadata;
import io.fs3.storage.cache.FileStat;
import io.fs3.storage.meta.MetadataStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Object ACLs in the object's stored metadata (xattr or sidecar, like tags). A file written by another
 * program gets metadata with no ETag (it keeps its stamp-derived one) and just the ACL.
 */
public final class ObjectAclFiles implements ObjectAclStore {
    private final KeyMapper keys;
    private final MetadataStore metadataStore;
    private final MetadataLoader metadata;

    public ObjectAclFiles(KeyMapper keys, MetadataStore metadataStore, MetadataLoader metadata) {
        this.keys = keys;
        this.metadataStore = metadataStore;
        this.metadata = metadata;
    }

    @Override
    public Optional<String> read(BucketName bucket, ObjectKey key) {
        Path bucketDir = keys.requireBucket(bucket);
        Path path = keys.objectPath(bucketDir, key);
        if (statOrNull(bucketDir, key, path) == null) {
            return Optional.empty();
        }
        return metadataStore.read(bucketDir, key.value(), path).map(StoredMetadata::acl);
    }

    @Override
    public void write(BucketName bucket, ObjectKey key, String acl) {
        Path bucketDir = keys.requireBucket(bucket);
        Path path = keys.objectPath(bucketDir, key);
        FileStat stat = statOrNull(bucketDir, key, path);
        if (stat == null) {
            throw S3Exception.of(S3Error.NO_SUCH_KEY).withResource(key.value());
        }
        Optional<StoredMetadata> stored = metadataStore.read(bucketDir, key.value(), path);
        if (stored.isEmpty() && key.isFolder()) {
            // a plain directory is not a folder object; metadata would turn it into one
            throw S3Exception.of(S3Error.NO_SUCH_KEY).withResource(key.value());
        }
        StoredMetadata current = stored
                .orElse(new StoredMetadata(null, stat.stamp(), ContentHeaders.NONE, Map.of(), Map.of()));
        try {
            metadataStore.write(bucketDir, key.value(), path, current.withAcl(acl));
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_KEY, key.value());
        }
        metadata.invalidate(bucketDir, key.value());
    }

    /** The object's stat if it is one (a contained regular file, or a directory for a folder key), else null. */
    private FileStat statOrNull(Path bucketDir, ObjectKey key, Path path) {
        try {
            FileStat s = FileStat.of(path);
            boolean ok = (key.isFolder() ? s.directory() : s.regularFile()) && keys.isContained(bucketDir, path);
            return ok ? s : null;
        } catch (IOException e) {
            return null;
        }
    }
}
