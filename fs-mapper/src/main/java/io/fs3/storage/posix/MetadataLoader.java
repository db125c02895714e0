package io.fs3.storage.posix;

import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import io.fs3.storage.StoredMetadata;
import io.fs3.storage.cache.FileStat;
import io.fs3.storage.cache.MetadataCache;
import io.fs3.storage.meta.MetadataStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link ObjectMetadata} from a stat and the stored metadata, through the cache. A stored ETag
 * and checksums count only while the file still has the stamp they were computed for; otherwise the
 * file was rewritten by another program and gets a synthetic ETag.
 */
public final class MetadataLoader {
    private final MetadataStore store;
    private final MetadataCache cache;

    public MetadataLoader(MetadataStore store, MetadataCache cache) {
        this.store = store;
        this.cache = cache;
    }

    public ObjectMetadata file(Path bucketDir, ObjectKey key, Path file, FileStat stat) {
        return cache.get(bucketDir, key, stat, () -> build(key, stat, store.read(bucketDir, key.value(), file)));
    }

    /**
     * The cached metadata of {@code key} if the cache holds it for exactly this stat (inode, size, mtime,
     * ctime), else null. Reads nothing from the filesystem, so no re-stat is needed to trust it.
     */
    public ObjectMetadata cachedFile(Path bucketDir, ObjectKey key, FileStat stat) {
        return cache.peek(bucketDir, key.value(), stat);
    }

    /** The folder object at {@code dir}, if the directory carries fs3's marker metadata. */
    public Optional<ObjectMetadata> folder(Path bucketDir, ObjectKey key, Path dir, FileStat stat) {
        return store.read(bucketDir, key.value(), dir).map(s -> new ObjectMetadata(key, 0, stat.lastModified(),
                Etags.EMPTY_MD5, s.content(), s.userMetadata(), Map.of(), s.tags()));
    }

    /** Forgets what the cache holds for {@code key} (after fs3 itself changed the object or its metadata). */
    public void invalidate(Path bucketDir, String key) {
        cache.invalidate(bucketDir, key);
    }

    static ObjectMetadata build(ObjectKey key, FileStat stat, Optional<StoredMetadata> stored) {
        boolean current = stored.isPresent() && stored.get().stamp().equals(stat.stamp()) && stored.get().etag() != null;
        String etag = current ? stored.get().etag() : Etags.synthetic(stat.stamp());
        ContentHeaders content = stored.map(StoredMetadata::content).orElse(null);
        if (content == null) {
            content = ContentTypes.guessedHeaders(key.lastSegment()); // shared: one per type, not per object
        } else if (content.contentType() == null) {
            content = content.withContentType(ContentTypes.guess(key.lastSegment()));
        }
        return new ObjectMetadata(key, stat.stamp().size(), stat.lastModified(), etag, content,
                stored.map(StoredMetadata::userMetadata).orElse(Map.of()),
                current ? stored.get().checksums() : Map.of(), stored.map(StoredMetadata::tags).orElse(Map.of()),
                current ? stored.get().partSizes() : List.of());
    }
}
