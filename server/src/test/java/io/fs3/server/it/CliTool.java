package io.fs3.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs a real client program (aws, python3 + boto3, ...) as a process with a clean environment: every
 * AWS_* variable removed (AWS_CA_BUNDLE breaks some clients, and host credentials must not leak in), and
 * a private HOME. A missing tool skips the test on a developer machine but fails it in CI (CI=true).
 */
public final class CliTool {
    public record Result(int exitCode, String output) {
    }

    private CliTool() {
    }

    /** Asserts the executable exists (CI) or skips (elsewhere). */
    public static void require(String executable) {
        boolean present = Files.isExecutable(Path.of(executable));
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(present, executable + " is required in CI (installed by .ci/run) but is missing");
        } else {
            assumeTrue(present, executable + " is not installed; skipping (CI installs it)");
        }
    }

    public static Result run(Path home, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        return run(home, env, command, 300);
    }

    /**
     * Runs a client's version command, prints the first line and records it in target/client-versions.txt (the
     * README's compatibility table is written from these), and returns it.
     */
    public static String version(String client, Path home, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Result r = run(home, env, command, 60);
        String line = r.output().lines().filter(l -> !l.isBlank()).findFirst().orElse("(no output)").strip();
        recordVersion(client, line);
        return line;
    }

    /** Prints a client's version and records it in target/client-versions.txt (for libraries, which have no command). */
    public static void recordVersion(String client, String version) throws IOException {
        String entry = client + ": " + version;
        System.out.println("[fs3-it] client version " + entry);
        synchronized (CliTool.class) {
            Path file = Path.of("target", "client-versions.txt");
            List<String> seen = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (Files.isDirectory(file.getParent()) && !seen.contains(entry)) {
                Files.writeString(file, entry + System.lineSeparator(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        }
    }

    /**
     * Starts a long-running client (a FUSE mount, ...) with the same clean environment, its output going to
     * {@code log}; the caller stops it.
     */
    public static Process start(Path home, Map<String, String> env, List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).directory(home.toFile())
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_") || k.startsWith("BOTO"));
        pb.environment().put("HOME", home.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    /** Runs a command with a clean environment (see the class comment), failing the test after {@code timeoutSeconds}. */
    public static Result run(Path home, Map<String, String> env, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).directory(home.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_") || k.startsWith("BOTO"));
        pb.environment().put("HOME", home.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        Path log = Files.createTempFile(home, "out", ".log");
        // Output is drained to a file, so a chatty client can never block on a full pipe.
        Thread drain = new Thread(() -> {
            try (var in = p.getInputStream()) {
                Files.copy(in, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // process ended
            }
        });
        drain.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        drain.join(10_000);
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
