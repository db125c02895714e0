package io.fs3.server.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A complete that outlasts the keep-alive interval (1 ms here; fsync on, so assembly takes far longer)
 * answers 200 at once, sends whitespace, then the result document, or an Error document if assembly fails,
 * as S3 does; the SDK reads both.
 */
class MultipartKeepAliveIT {
    private static final int PARTS = 5;
    private static final int PART = 5 << 20;
    /**
     * Parts of the upload whose last part is damaged: the others are copied before assembly notices, which
     * must take longer than the 1 ms the request waits before it commits the 200 (with 5 parts a full test run once
     * had the request thread scheduled late enough to see the failure first and answer 500).
     */
    private static final int DAMAGED_UPLOAD_PARTS = 12;

    @Test
    void aLongCompleteSendsWhitespaceThenTheResult(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, settings()); Recorder recorder = new Recorder();
             S3Client s3 = client(server, recorder)) {
            s3.createBucket(b -> b.bucket("slow"));
            String id = s3.createMultipartUpload(b -> b.bucket("slow").key("k")).uploadId();
            List<CompletedPart> parts = upload(s3, id, PARTS);
            String etag = complete(s3, id, parts);
            assertThat(etag).endsWith("-" + PARTS + "\"");
            assertThat(s3.headObject(b -> b.bucket("slow").key("k")).eTag()).isEqualTo(etag);
            assertThat(recorder.body()).startsWith("<?xml").matches("(?s)<\\?xml[^>]*\\?>\\s+ <CompleteMultipartUploadResult.*");
        }
    }

    @Test
    void anAssemblyFailureAfterThe200IsAnErrorDocumentAndTheUploadRemains(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, settings()); Recorder recorder = new Recorder();
             S3Client s3 = client(server, recorder)) {
            s3.createBucket(b -> b.bucket("broken"));
            String id = s3.createMultipartUpload(b -> b.bucket("broken").key("k")).uploadId();
            List<CompletedPart> parts = upload(s3, id, DAMAGED_UPLOAD_PARTS);
            // Damage the last part's bytes behind fs3's back: assembly notices only after copying the others.
            Path staging = root.resolve("broken/.fs3/multipart/" + id + ".mpu");
            try (Stream<Path> files = Files.list(staging)) {
                Path data = files.filter(f -> f.getFileName().toString().startsWith(String.format("part-%05d.", DAMAGED_UPLOAD_PARTS))).findFirst()
                        .orElseThrow();
                try (FileChannel ch = FileChannel.open(data, StandardOpenOption.WRITE)) {
                    ch.truncate(1);
                }
            }
            assertThatThrownBy(() -> complete(s3, id, parts)).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                assertThat(e.statusCode()).isEqualTo(200);
            });
            assertThat(recorder.body()).matches("(?s)<\\?xml[^>]*\\?>\\s+ <Error>.*<Code>InternalError</Code>.*");
            assertThat(s3.listParts(b -> b.bucket("broken").key("k").uploadId(id)).parts()).hasSize(DAMAGED_UPLOAD_PARTS);
            assertThat(Files.exists(root.resolve("broken/k"))).isFalse();
        }
    }

    private static Map<String, String> settings() {
        return Map.of("fs3.multipart.keep-alive-interval", "1ms", "fs3.storage.fsync", "true");
    }

    private static List<CompletedPart> upload(S3Client s3, String id, int count) {
        String bucket = s3.listBuckets().buckets().get(0).name();
        List<CompletedPart> parts = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            int number = n;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(id).partNumber(number),
                    RequestBody.fromBytes(MultipartApiIT.bytes(number, PART))).eTag();
            parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
        }
        return parts;
    }

    private static String complete(S3Client s3, String id, List<CompletedPart> parts) {
        String bucket = s3.listBuckets().buckets().get(0).name();
        return s3.completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(id).multipartUpload(m -> m.parts(parts)))
                .eTag();
    }

    private static S3Client client(TestServer server, Recorder recorder) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(TestServer.credentials()).forcePathStyle(true)
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build();
    }

    /** Keeps the raw body of the CompleteMultipartUpload response as the SDK reads it. */
    static final class Recorder implements ExecutionInterceptor, AutoCloseable {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attrs) {
            if (!(context.request() instanceof CompleteMultipartUploadRequest) || context.responseBody().isEmpty()) {
                return context.responseBody();
            }
            return Optional.of(new FilterInputStream(context.responseBody().get()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        body.write(b);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        body.write(b, off, n);
                    }
                    return n;
                }
            });
        }

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
        }
    }
}
