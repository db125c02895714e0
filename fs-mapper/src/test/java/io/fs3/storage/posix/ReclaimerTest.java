package io.fs3.storage.posix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReclaimerTest {
    private static final int LARGE = (int) Reclaimer.DEFER_ABOVE + 1;
    private final AtomicWriter writer = new AtomicWriter(".fs3", false);
    private final Publisher publisher = new Publisher(writer, new Reclaimer(writer));

    @Test
    void aLargeReplaceLinksTheOldObjectAsideAndTheReclaimerRemovesThatName(@TempDir Path bucket) throws Exception {
        Path target = Files.write(bucket.resolve("big.bin"), filled(LARGE, 'o'));
        Files.createDirectories(bucket.resolve(".fs3/tmp"));
        Reclaimer reclaimer = new Reclaimer(writer);

        Path reclaimName = reclaimer.setAside(bucket, target, LARGE);
        assertThat(reclaimNames(bucket)).containsExactly(reclaimName);
        assertThat(Files.getAttribute(target, "unix:nlink")).isEqualTo(2);
        assertThat(Files.isSameFile(target, reclaimName)).isTrue();
        reclaimer.release(reclaimName);
        awaitGone(reclaimName);
        assertThat(Files.getAttribute(target, "unix:nlink")).isEqualTo(1);
    }

    @Test
    void nothingToSetAsideIsNoLink(@TempDir Path bucket) throws Exception {
        Reclaimer reclaimer = new Reclaimer(writer);
        Path dir = Files.createDirectories(bucket.resolve("folder"));
        Path small = Files.write(bucket.resolve("small"), new byte[]{1});
        Files.createDirectories(bucket.resolve(".fs3/tmp"));
        assertThat(reclaimer.setAside(bucket, bucket.resolve("missing"), LARGE)).isNull();
        assertThat(reclaimer.setAside(bucket, dir, LARGE)).isNull();
        assertThat(reclaimer.setAside(bucket, small, Reclaimer.DEFER_ABOVE)).isNull();
        reclaimer.release(null);
        assertThat(reclaimNames(bucket)).isEmpty();
    }

    @Test
    void aReaderOfTheReplacedObjectKeepsItsBytesAndNoReclaimNameStays(@TempDir Path bucket) throws Exception {
        Path target = Files.write(bucket.resolve("big.bin"), filled(LARGE, 'o'));
        try (InputStream reader = Files.newInputStream(target)) {
            publish(bucket, target, filled(LARGE, 'n'));

            assertThat(Files.readAllBytes(target)).isEqualTo(filled(LARGE, 'n'));
            awaitNoReclaimNames(bucket);
            assertThat(reader.readAllBytes()).isEqualTo(filled(LARGE, 'o'));
        }
    }

    @Test
    void theOldObjectKeepsAReclaimNameUntilTheReclaimerRuns(@TempDir Path bucket) throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Publisher deferred = new Publisher(writer, new Reclaimer(writer, queued::add));
        Path target = Files.write(bucket.resolve("big.bin"), filled(LARGE, 'o'));

        deferred.publish(bucket, newTemp(bucket, filled(LARGE, 'n')), target, false, LARGE);

        assertThat(Files.readAllBytes(target)).isEqualTo(filled(LARGE, 'n'));
        assertThat(reclaimNames(bucket)).singleElement()
                .satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(filled(LARGE, 'o')));
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(reclaimNames(bucket)).isEmpty();
    }

    @Test
    void aSmallPublishReplacesByTheRenameAlone(@TempDir Path bucket) throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Publisher deferred = new Publisher(writer, new Reclaimer(writer, queued::add));
        Path target = Files.write(bucket.resolve("was-big.bin"), filled(LARGE, 'o'));

        deferred.publish(bucket, newTemp(bucket, new byte[]{1}), target, false, 1);

        assertThat(Files.readAllBytes(target)).containsExactly(1);
        assertThat(reclaimNames(bucket)).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void aFullQueueUnlinksOnThePublishingThread(@TempDir Path bucket) throws Exception {
        Publisher refusing = new Publisher(writer, new Reclaimer(writer, task -> {
            throw new RejectedExecutionException("full");
        }));
        Path target = Files.write(bucket.resolve("big.bin"), filled(LARGE, 'o'));

        refusing.publish(bucket, newTemp(bucket, filled(LARGE, 'n')), target, false, LARGE);

        assertThat(Files.readAllBytes(target)).isEqualTo(filled(LARGE, 'n'));
        assertThat(reclaimNames(bucket)).isEmpty();
    }

    @Test
    void aLargeDeleteUnlinksTheKeyAtOnceAndTheBlocksLater(@TempDir Path bucket) throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Reclaimer reclaimer = new Reclaimer(writer, queued::add);
        Path file = Files.write(bucket.resolve("big.bin"), filled(LARGE, 'o'));
        Files.createDirectories(bucket.resolve(".fs3/tmp"));

        reclaimer.delete(bucket, file, LARGE);

        assertThat(file).doesNotExist();
        assertThat(reclaimNames(bucket)).hasSize(1);
        queued.forEach(Runnable::run);
        assertThat(reclaimNames(bucket)).isEmpty();
        assertThatThrownBy(() -> reclaimer.delete(bucket, file, LARGE))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(reclaimNames(bucket)).isEmpty();
    }

    @Test
    void aFailedReplaceLeavesTheDirectoryThereAndNoReclaimName(@TempDir Path bucket) throws Exception {
        Path folder = Files.createDirectories(bucket.resolve("folder"));
        Files.writeString(folder.resolve("inside"), "kept");
        Path temp = newTemp(bucket, filled(LARGE, 'n'));

        assertThatThrownBy(() -> publisher.publish(bucket, temp, folder, false, LARGE)).hasMessageContaining("Is a directory");
        assertThat(folder.resolve("inside")).hasContent("kept");
        awaitNoReclaimNames(bucket);
    }

    private void publish(Path bucket, Path target, byte[] bytes) throws IOException {
        publisher.publish(bucket, newTemp(bucket, bytes), target, false, bytes.length);
    }

    private Path newTemp(Path bucket, byte[] bytes) throws IOException {
        return Files.write(writer.newTempFile(bucket), bytes);
    }

    private static byte[] filled(int size, char c) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static List<Path> reclaimNames(Path bucket) throws IOException {
        try (Stream<Path> s = Files.list(bucket.resolve(".fs3/tmp"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(Reclaimer.SUFFIX)).toList();
        }
    }

    private static void awaitNoReclaimNames(Path bucket) throws Exception {
        for (int i = 0; i < 5_000 && !reclaimNames(bucket).isEmpty(); i++) {
            Thread.sleep(2);
        }
        assertThat(reclaimNames(bucket)).isEmpty();
    }

    private static void awaitGone(Path p) throws InterruptedException {
        for (int i = 0; i < 5_000 && Files.exists(p); i++) {
            Thread.sleep(2);
        }
        assertThat(p).doesNotExist();
    }
}
