package io.fs3.storage.meta;

import com.google.common.hash.Hashing;
import io.fs3.storage.StoredMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Metadata in sidecar files for filesystems without user xattrs: {@code <bucket>/<reserved>/meta/<h2>/<sha256(key)>}.
 * Hashed names avoid collisions between keys and sidecars and any name-length limit. The stored
 * stamp ties a sidecar to one version of the file, so a stale sidecar is detected by the reader.
 */
public final class SidecarMetadataStore implements MetadataStore {
    private final String reservedDir;

    public SidecarMetadataStore(String reservedDir) {
        this.reservedDir = reservedDir;
    }

    @Override
    public Optional<StoredMetadata> read(Path bucketDir, String key, Path target) {
        try {
            return MetadataCodec.decode(Files.readAllBytes(sidecar(bucketDir, key))); // small file, bounded by the 2 KB metadata limit
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(Path bucketDir, String key, Path target, StoredMetadata metadata) throws IOException {
        Path file = sidecar(bucketDir, key);
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
        try {
            Files.deleteIfExists(sidecar(bucketDir, key));
        } catch (NoSuchFileException ignored) {
            // already gone
        }
    }

    Path sidecar(Path bucketDir, String key) {
        String hash = Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString();
        return bucketDir.resolve(reservedDir).resolve("meta").resolve(hash.substring(0, 2)).resolve(hash);
    }
}
