package io.fs3.s3;

import java.util.Base64;

/** The Content-MD5 request header: base64 of the 16-byte MD5 of the body, as PutObject, UploadPart and XML bodies send it. */
public final class ContentMd5 {
    private ContentMd5() {
    }

    /** The digest the header declares, or null without the header; anything else than 16 base64 bytes is InvalidDigest. */
    public static byte[] decode(String header) {
        if (header == null) {
            return null;
        }
        try {
            byte[] md5 = Base64.getDecoder().decode(header.trim());
            if (md5.length == 16) {
                return md5;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw S3Exception.of(S3Error.INVALID_DIGEST);
    }
}
