package io.fs3.server.op;

import io.fs3.server.http.ByteRange;
import io.fs3.server.http.Preconditions;
import io.fs3.server.http.S3Request;
import io.fs3.storage.ObjectMetadata;
import io.fs3.storage.ObjectStore;
import io.fs3.storage.OpenObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * GetObject and HeadObject: conditional headers, a single Range or a partNumber, response-* overrides.
 * The body streams from the open file with a fixed buffer (constant memory).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
public final class ObjectReadOp {
    private static final int BUFFER = 128 * 1024;
    private final ObjectStore objects;

    public ObjectReadOp(ObjectStore objects) {
        this.objects = objects;
    }

    public Response head(S3Request req) {
        ObjectMetadata m = objects.head(req.bucket(), req.key());
        preconditions(req).check(m.etag(), m.lastModified());
        Optional<ByteRange> range = range(req, m);
        Response.ResponseBuilder r = Response.status(range.isPresent() ? 206 : 200);
        ObjectResponses.headers(r, m, req, range.isEmpty());
        MultipartPartRange.addPartsCount(r, req.query("partNumber"), m);
        r.header("Content-Length", range.map(ByteRange::length).orElse(m.size()));
        range.ifPresent(br -> r.header("Content-Range", br.contentRange(m.size())));
        return r.build();
    }

    public Response get(S3Request req) {
        OpenObject open = objects.open(req.bucket(), req.key());
        try {
            ObjectMetadata m = open.metadata();
            preconditions(req).check(m.etag(), m.lastModified());
            Optional<ByteRange> range = range(req, m);
            long first = range.map(ByteRange::first).orElse(0L);
            long length = range.map(ByteRange::length).orElse(m.size());
            Response.ResponseBuilder r = Response.status(range.isPresent() ? 206 : 200);
            ObjectResponses.headers(r, m, req, range.isEmpty());
            MultipartPartRange.addPartsCount(r, req.query("partNumber"), m);
            r.header("Content-Length", length);
            range.ifPresent(br -> r.header("Content-Range", br.contentRange(m.size())));
            r.entity((StreamingOutput) out -> {
                try (open) {
                    copy(open.channel(), first, length, out);
                }
            });
            return r.build();
        } catch (RuntimeException e) {
            open.close();
            throw e;
        }
    }

    private static void copy(FileChannel ch, long first, long length, java.io.OutputStream out) throws java.io.IOException {
        if (ch == null || length == 0) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BUFFER, length));
        long pos = first;
        long end = first + length;
        while (pos < end) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                // The file shrank under us (another writer truncated it in place): never let a short body look complete.
                throw new java.io.IOException("object truncated while being read");
            }
            out.write(buf.array(), 0, n);
            pos += n;
        }
    }

    private static Preconditions preconditions(S3Request req) {
        return Preconditions.of(req.header("If-Match"), req.header("If-None-Match"),
                req.header("If-Modified-Since"), req.header("If-Unmodified-Since"));
    }

    /** A Range header, or partNumber: one part of a multipart object (a single-part object is part 1), as a 206. */
    private static Optional<ByteRange> range(S3Request req, ObjectMetadata m) {
        String part = req.query("partNumber");
        if (part != null) {
            return MultipartPartRange.of(part, req.header("Range"), m);
        }
        return ByteRange.parse(req.header("Range"), m.size());
    }
}
