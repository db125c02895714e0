package io.fs3.server.access;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged server jar run as a process: admin commands, and the server itself with its output in a file. */
final class JarProcesses {
    static final Path JAR = Path.of("target/fs3-server.jar");
    private static final Pattern ENDPOINT = Pattern.compile("at (https?://127\\.0\\.0\\.1:\\d+)");

    record Result(int exitCode, String stdout, String stderr) {
    }

    private JarProcesses() {
    }

    static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs a command of the jar to completion. */
    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(java(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + List.of(args));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A running server jar; its combined output goes to {@code log}. */
    record Server(Process process, Path log, URI endpoint) implements AutoCloseable {
        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static Server start(Path log, String... args) throws Exception {
        Process p = new ProcessBuilder(java(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = ENDPOINT.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new Server(p, log, URI.create(m.group(1)));
            }
            if (!p.isAlive()) {
                throw new AssertionError("server exited " + p.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("server did not start:\n" + Files.readString(log));
    }
}
