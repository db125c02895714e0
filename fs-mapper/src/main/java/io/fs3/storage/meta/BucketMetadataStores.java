package io.fs3.storage.meta;

import io.fs3.config.MetadataMode;
import io.fs3.storage.StoredMetadata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the metadata store per bucket: the configured mode, or for {@code auto} xattrs where the bucket's
 * filesystem accepts them (probed once per bucket directory) and sidecars elsewhere. Reads fall back to
 * the sidecar when no xattr is present, so objects written before a mode change stay readable.
 */
public final class BucketMetadataStores implements MetadataStore {
    private final MetadataMode mode;
    private final String reservedDir;
    private final XattrMetadataStore xattr = new XattrMetadataStore();
    private final SidecarMetadataStore sidecar;
    private final Map<Path, Boolean> xattrSupport = new ConcurrentHashMap<>();

    public BucketMetadataStores(MetadataMode mode, String reservedDir) {
        this.mode = mode;
        this.reservedDir = reservedDir;
        this.sidecar = new SidecarMetadataStore(reservedDir);
    }

    /**
     * Reads never probe (the probe writes a file): an xattr, where present, else the sidecar. So a read-only
     * bucket or mount is served without a single write, with the metadata written before it became read-only.
     */
    @Override
    public Optional<StoredMetadata> read(Path bucketDir, String key, Path target) {
        if (mode != MetadataMode.SIDECAR) {
            Optional<StoredMetadata> m = xattr.read(bucketDir, key, target);
            if (m.isPresent()) {
                return m;
            }
        }
        return sidecar.read(bucketDir, key, target);
    }

    @Override
    public void write(Path bucketDir, String key, Path target, StoredMetadata metadata) throws IOException {
        if (usesXattr(bucketDir)) {
            xattr.write(bucketDir, key, target, metadata);
            sidecar.delete(bucketDir, key, target); // a stale sidecar from an earlier mode must not win later
        } else {
            sidecar.write(bucketDir, key, target, metadata);
        }
    }

    @Override
    public void delete(Path bucketDir, String key, Path target) throws IOException {
        if (usesXattr(bucketDir)) {
            xattr.delete(bucketDir, key, target);
        }
        sidecar.delete(bucketDir, key, target);
    }

    boolean usesXattr(Path bucketDir) {
        return switch (mode) {
            case XATTR -> true;
            case SIDECAR -> false;
            case AUTO -> xattrSupport.computeIfAbsent(bucketDir,
                    d -> XattrMetadataStore.supported(d.resolve(reservedDir).resolve("tmp")));
        };
    }
}
