package io.fs3.storage.posix;

import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import io.fs3.storage.ObjectSummary;
import io.fs3.storage.cache.FileStat;
import io.fs3.storage.list.EntryResolver;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Gives the listing walk the same metadata (and so the same ETag) as HEAD and GET, via the metadata cache. */
public final class ListingEntryResolver implements EntryResolver {
    private final KeyMapper keys;
    private final MetadataLoader metadata;

    public ListingEntryResolver(KeyMapper keys, MetadataLoader metadata) {
        this.keys = keys;
        this.metadata = metadata;
    }

    @Override
    public Optional<ObjectSummary> file(String key, Path file, BasicFileAttributes attrs) {
        Optional<ObjectKey> k = validKey(key);
        if (k.isEmpty() || k.get().firstSegment().equals(keys.reservedDir())) {
            return Optional.empty();
        }
        Path bucketDir = bucketDirOf(file, k.get());
        try {
            FileStat stat = attrs.isSymbolicLink() ? FileStat.of(file) : FileStat.of(attrs);
            if (!stat.regularFile() || (attrs.isSymbolicLink() && !keys.isContained(bucketDir, file))) {
                return Optional.empty();
            }
            ObjectMetadata m = metadata.file(bucketDir, k.get(), file, stat);
            return Optional.of(new ObjectSummary(key, m.size(), m.lastModified(), m.etag()));
        } catch (IOException e) {
            return Optional.empty(); // vanished mid-walk
        }
    }

    @Override
    public Optional<ObjectSummary> folder(String key, Path dir) {
        Optional<ObjectKey> k = validKey(key);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        try {
            FileStat stat = FileStat.ofNoFollow(dir);
            return metadata.folder(bucketDirOf(dir, k.get()), k.get(), dir, stat)
                    .map(m -> new ObjectSummary(key, 0, m.lastModified(), m.etag()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path bucketDirOf(Path path, ObjectKey key) {
        Path p = path;
        for (int i = key.segmentCount(); i > 0; i--) {
            p = p.getParent();
        }
        return p;
    }

    private static Optional<ObjectKey> validKey(String key) {
        try {
            return Optional.of(ObjectKey.of(key));
        } catch (RuntimeException e) {
            return Optional.empty(); // a name no S3 key can reach (e.g. over 1024 bytes) is not listed
        }
    }
}
