package io.fs3.multipart.posix;

import io.fs3.multipart.ChecksumType;
import io.fs3.multipart.NewUpload;
import io.fs3.multipart.UploadId;
import io.fs3.multipart.UploadInfo;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.ContentHeaders;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** An upload's {@code manifest.properties}: the key, when it began and what the object will carry. */
record Manifest(String key, Instant initiated, NewUpload upload) {
    private static final String[] HEADERS = {"content-type", "content-encoding", "content-disposition",
            "content-language", "cache-control", "expires"};

    UploadInfo info(UploadId id) {
        return new UploadInfo(key, id, initiated, upload.checksumAlgorithm(), upload.checksumType());
    }

    byte[] encode() {
        Properties p = new Properties();
        p.setProperty("key", key);
        p.setProperty("initiated", Long.toString(initiated.toEpochMilli()));
        ContentHeaders c = upload.content();
        String[] values = {c.contentType(), c.contentEncoding(), c.contentDisposition(), c.contentLanguage(),
                c.cacheControl(), c.expires()};
        for (int i = 0; i < HEADERS.length; i++) {
            if (values[i] != null) {
                p.setProperty("h." + HEADERS[i], values[i]);
            }
        }
        upload.userMetadata().forEach((k, v) -> p.setProperty("m." + k, v));
        upload.tags().forEach((k, v) -> p.setProperty("t." + k, v));
        if (upload.checksumAlgorithm() != null) {
            p.setProperty("checksum.algorithm", upload.checksumAlgorithm());
            p.setProperty("checksum.type", upload.checksumType().name());
        }
        if (upload.acl() != null) {
            p.setProperty("acl", upload.acl());
        }
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The manifest of the upload in {@code dir} for {@code key}; NoSuchUpload if absent or for another key (as S3). */
    static Manifest require(Path dir, String key, UploadId id) {
        return read(dir).filter(m -> m.key().equals(key)).orElseThrow(() ->
                S3Exception.of(S3Error.NO_SUCH_UPLOAD).withResource(key).withDetail("UploadId", id.value()));
    }

    /** The manifest in {@code dir}, or empty if there is none (no such upload) or it cannot be read. */
    static Optional<Manifest> read(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(StagingLayout.MANIFEST), StandardCharsets.UTF_8)) {
            p.load(r);
            String h = "h.";
            ContentHeaders content = new ContentHeaders(p.getProperty(h + HEADERS[0]), p.getProperty(h + HEADERS[1]),
                    p.getProperty(h + HEADERS[2]), p.getProperty(h + HEADERS[3]), p.getProperty(h + HEADERS[4]),
                    p.getProperty(h + HEADERS[5]));
            String algorithm = p.getProperty("checksum.algorithm");
            String type = p.getProperty("checksum.type");
            NewUpload upload = new NewUpload(content, prefixed(p, "m."), prefixed(p, "t."), algorithm,
                    type == null ? null : ChecksumType.valueOf(type), p.getProperty("acl"));
            return Optional.of(new Manifest(p.getProperty("key"),
                    Instant.ofEpochMilli(Long.parseLong(p.getProperty("initiated"))), upload));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> prefixed(Properties p, String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                out.put(name.substring(prefix.length()), p.getProperty(name));
            }
        }
        return out;
    }
}
