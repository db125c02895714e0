package io.fs3.storage.posix;

import io.fs3.storage.BucketName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bucket directories are resolved once and handed out as the same Path; the bound never changes an answer. */
class KeyMapperBucketDirTest {
    @TempDir
    Path tmp;

    @Test
    void aBucketsDirectoryIsTheSamePathOnEveryCall() {
        Path mappedDir = tmp.resolve("elsewhere/photos");
        KeyMapper keys = new KeyMapper(tmp.resolve("root"), ".fs3", Map.of("photos", mappedDir));
        Path first = keys.bucketDir(BucketName.of("docs"));
        assertThat(first).isEqualTo(tmp.resolve("root/docs").toAbsolutePath().normalize());
        assertThat(keys.bucketDir(BucketName.of("docs"))).isSameAs(first);
        assertThat(keys.bucketDir(BucketName.of("photos"))).isEqualTo(mappedDir.toAbsolutePath().normalize())
                .isSameAs(keys.bucketDir(BucketName.of("photos")));
    }

    @Test
    void bucketsBeyondTheBoundStillResolve() {
        KeyMapper keys = new KeyMapper(tmp, ".fs3");
        for (int i = 0; i < KeyMapper.MAX_RESOLVED_BUCKETS + 100; i++) {
            String name = "bucket-" + i;
            assertThat(keys.bucketDir(BucketName.of(name))).isEqualTo(tmp.toAbsolutePath().normalize().resolve(name));
        }
        Path late = keys.bucketDir(BucketName.of("bucket-" + (KeyMapper.MAX_RESOLVED_BUCKETS + 50)));
        assertThat(late).isEqualTo(tmp.toAbsolutePath().normalize().resolve("bucket-" + (KeyMapper.MAX_RESOLVED_BUCKETS + 50)));
    }
}
