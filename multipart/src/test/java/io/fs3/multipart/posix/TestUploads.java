package io.fs3.multipart.posix;

import io.fs3.config.CacheSettings;
import io.fs3.config.MetadataMode;
import io.fs3.config.MultipartSettings;
import io.fs3.config.StorageSettings;
import io.fs3.multipart.CompleteRequest;
import io.fs3.multipart.CompleteResult;
import io.fs3.multipart.CompletedPart;
import io.fs3.multipart.NewUpload;
import io.fs3.multipart.PartBody;
import io.fs3.multipart.PartInfo;
import io.fs3.multipart.TestChecksummer;
import io.fs3.multipart.UploadId;
import io.fs3.storage.BucketName;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.posix.PosixBackend;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A real POSIX backend and multipart store over a temp root with bucket "b" and a 4-byte minimum part size. */
final class TestUploads {
    static final BucketName BUCKET = BucketName.of("b");
    final Path root;
    final PosixBackend backend;
    final MutableClock clock = new MutableClock();
    final MultipartSettings settings;
    final PosixMultipartUploads uploads;

    TestUploads(Path root) throws Exception {
        this(root, MetadataMode.AUTO);
    }

    TestUploads(Path root, MetadataMode mode) throws Exception {
        this.root = root;
        Files.createDirectories(root.resolve("b"));
        this.backend = PosixBackend.open(new StorageSettings(root, false, mode, ".fs3"), new CacheSettings(1000, 100_000));
        this.settings = new MultipartSettings(".mpu", 4, Duration.ofDays(7), Duration.ofHours(1), true, Duration.ofSeconds(5));
        this.uploads = new PosixMultipartUploads(backend, settings, new TestChecksummer(), clock);
    }

    UploadId create(String key) {
        return uploads.create(BUCKET, ObjectKey.of(key), new NewUpload(new ContentHeaders("text/plain", null, null, null,
                null, null), Map.of("color", "blue"), Map.of(), null, null)).id();
    }

    PartInfo part(String key, UploadId id, int n, String data) {
        byte[] b = data.getBytes();
        return uploads.uploadPart(BUCKET, ObjectKey.of(key), id, n, new PartBody(new ByteArrayInputStream(b), b.length,
                null, Map::of));
    }

    CompleteResult complete(String key, UploadId id, PartInfo... parts) {
        List<CompletedPart> list = java.util.Arrays.stream(parts).map(p -> new CompletedPart(p.number(), p.etag(), Map.of())).toList();
        return uploads.prepareComplete(BUCKET, ObjectKey.of(key), id, new CompleteRequest(list, null)).finish();
    }

    Path stagingRoot() {
        return root.resolve("b/.fs3/multipart");
    }

    /** A clock the janitor test moves forward. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
