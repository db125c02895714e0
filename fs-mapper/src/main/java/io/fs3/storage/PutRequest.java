package io.fs3.storage;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One object write. {@code contentLength} is -1 when unknown; {@code contentMd5} is the base64 Content-MD5
 * header or null; {@code verifiedChecksums} is read only after the body hit EOF (trailer checksums arrive
 * last); {@code ifNoneMatchAll} means "fail with PreconditionFailed if the key exists" (If-None-Match: *).
 */
public record PutRequest(InputStream body, long contentLength, ContentHeaders content, Map<String, String> userMetadata,
                         String contentMd5, Supplier<Map<String, String>> verifiedChecksums, boolean ifNoneMatchAll,
                         Map<String, String> tags) {
    public PutRequest {
        content = content == null ? ContentHeaders.NONE : content;
        userMetadata = Map.copyOf(userMetadata);
        verifiedChecksums = verifiedChecksums == null ? Map::of : verifiedChecksums;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public PutRequest(InputStream body, long contentLength, ContentHeaders content, Map<String, String> userMetadata,
                      String contentMd5, Supplier<Map<String, String>> verifiedChecksums, boolean ifNoneMatchAll) {
        this(body, contentLength, content, userMetadata, contentMd5, verifiedChecksums, ifNoneMatchAll, Map.of());
    }
}
