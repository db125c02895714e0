package io.fs3.server.op;

import io.fs3.server.http.S3Request;
import io.fs3.storage.ObjectMetadata;
import jakarta.ws.rs.core.Response;

/** The headers GET and HEAD share, on a Jersey response (see {@link ObjectHeaders}). */
final class ObjectResponses {
    private ObjectResponses() {
    }

    /** {@code wholeObject}: stored full-object checksums are only true of the whole body, never of a range. */
    static void headers(Response.ResponseBuilder r, ObjectMetadata m, S3Request req, boolean wholeObject) {
        ObjectHeaders.write(r::header, m, req::query, req.header("x-amz-checksum-mode"), wholeObject);
    }
}
