package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.StoredMetadata;
import io.fs3.storage.cache.FileStat;
import io.fs3.storage.meta.MetadataStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Object tagging rewrites only the stored metadata of the existing file. A file written by another
 * program gets metadata with no ETag (it keeps its stamp-derived one) and just the tags.
 */
public final class ObjectTagger {
    private final MetadataStore metadataStore;
    private final MetadataLoader metadata;

    public ObjectTagger(MetadataStore metadataStore, MetadataLoader metadata) {
        this.metadataStore = metadataStore;
        this.metadata = metadata;
    }

    public void putTags(Path bucketDir, ObjectKey key, Path path, FileStat stat, Map<String, String> tags) {
        StoredMetadata current = metadataStore.read(bucketDir, key.value(), path)
                .orElse(new StoredMetadata(null, stat.stamp(), ContentHeaders.NONE, Map.of(), Map.of()));
        try {
            metadataStore.write(bucketDir, key.value(), path, current.withTags(tags));
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_KEY, key.value());
        }
        metadata.invalidate(bucketDir, key.value());
    }

}
