package io.fs3.server.op;

import io.fs3.server.http.Etag;
import io.fs3.server.http.HttpDates;
import io.fs3.server.http.UserMetadataHeaders;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectMetadata;

import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The headers GetObject and HeadObject answer with: ETag, Last-Modified, content headers (with response-*
 * overrides), user metadata, tag count and, when asked for, stored checksums. Written through a plain
 * (name, value) sink so the Jersey resources and the direct read path send exactly the same headers.
 */
public final class ObjectHeaders {
    private ObjectHeaders() {
    }

    /**
     * {@code query}: a request's query parameter by name (null if absent), for the response-* overrides;
     * {@code checksumMode}: the x-amz-checksum-mode header; {@code wholeObject}: stored full-object checksums
     * are only true of the whole body, never of a range. Null values are not sent.
     */
    public static void write(BiConsumer<String, String> out, ObjectMetadata m, UnaryOperator<String> query,
                             String checksumMode, boolean wholeObject) {
        BiConsumer<String, String> sink = (name, value) -> {
            if (value != null) {
                out.accept(name, value);
            }
        };
        sink.accept("ETag", Etag.quote(m.etag()));
        sink.accept("Last-Modified", HttpDates.format(m.lastModified()));
        sink.accept("Accept-Ranges", "bytes");
        ContentHeaders c = m.content();
        sink.accept("Content-Type", override(query, "response-content-type", c.contentType()));
        sink.accept("Content-Encoding", override(query, "response-content-encoding", c.contentEncoding()));
        sink.accept("Content-Disposition", override(query, "response-content-disposition", c.contentDisposition()));
        sink.accept("Content-Language", override(query, "response-content-language", c.contentLanguage()));
        sink.accept("Cache-Control", override(query, "response-cache-control", c.cacheControl()));
        sink.accept("Expires", override(query, "response-expires", c.expires()));
        m.userMetadata().forEach((k, v) -> sink.accept(UserMetadataHeaders.PREFIX + k, v));
        if (!m.tags().isEmpty()) {
            sink.accept("x-amz-tagging-count", Integer.toString(m.tags().size()));
        }
        if (wholeObject && "ENABLED".equalsIgnoreCase(checksumMode) && !m.checksums().isEmpty()) {
            m.checksums().forEach((alg, v) -> sink.accept("x-amz-checksum-" + alg.toLowerCase(Locale.ROOT), v));
            sink.accept("x-amz-checksum-type", checksumType(m.checksums().values().iterator().next()));
        }
    }

    /** S3 writes a COMPOSITE checksum (of a multipart object's part checksums) as base64 + "-" + part count. */
    static String checksumType(String value) {
        int dash = value.lastIndexOf('-');
        boolean composite = dash > 0 && dash < value.length() - 1
                && value.substring(dash + 1).chars().allMatch(ch -> ch >= '0' && ch <= '9');
        return composite ? "COMPOSITE" : "FULL_OBJECT";
    }

    private static String override(UnaryOperator<String> query, String param, String stored) {
        String v = query.apply(param);
        return v != null ? v : stored;
    }
}
