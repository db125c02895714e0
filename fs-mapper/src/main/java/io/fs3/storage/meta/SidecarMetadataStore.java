package io.fs3.storage.meta;

import com.github.benmanes.caffeine.cache.Cache;
import com.google.common.hash.Hashing;
import io.fs3.storage.StoredMetadata;
import io.fs3.storage.cache.CacheBuilders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Metadata in sidecar files for filesystems without user xattrs: {@code <bucket>/<reserved>/meta/<h2>/<sha256(key)>}.
 * Hashed names avoid collisions between keys and sidecars and any name-length limit. The stored
 * stamp ties a sidecar to one version of the file, so a stale sidecar is detected by the reader.
 */
public final class SidecarMetadataStore implements MetadataStore {
    /** How long a bucket seen without a sidecar directory skips the look in {@link #delete}. */
    static final Duration ABSENCE_REMEMBERED = Duration.ofSeconds(1);
    private final String reservedDir;
    /**
     * Sidecar directories recently seen absent. The delete that follows every xattr write then costs no
     * access(2). Only deletes use it: a sidecar another instance writes meanwhile is at worst left behind,
     * where its stamp no longer matches the object, never read in place of current metadata.
     */
    private final Cache<Path, Boolean> recentlyAbsent = CacheBuilders.onCallingThread()
            .expireAfterWrite(ABSENCE_REMEMBERED).maximumSize(10_000).build();

    public SidecarMetadataStore(String reservedDir) {
        this.reservedDir = reservedDir;
    }

    @Override
    public Optional<StoredMetadata> read(Path bucketDir, String key, Path target) {
        // Reads fall back to here for every file without an xattr (all files other programs wrote): the
        // exists checks (access(2), no exception) skip the key hash where the bucket has no sidecars at all,
        // and the NoSuchFileException an open of a missing sidecar would throw.
        Path metaDir = metaDir(bucketDir);
        if (!Files.exists(metaDir)) {
            return Optional.empty();
        }
        Path file = sidecarIn(metaDir, key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return MetadataCodec.decode(Files.readAllBytes(file)); // small file, bounded by the 2 KB metadata limit
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(Path bucketDir, String key, Path target, StoredMetadata metadata) throws IOException {
        Path file = sidecar(bucketDir, key);
        recentlyAbsent.invalidate(metaDir(bucketDir));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            Files.write(tmp, MetadataCodec.encode(metadata));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void delete(Path bucketDir, String key, Path target) throws IOException {
        Path metaDir = metaDir(bucketDir);
        if (recentlyAbsent.getIfPresent(metaDir) != null) {
            return;
        }
        if (!Files.exists(metaDir)) {
            recentlyAbsent.put(metaDir, Boolean.TRUE);
            return;
        }
        try {
            Files.deleteIfExists(sidecarIn(metaDir, key));
        } catch (NoSuchFileException ignored) {
            // already gone
        }
    }

    Path sidecar(Path bucketDir, String key) {
        return sidecarIn(metaDir(bucketDir), key);
    }

    private Path metaDir(Path bucketDir) {
        return bucketDir.resolve(reservedDir).resolve("meta");
    }

    private static Path sidecarIn(Path metaDir, String key) {
        String hash = Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString();
        return metaDir.resolve(hash.substring(0, 2)).resolve(hash);
    }
}
