package io.fs3.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** boto3 scripts run by real Python interpreters: Debian's (boto3 1.26) and, where present, pyenv's (1.4x, CRC32 by default). */
class Boto3IT {
    @TempDir
    static Path root;
    @TempDir
    static Path home;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(root);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<String> interpreters() throws Exception {
        List<String> found = new ArrayList<>(List.of("/usr/bin/python3"));
        Path pyenv = Path.of("/root/.pyenv/versions");
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.map(v -> v.resolve("bin/python3")).filter(Files::isExecutable).map(Path::toString)
                        .filter(Boto3IT::hasBoto3).forEach(found::add);
            }
        }
        return found.stream();
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void everydayCalls(String python) throws Exception {
        CliTool.require(python);
        Path script = home.resolve("boto3_smoke.py");
        try (InputStream in = Boto3IT.class.getResourceAsStream("/clients/boto3_smoke.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String bucket = "boto-" + Math.abs(python.hashCode() % 10000);
        CliTool.Result r = CliTool.run(home, Map.of(), List.of(python, script.toString(),
                server.endpoint().toString(), bucket, home.toString()));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("BOTO3 OK");
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void copyTaggingCorsBatchDeleteAndPresignedPost(String python) throws Exception {
        CliTool.require(python);
        Path script = home.resolve("boto3_object_ops.py");
        try (InputStream in = Boto3IT.class.getResourceAsStream("/clients/boto3_object_ops.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String bucket = "boto-ops-" + Math.abs(python.hashCode() % 10000);
        CliTool.Result r = CliTool.run(home, Map.of(), List.of(python, script.toString(),
                server.endpoint().toString(), bucket));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("BOTO3 OBJECT OPS OK");
    }

    private static boolean hasBoto3(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import boto3").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
