package io.fs3.server.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the packaged server while it assembles a 256 MiB upload over an existing object, then a
 * restart: the key holds the old object or the new one, whole (by MD5), and the restart's sweep leaves no
 * staging directory or temp file behind.
 */
class MultipartCrashIT {
    private static final int PARTS = 16;
    private static final long PART = 16L << 20;
    private static final Pattern ENDPOINT = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path tmp;

    @Test
    void killDuringCompleteLeavesTheOldOrTheNewObjectAndNoDebris() throws Exception {
        Path jar = Path.of("target/fs3-server.jar");
        assertThat(jar).as("run after 'package' (mvn verify)").exists();
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path config = Files.writeString(tmp.resolve("fs3.properties"), String.join("\n", "fs3.http.host=127.0.0.1",
                "fs3.http.port=0", "fs3.auth.access-key=" + TestServer.ACCESS_KEY,
                "fs3.auth.secret-key=" + TestServer.SECRET_KEY, "fs3.storage.fsync=true", "fs3.storage.root=" + data));
        List<Path> partFiles = new ArrayList<>();
        List<String> partMd5s = new ArrayList<>();
        for (int n = 1; n <= PARTS; n++) {
            partFiles.add(MultipartFiles.generate(tmp.resolve("part" + n), PART, 100 + n));
            partMd5s.add(MultipartFiles.md5(partFiles.get(n - 1)));
        }
        String newMd5 = MultipartFiles.md5(new SequenceInputStream(Collections.enumeration(partFiles.stream()
                .map(MultipartCrashIT::open).toList())));
        byte[] old = MultipartApiIT.bytes(99, 1 << 20);

        Process first = start(jar, config);
        try (S3Client s3 = client(awaitEndpoint(first))) {
            s3.createBucket(b -> b.bucket("crash"));
            s3.putObject(b -> b.bucket("crash").key("obj"), RequestBody.fromBytes(old));
            String id = s3.createMultipartUpload(b -> b.bucket("crash").key("obj")).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            for (int n = 1; n <= PARTS; n++) {
                int number = n;
                String etag = s3.uploadPart(b -> b.bucket("crash").key("obj").uploadId(id).partNumber(number),
                        RequestBody.fromFile(partFiles.get(n - 1))).eTag();
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
            }
            CompletableFuture<?> complete = CompletableFuture.runAsync(() -> s3.completeMultipartUpload(b -> b.bucket("crash")
                    .key("obj").uploadId(id).multipartUpload(m -> m.parts(parts))));
            awaitAssemblyUnderway(data.resolve("crash/.fs3/multipart"), complete);
            first.destroyForcibly(); // SIGKILL
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            complete.handle((r, e) -> null).get(30, TimeUnit.SECONDS);
        } finally {
            first.destroyForcibly();
        }
        Process second = start(jar, config);
        try (S3Client s3 = client(awaitEndpoint(second))) {
            assertWholeOldOrNew(s3, Map.of(MultipartFiles.md5(old), MultipartFiles.md5(old),
                    newMd5, MultipartFiles.multipartEtag(partMd5s)));
            assertNoDebris(data.resolve("crash/.fs3"));
            assertThat(s3.listMultipartUploads(b -> b.bucket("crash")).uploads()).isEmpty();
        } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The key's bytes are one of the two versions (MD5 → the ETag that version must carry), and only it is listed. */
    private static void assertWholeOldOrNew(S3Client s3, Map<String, String> etagByMd5) throws Exception {
        String md5;
        try (InputStream in = s3.getObject(b -> b.bucket("crash").key("obj"))) {
            md5 = MultipartFiles.md5(in);
        }
        assertThat(etagByMd5).as("the object is whole: old or new").containsKey(md5);
        System.out.println("MultipartCrashIT: after kill -9 the key holds the "
                + (etagByMd5.get(md5).contains("-") ? "new" : "old") + " object");
        assertThat(s3.headObject(b -> b.bucket("crash").key("obj")).eTag()).as("the ETag describes those bytes")
                .isEqualTo('"' + etagByMd5.get(md5) + '"');
        assertThat(s3.listObjectsV2(b -> b.bucket("crash")).contents()).extracting(S3Object::key).containsExactly("obj");
    }

    private static void assertNoDebris(Path reserved) throws Exception {
        try (Stream<Path> staging = Files.list(reserved.resolve("multipart"))) {
            assertThat(staging).as("no staging left after the restart's sweep").isEmpty();
        }
        Path temps = reserved.resolve("tmp");
        if (Files.isDirectory(temps)) {
            try (Stream<Path> files = Files.list(temps)) {
                assertThat(files.filter(Files::isRegularFile)).as("no temp files").isEmpty();
            }
        }
    }

    /** Waits until the claimed upload's assembled file has grown past 64 MiB (or the complete has ended). */
    private static void awaitAssemblyUnderway(Path staging, CompletableFuture<?> complete) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!complete.isDone() && System.nanoTime() < deadline) {
            Optional<Path> assembled = assembled(staging);
            if (assembled.isPresent() && sizeOrZero(assembled.get()) > (64L << 20)) {
                return;
            }
            Thread.sleep(1);
        }
    }

    private static Optional<Path> assembled(Path staging) throws Exception {
        try (Stream<Path> dirs = Files.list(staging)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().endsWith(".completing")).toList()) {
                try (Stream<Path> files = Files.list(d)) {
                    Optional<Path> a = files.filter(f -> f.getFileName().toString().startsWith("assembled.")).findFirst();
                    if (a.isPresent()) {
                        return a;
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // renamed or removed while looking
        }
        return Optional.empty();
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return 0;
        }
    }

    private static InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Process start(Path jar, Path config) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--config", config.toString()).redirectErrorStream(true).start();
    }

    private static S3Client client(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials()).forcePathStyle(true).build();
    }

    private static URI awaitEndpoint(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = ENDPOINT.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the server stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("server did not start:\n" + seen);
    }
}
