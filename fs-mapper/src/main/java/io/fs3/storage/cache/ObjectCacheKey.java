package io.fs3.storage.cache;

import java.nio.file.Path;

/**
 * What the per-object caches find an entry by: the bucket directory and the key. The key string is the one
 * the request already holds, so an entry costs one small record; keying by the object's Path cost ~180 bytes
 * an entry (the path's bytes and its offsets), a quarter of the metadata cache's heap.
 */
record ObjectCacheKey(Path bucketDir, String key) {
}
