package io.fs3.multipart;

import java.util.List;

/** CompleteMultipartUpload: the parts in request order and x-amz-mp-object-size (null if not sent). */
public record CompleteRequest(List<CompletedPart> parts, Long expectedSize) {
    public CompleteRequest {
        parts = List.copyOf(parts);
    }
}
