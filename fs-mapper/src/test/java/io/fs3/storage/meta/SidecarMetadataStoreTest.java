package io.fs3.storage.meta;

import io.fs3.storage.ContentHeaders;
import io.fs3.storage.FileStamp;
import io.fs3.storage.StoredMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sidecar files: round trip, and the cheap answers for buckets and keys that have none. */
class SidecarMetadataStoreTest {
    @TempDir
    Path bucket;
    private final SidecarMetadataStore store = new SidecarMetadataStore(".fs3");

    @Test
    void roundTripsAndDeletes() throws IOException {
        Path file = Files.writeString(bucket.resolve("a.txt"), "hello");
        StoredMetadata m = new StoredMetadata("\"etag\"", FileStamp.of("k", 5, 1), ContentHeaders.NONE,
                Map.of("x", "y"), Map.of(), Map.of(), List.of(), null);
        store.write(bucket, "a.txt", file, m);
        assertThat(store.sidecar(bucket, "a.txt")).startsWith(bucket.resolve(".fs3/meta")).exists();
        assertThat(store.read(bucket, "a.txt", file)).contains(m);
        assertThat(store.read(bucket, "b.txt", bucket.resolve("b.txt"))).isEmpty();
        store.delete(bucket, "a.txt", file);
        assertThat(store.read(bucket, "a.txt", file)).isEmpty();
    }

    @Test
    void bucketWithoutSidecarsReadsAsNone() throws IOException {
        Path file = Files.writeString(bucket.resolve("a.txt"), "hello");
        assertThat(store.read(bucket, "a.txt", file)).isEmpty();
        assertThat(bucket.resolve(".fs3")).doesNotExist(); // reading creates nothing
    }

    /** The delete after every xattr write looks for the sidecar directory once a second at most, but never misses one it wrote. */
    @Test
    void deleteRemembersAnAbsentDirectoryButNotPastItsOwnWrites() throws IOException {
        Path file = Files.writeString(bucket.resolve("a.txt"), "hello");
        store.delete(bucket, "a.txt", file);
        assertThat(bucket.resolve(".fs3")).doesNotExist(); // deleting creates nothing
        StoredMetadata m = new StoredMetadata("etag", FileStamp.of("k", 5, 1), ContentHeaders.NONE, Map.of(), Map.of());
        store.write(bucket, "a.txt", file, m);
        store.delete(bucket, "a.txt", file);
        assertThat(store.sidecar(bucket, "a.txt")).doesNotExist();
    }

    @Test
    void unreadableSidecarReadsAsNone() throws IOException {
        Path sidecar = store.sidecar(bucket, "a.txt");
        Files.createDirectories(sidecar);  // a directory where the file should be
        assertThat(store.read(bucket, "a.txt", bucket.resolve("a.txt"))).isEmpty();
    }
}
