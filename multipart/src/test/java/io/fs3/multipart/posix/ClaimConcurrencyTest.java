package io.fs3.multipart.posix;

import io.fs3.multipart.CompleteRequest;
import io.fs3.multipart.CompletedPart;
import io.fs3.multipart.PartInfo;
import io.fs3.multipart.UploadId;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.ObjectKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.fs3.multipart.posix.TestUploads.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/** Two completes of one upload at the same moment (also from two store instances on one root): exactly one wins. */
class ClaimConcurrencyTest {
    @TempDir
    Path root;

    @Test
    void exactlyOneOfTwoConcurrentCompletesWins() throws Exception {
        TestUploads a = new TestUploads(root);
        TestUploads b = new TestUploads(root);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                String key = "k" + round;
                UploadId id = a.create(key);
                PartInfo p1 = a.part(key, id, 1, "round " + round + " ");
                PartInfo p2 = a.part(key, id, 2, "done");
                CompleteRequest req = new CompleteRequest(List.of(new CompletedPart(1, p1.etag(), Map.of()),
                        new CompletedPart(2, p2.etag(), Map.of())), null);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<String>> results = new ArrayList<>();
                for (TestUploads store : List.of(a, b)) {
                    results.add(pool.submit(attempt(store, key, id, req, start)));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("won", "NoSuchUpload");
                assertThat(Files.readString(root.resolve("b").resolve(key))).isEqualTo("round " + round + " done");
            }
            assertThat(a.stagingRoot()).isEmptyDirectory();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<String> attempt(TestUploads store, String key, UploadId id, CompleteRequest req,
                                            CyclicBarrier start) {
        return () -> {
            start.await();
            try {
                store.uploads.prepareComplete(BUCKET, ObjectKey.of(key), id, req).finish();
                return "won";
            } catch (S3Exception e) {
                return e.error() == S3Error.NO_SUCH_UPLOAD ? "NoSuchUpload" : e.error().code();
            }
        };
    }
}
