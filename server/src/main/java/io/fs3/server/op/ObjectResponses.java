package io.fs3.server.op;

import io.fs3.server.http.Etag;
import io.fs3.server.http.HttpDates;
import io.fs3.server.http.S3Request;
import io.fs3.server.http.UserMetadataHeaders;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectMetadata;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/** The headers GET and HEAD share: ETag, Last-Modified, content headers (with response-* overrides), user metadata. */
final class ObjectResponses {
    private ObjectResponses() {
    }

    /** {@code wholeObject}: stored full-object checksums are only true of the whole body, never of a range. */
    static void headers(Response.ResponseBuilder r, ObjectMetadata m, S3Request req, boolean wholeObject) {
        r.header("ETag", Etag.quote(m.etag()));
        r.header("Last-Modified", HttpDates.format(m.lastModified()));
        r.header("Accept-Ranges", "bytes");
        ContentHeaders c = m.content();
        r.header("Content-Type", override(req, "response-content-type", c.contentType()));
        r.header("Content-Encoding", override(req, "response-content-encoding", c.contentEncoding()));
        r.header("Content-Disposition", override(req, "response-content-disposition", c.contentDisposition()));
        r.header("Content-Language", override(req, "response-content-language", c.contentLanguage()));
        r.header("Cache-Control", override(req, "response-cache-control", c.cacheControl()));
        r.header("Expires", override(req, "response-expires", c.expires()));
        m.userMetadata().forEach((k, v) -> r.header(UserMetadataHeaders.PREFIX + k, v));
        if (!m.tags().isEmpty()) {
            r.header("x-amz-tagging-count", m.tags().size());
        }
        if (wholeObject && "ENABLED".equalsIgnoreCase(req.header("x-amz-checksum-mode"))) {
            m.checksums().forEach((alg, v) -> r.header("x-amz-checksum-" + alg.toLowerCase(Locale.ROOT), v));
        }
    }

    private static String override(S3Request req, String param, String stored) {
        String v = req.query(param);
        return v != null ? v : stored;
    }
}
