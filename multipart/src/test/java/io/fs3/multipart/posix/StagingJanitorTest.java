package io.fs3.multipart.posix;

import io.fs3.multipart.CompleteRequest;
import io.fs3.multipart.CompletedPart;
import io.fs3.multipart.Completion;
import io.fs3.multipart.PartInfo;
import io.fs3.multipart.UploadId;
import io.fs3.multipart.UploadsQuery;
import io.fs3.s3.S3Exception;
import io.fs3.storage.ObjectKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fs3.multipart.posix.TestUploads.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StagingJanitorTest {
    @TempDir
    Path root;

    @Test
    void uploadsOlderThanTheExpiryAreAbortedAndCounted() throws Exception {
        TestUploads t = new TestUploads(root);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (StagingJanitor janitor = t.uploads.janitor(t.settings, registry)) {
            UploadId old = t.create("old");
            t.part("old", old, 1, "bytes");
            t.clock.advance(Duration.ofDays(6));
            UploadId young = t.create("young");
            assertThat(janitor.sweep()).isEqualTo(new StagingJanitor.Sweep(1, 2, 0, 0));
            t.clock.advance(Duration.ofDays(1).plusSeconds(1));
            assertThat(janitor.sweep()).isEqualTo(new StagingJanitor.Sweep(1, 1, 1, 0));
            assertThat(t.uploads.listUploads(BUCKET, new UploadsQuery(null, null, null, null, 10)).uploads())
                    .extracting(u -> u.id()).containsExactly(young);
            assertThatThrownBy(() -> t.part("old", old, 2, "x")).isInstanceOf(S3Exception.class);
            assertThat(registry.get("fs3.multipart.sweep.expired").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("fs3.multipart.uploads.open").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("fs3.multipart.sweeps").counter().count()).isEqualTo(2.0);
        }
    }

    @Test
    void leftoversOfDeadCompletesAndAbortsAreRemovedButLiveCompletesStay() throws Exception {
        TestUploads t = new TestUploads(root);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // what a process killed during complete leaves: a claimed directory whose lock nobody holds
        Path dead = t.stagingRoot().resolve(UploadId.generate(Instant.now()) + ".mpu.completing");
        Files.createDirectories(dead);
        Files.writeString(dead.resolve(StagingLayout.LOCK), "");
        Files.writeString(dead.resolve("assembled.1234"), "half an object");
        Path aborting = t.stagingRoot().resolve(UploadId.generate(Instant.now()) + ".mpu.aborting");
        Files.createDirectories(aborting);
        // a complete this process is running right now
        UploadId live = t.create("live");
        PartInfo p = t.part("live", live, 1, "bytes");
        Completion running = t.uploads.prepareComplete(BUCKET, ObjectKey.of("live"), live,
                new CompleteRequest(List.of(new CompletedPart(1, p.etag(), Map.of())), null));
        try (StagingJanitor janitor = t.uploads.janitor(t.settings, registry)) {
            assertThat(janitor.sweep()).isEqualTo(new StagingJanitor.Sweep(1, 0, 0, 2));
            assertThat(dead).doesNotExist();
            assertThat(aborting).doesNotExist();
            assertThat(t.stagingRoot().resolve(live + ".mpu.completing")).isDirectory();
            running.finish();
            assertThat(Files.readString(root.resolve("b/live"))).isEqualTo("bytes");
            assertThat(registry.get("fs3.multipart.sweep.orphans").counter().count()).isEqualTo(2.0);
        }
    }
}
