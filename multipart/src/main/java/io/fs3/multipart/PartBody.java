package io.fs3.multipart;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * UploadPart's body. {@code length} is -1 when unknown; {@code contentMd5} is the base64 Content-MD5 header
 * or null; {@code verifiedChecksums} (lower-case algorithm → base64) is complete only after the body's EOF.
 */
public record PartBody(InputStream body, long length, String contentMd5, Supplier<Map<String, String>> verifiedChecksums) {
    public PartBody {
        verifiedChecksums = verifiedChecksums == null ? Map::of : verifiedChecksums;
    }
}
