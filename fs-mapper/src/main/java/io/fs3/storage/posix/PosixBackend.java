package io.fs3.storage.posix;

import io.fs3.config.CacheSettings;
import io.fs3.config.StorageSettings;
import io.fs3.storage.BucketConfigStore;
import io.fs3.storage.BucketStore;
import io.fs3.storage.ObjectLister;
import io.fs3.storage.ObjectStore;
import io.fs3.storage.cache.MetadataCache;
import io.fs3.storage.cache.SmallObjectCache;
import io.fs3.storage.list.ListingCache;
import io.fs3.storage.list.PosixLister;
import io.fs3.storage.meta.BucketMetadataStores;
import io.fs3.storage.meta.MetadataStore;

/** The storage roles over one root, wired once from settings. */
public record PosixBackend(KeyMapper keys, BucketStore buckets, ObjectStore objects, ObjectLister lister,
                           BucketConfigStore bucketConfig,
                           MetadataCache metadataCache, ListingCache listingCache, AtomicWriter writer, Publisher publisher,
                           MetadataStore metadataStore, MetadataLoader metadataLoader, SmallObjectCache smallObjects) {

    public static PosixBackend open(StorageSettings storage, CacheSettings cache) {
        return open(storage, cache, java.util.Map.of());
    }

    /** {@code bucketPaths} maps bucket names to directories anywhere (configured buckets); the rest are the root's. */
    public static PosixBackend open(StorageSettings storage, CacheSettings cache, java.util.Map<String, java.nio.file.Path> bucketPaths) {
        KeyMapper keys = new KeyMapper(storage.root(), storage.reservedDir(), bucketPaths);
        MetadataStore store = new BucketMetadataStores(storage.metadata(), storage.reservedDir());
        MetadataCache metadataCache = new MetadataCache(cache.metadataMaxEntries(), cache.metadataMaxAge());
        MetadataLoader loader = new MetadataLoader(store, metadataCache);
        AtomicWriter writer = new AtomicWriter(storage.reservedDir(), storage.fsync());
        Reclaimer reclaimer = new Reclaimer(writer);
        ObjectRemover remover = new ObjectRemover(store, loader, writer, reclaimer);
        Publisher publisher = new Publisher(writer, reclaimer);
        ObjectCopier copier = new ObjectCopier(writer, publisher, store, loader);
        ObjectTagger tagger = new ObjectTagger(store, loader);
        ObjectWriter objectWriter = new ObjectWriter(writer, publisher, store, loader);
        ListingCache listingCache = new ListingCache(cache.listingMaxEntries(), cache.listingChangeWindow());
        SmallObjectCache smallObjects = new SmallObjectCache(cache.contentMaxBytes(), cache.metadataMaxAge(),
                cache.listingChangeWindow(), SmallObjectCache::wallClockNanos);
        PosixLister lister = new PosixLister(keys::requireBucket, storage.reservedDir(),
                new ListingEntryResolver(keys, loader), listingCache);
        return new PosixBackend(keys, new BucketDirectories(keys),
                new PosixStorage(keys, loader, objectWriter, remover, copier, tagger, smallObjects), lister,
                new BucketConfigFiles(keys), metadataCache, listingCache, writer, publisher, store, loader, smallObjects);
    }

    /** Object ACLs, kept in each object's stored metadata. */
    public io.fs3.storage.ObjectAclStore objectAcls() {
        return new ObjectAclFiles(keys, metadataStore, metadataLoader);
    }
}
