package io.fs3.storage.meta;

import io.fs3.storage.ContentHeaders;
import io.fs3.storage.FileStamp;
import io.fs3.storage.StoredMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reading the one metadata attribute: small and large values, files without it, files with other attributes. */
class XattrMetadataStoreTest {
    @TempDir
    Path dir;
    private final XattrMetadataStore store = new XattrMetadataStore();
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(XattrMetadataStore.supported(dir.resolve("probe")), "user xattrs on the temp filesystem");
        file = Files.writeString(dir.resolve("object"), "hello");
    }

    @Test
    void smallValueRoundTrips() throws IOException {
        StoredMetadata m = metadata(Map.of("colour", "blue"));
        store.write(dir, "object", file, m);
        assertThat(store.read(dir, "object", file)).contains(m);
    }

    @Test
    void valueLargerThanTheFirstReadBufferRoundTrips() throws IOException {
        StoredMetadata m = metadata(Map.of("big", "x".repeat(1800), "other", "y".repeat(500)));
        store.write(dir, "object", file, m);
        assertThat(MetadataCodec.encodeCompact(m).length).isGreaterThan(2048);
        assertThat(store.read(dir, "object", file)).contains(m);
    }

    @Test
    void fileWrittenByAnotherProgramHasNone() {
        assertThat(store.read(dir, "object", file)).isEmpty();
    }

    @Test
    void otherUserAttributesAreNotMistakenForOurs() throws IOException {
        view().write("other.tool", ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)));
        assertThat(store.read(dir, "object", file)).isEmpty();
        StoredMetadata m = metadata(Map.of());
        store.write(dir, "object", file, m);
        assertThat(store.read(dir, "object", file)).contains(m);
    }

    @Test
    void unparseableValueReadsAsNone() throws IOException {
        view().write(XattrMetadataStore.ATTR, ByteBuffer.wrap(new byte[]{(byte) 0xff, 0, 1}));
        assertThat(store.read(dir, "object", file)).isEmpty();
    }

    @Test
    void deleteRemovesIt() throws IOException {
        store.write(dir, "object", file, metadata(Map.of()));
        store.delete(dir, "object", file);
        assertThat(store.read(dir, "object", file)).isEmpty();
        assertThat(view().list()).doesNotContain(XattrMetadataStore.ATTR);
    }

    @Test
    void missingFileReadsAsNone() {
        assertThat(store.read(dir, "gone", dir.resolve("gone"))).isEmpty();
    }

    private UserDefinedFileAttributeView view() {
        return Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    }

    private static StoredMetadata metadata(Map<String, String> user) {
        return new StoredMetadata("\"5d41402abc4b2a76b9719d911017c592\"", FileStamp.of("(dev=1,ino=2)", 5, 123_456_789L),
                new ContentHeaders("text/plain", null, null, null, null, null), user, Map.of(), Map.of("k", "v"),
                List.of(), null);
    }
}
