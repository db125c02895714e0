package io.fs3.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.abort;

/** FUSE mounts made by client programs (rclone mount, s3fs) in the tests: availability, waiting, unmounting. */
final class FuseMounts {
    private FuseMounts() {
    }

    /** Why FUSE cannot work here, or empty if it may. */
    static Optional<String> unavailable() {
        if (!Files.exists(Path.of("/dev/fuse"))) {
            return Optional.of("no /dev/fuse in this environment");
        }
        if (fusermount().isEmpty()) {
            return Optional.of("no fusermount/fusermount3 (Debian package fuse3)");
        }
        return Optional.empty();
    }

    /** Skips the calling test, printing the reason, when FUSE cannot work here. */
    static void assumeAvailable(String what) {
        unavailable().ifPresent(why -> {
            System.out.println("[fs3-it] " + what + " skipped: " + why);
            abort(what + " needs FUSE: " + why);
        });
    }

    static boolean isMounted(Path mountPoint) throws IOException {
        String target = " " + mountPoint.toAbsolutePath() + " ";
        return Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8).stream()
                .anyMatch(l -> l.contains(target));
    }

    /**
     * Waits until the client has mounted {@code mountPoint}. If the client exits first, or it does not mount in
     * time, the reason is in its log: a FUSE problem of the environment skips the test (printed), anything else fails.
     */
    static void awaitMounted(Path mountPoint, Process client, Path log, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!isMounted(mountPoint)) {
            if (!client.isAlive() || System.nanoTime() > deadline) {
                client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                String output = Files.exists(log) ? Files.readString(log) : "";
                if (output.contains("/dev/fuse") || output.contains("fusermount") || output.contains("Operation not permitted")) {
                    System.out.println("[fs3-it] " + what + " skipped: FUSE mount refused here:\n" + output);
                    abort(what + ": FUSE mount refused by this environment: " + output.strip());
                }
                throw new AssertionError(what + " did not mount " + mountPoint + ":\n" + output);
            }
            Thread.sleep(100);
        }
    }

    /** Unmounts (lazily if busy) and waits for the client to exit. */
    static void unmount(Path mountPoint, Process client, Path home) throws Exception {
        String fusermount = fusermount().orElse("fusermount");
        if (isMounted(mountPoint)) {
            CliTool.run(home, Map.of(), List.of(fusermount, "-u", mountPoint.toString()), 30);
        }
        if (isMounted(mountPoint)) {
            CliTool.run(home, Map.of(), List.of(fusermount, "-u", "-z", mountPoint.toString()), 30);
        }
        if (!client.waitFor(20, TimeUnit.SECONDS)) {
            client.destroy();
            if (!client.waitFor(5, TimeUnit.SECONDS)) {
                client.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static Optional<String> fusermount() {
        for (String candidate : List.of("/usr/bin/fusermount3", "/bin/fusermount3", "/usr/bin/fusermount", "/bin/fusermount")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
