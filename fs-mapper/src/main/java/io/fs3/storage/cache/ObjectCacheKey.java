package io.fs3.storage.cache;

import java.nio.file.Path;

/**
 * What the per-object caches find an entry by: the bucket directory and the key. The key string is the one
 * the request already holds, so an entry costs one small record; keying by the object's Path cost ~180 bytes
 * an entry (the path's bytes and its offsets), a quarter of the metadata cache's heap.
 */
record ObjectCacheKey(Path bucketDir, String key) {
    // Written out: the generated record methods go through method handles, which showed in GET profiles, and
    // the bucket directory is one shared Path (KeyMapper resolves it once), which Path.equals compares byte by byte.
    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectCacheKey k && key.equals(k.key) && (bucketDir == k.bucketDir || bucketDir.equals(k.bucketDir));
    }

    @Override
    public int hashCode() {
        return 31 * bucketDir.hashCode() + key.hashCode();
    }
}
