package io.fs3.storage.posix;

import io.fs3.config.CacheSettings;
import io.fs3.config.MetadataMode;
import io.fs3.config.StorageSettings;

import java.nio.file.Path;

/** A real POSIX backend over a temp root, as the server wires it. */
public final class TestBackends {
    private TestBackends() {
    }

    public static PosixBackend open(Path root, MetadataMode mode) {
        return PosixBackend.open(new StorageSettings(root, false, mode, ".fs3"), new CacheSettings(1000, 100_000));
    }
}
