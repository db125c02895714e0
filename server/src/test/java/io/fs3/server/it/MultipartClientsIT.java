package io.fs3.server.it;

import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Multipart uploads as real clients make them: MinIO's SDK, the AWS CLI v2 (`aws s3 cp`), boto3's transfer manager. */
class MultipartClientsIT {
    private static final long MIB = 1L << 20;
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

    @Test
    void minioUploadObjectAndStreamedPutUseMultipart() throws Exception {
        MinioClient mc = MinioClient.builder().endpoint(server.endpoint().toString())
                .credentials(TestServer.ACCESS_KEY, TestServer.SECRET_KEY).region(TestServer.REGION).build();
        mc.makeBucket(MakeBucketArgs.builder().bucket("minio-mpu").build());
        Path file = MultipartFiles.generate(home.resolve("minio.bin"), 12 * MIB + 5, 21);
        mc.uploadObject(UploadObjectArgs.builder().bucket("minio-mpu").object("file.bin").filename(file.toString(), 5 * MIB)
                .build());
        assertThat(mc.statObject(StatObjectArgs.builder().bucket("minio-mpu").object("file.bin").build()).etag())
                .endsWith("-3");
        try (InputStream in = mc.getObject(GetObjectArgs.builder().bucket("minio-mpu").object("file.bin").build())) {
            assertThat(MultipartFiles.md5(in)).isEqualTo(MultipartFiles.md5(file));
        }
        // unknown length: MinIO buffers 5 MiB parts and always uploads them as a multipart upload
        try (InputStream in = Files.newInputStream(file)) {
            mc.putObject(PutObjectArgs.builder().bucket("minio-mpu").object("stream.bin").stream(in, -1, 5 * MIB).build());
        }
        try (InputStream in = mc.getObject(GetObjectArgs.builder().bucket("minio-mpu").object("stream.bin").build())) {
            assertThat(MultipartFiles.md5(in)).isEqualTo(MultipartFiles.md5(file));
        }
    }

    @Test
    void awsCliCopiesAHundredMebibyteFileUpAndBack() throws Exception {
        String aws = "/usr/bin/aws";
        CliTool.require(aws);
        Path config = Files.writeString(home.resolve("aws-config"), String.join("\n", "[default]", "region = us-east-1",
                "s3 =", "    addressing_style = path", "    multipart_threshold = 8MB", "    multipart_chunksize = 16MB", ""));
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY",
                TestServer.SECRET_KEY, "AWS_CONFIG_FILE", config.toString(), "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_PAGER", "");
        Path big = MultipartFiles.generate(home.resolve("cli-100m.bin"), 100 * MIB + 1, 22);
        String endpoint = server.endpoint().toString();
        run(env, aws, "--endpoint-url", endpoint, "s3", "mb", "s3://cli-mpu");
        run(env, aws, "--endpoint-url", endpoint, "s3", "cp", "--no-progress", big.toString(), "s3://cli-mpu/big.bin");
        assertThat(Files.size(root.resolve("cli-mpu/big.bin"))).isEqualTo(Files.size(big));
        String head = run(env, aws, "--endpoint-url", endpoint, "s3api", "head-object", "--bucket", "cli-mpu", "--key", "big.bin");
        assertThat(head).contains("-7\\\"\""); // seven 16 MiB parts
        Path back = home.resolve("cli-back.bin");
        run(env, aws, "--endpoint-url", endpoint, "s3", "cp", "--no-progress", "s3://cli-mpu/big.bin", back.toString());
        assertThat(Files.mismatch(big, back)).isEqualTo(-1L);
        assertThat(root.resolve("cli-mpu/.fs3/multipart")).isEmptyDirectory();
    }

    static Stream<String> pythons() throws Exception {
        return Boto3IT.interpreters();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void boto3UploadFileAboveALowThresholdAndTheLowLevelCalls(String python) throws Exception {
        CliTool.require(python);
        Path script = home.resolve("boto3_multipart.py");
        try (InputStream in = MultipartClientsIT.class.getResourceAsStream("/clients/boto3_multipart.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        String bucket = "boto-mpu-" + Math.abs(python.hashCode() % 10000);
        CliTool.Result r = CliTool.run(home, Map.of(), List.of(python, script.toString(), server.endpoint().toString(),
                bucket, home.toString()));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("BOTO3 MULTIPART OK");
    }

    private static String run(Map<String, String> env, String... command) throws Exception {
        CliTool.Result r = CliTool.run(home, env, List.of(command));
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.output()).isZero();
        return r.output();
    }
}
