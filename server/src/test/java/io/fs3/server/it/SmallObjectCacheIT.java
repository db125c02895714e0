package io.fs3.server.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small objects kept in memory answer every kind of read exactly as the file would (whole, ranged, as a copy
 * source), and any change to the file, through S3 or by another program, is served at the next request.
 */
class SmallObjectCacheIT {
    /** A zero change window keeps objects from their first read; the default (1 s) would make the test slow. */
    private static final Map<String, String> SETTINGS = Map.of("fs3.cache.listing.change-window", "0s");

    @Test
    void keptObjectsReadAsTheirFilesAndChangesAreSeen(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, SETTINGS); S3Client s3 = server.sdk()) {
            s3.createBucket(b -> b.bucket("small"));
            s3.putObject(r -> r.bucket("small").key("dir/k.txt"), RequestBody.fromString("first version"));
            Thread.sleep(20); // older than the (zero) change window by the millisecond clock
            assertThat(get(s3, "dir/k.txt")).isEqualTo("first version");
            double hitsBefore = hits(server);
            assertThat(get(s3, "dir/k.txt")).isEqualTo("first version");
            assertThat(hits(server)).as("the second GET was served from memory").isGreaterThan(hitsBefore);

            assertThat(s3.getObjectAsBytes(r -> r.bucket("small").key("dir/k.txt").range("bytes=6-12")).asUtf8String())
                    .isEqualTo("version");
            s3.copyObject(r -> r.sourceBucket("small").sourceKey("dir/k.txt").destinationBucket("small").destinationKey("copy.txt"));
            assertThat(get(s3, "copy.txt")).isEqualTo("first version");

            // another program rewrites it in place: same inode, same size, mtime set back
            Path file = root.resolve("small/dir/k.txt");
            FileTime mtime = Files.getLastModifiedTime(file);
            Files.writeString(file, "other program", StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            Files.setLastModifiedTime(file, mtime);
            // a HEAD first refreshes the cached metadata, so only the kept bytes' own check stands in the way
            assertThat(s3.headObject(r -> r.bucket("small").key("dir/k.txt")).contentLength()).isEqualTo(13);
            assertThat(get(s3, "dir/k.txt")).isEqualTo("other program");

            s3.putObject(r -> r.bucket("small").key("dir/k.txt"), RequestBody.fromString("third version"));
            assertThat(get(s3, "dir/k.txt")).isEqualTo("third version");
        }
    }

    private static String get(S3Client s3, String key) {
        return s3.getObjectAsBytes(r -> r.bucket("small").key(key)).asUtf8String();
    }

    private static double hits(TestServer server) {
        return server.server().ops().metrics().registry().get("cache.gets")
                .tags("cache", "fs3.content", "result", "hit").functionCounter().count();
    }
}
