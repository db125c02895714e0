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

/**
 * boto3 scripts (src-test-data clients/boto3_*.py) run by real Python interpreters: Debian's (boto3 1.26: Content-MD5)
 * and, where present, pyenv's (1.4x: CRC32 checksums by default). Client API, resource API, managed transfers with
 * multipart thresholds, paginators, presigned URLs and POST, copy, tagging, CORS, batch delete.
 */
@AnyS3Endpoint
class Boto3IT {
    @TempDir
    static Path root;
    @TempDir
    static Path home;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.connect(root);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Debian's python3 always (required in CI); every pyenv interpreter that has boto3. */
    static Stream<String> interpreters() throws Exception {
        List<String> found = new ArrayList<>(List.of("/usr/bin/python3"));
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.sorted().map(v -> v.resolve("bin/python3")).filter(Files::isExecutable).map(Path::toString)
                        .filter(Boto3IT::hasBoto3).forEach(found::add);
            }
        }
        return found.stream();
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void everydayClientCalls(String python) throws Exception {
        CliTool.require(python);
        CliTool.version("boto3 (" + python + ")", home, Map.of(), List.of(python, "-c",
                "import boto3, botocore; print('boto3', boto3.__version__, 'botocore', botocore.__version__)"));
        assertThat(runScript(python, "boto3_smoke.py", "boto", true)).contains("BOTO3 OK");
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void copyTaggingCorsBatchDeleteAndPresignedPost(String python) throws Exception {
        CliTool.require(python);
        assertThat(runScript(python, "boto3_object_ops.py", "boto-ops", false)).contains("BOTO3 OBJECT OPS OK");
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void resourceApiManagedMultipartTransfersPaginatorsAndPresignedUrls(String python) throws Exception {
        CliTool.require(python);
        assertThat(runScript(python, "boto3_resource_transfer.py", "boto-res", true)).contains("BOTO3 RESOURCE TRANSFER OK");
    }

    private static String runScript(String python, String name, String bucketBase, boolean withWorkdir) throws Exception {
        Path script = home.resolve(name);
        try (InputStream in = Boto3IT.class.getResourceAsStream("/clients/" + name)) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String bucket = server.bucket(bucketBase + "-" + Math.abs(python.hashCode() % 10000));
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), server.endpoint().toString(), bucket));
        if (withWorkdir) {
            cmd.add(home.toString());
        }
        CliTool.Result r = CliTool.run(home, Map.of("FS3_IT_ACCESS_KEY", server.accessKey(),
                "FS3_IT_SECRET_KEY", server.secretKey(), "FS3_IT_REGION", server.region()), cmd);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output();
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
