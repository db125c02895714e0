package io.fs3.storage;

/** The standard content headers S3 stores with an object and returns on GET/HEAD; any may be null. */
public record ContentHeaders(String contentType, String contentEncoding, String contentDisposition,
                             String contentLanguage, String cacheControl, String expires) {
    public static final ContentHeaders NONE = new ContentHeaders(null, null, null, null, null, null);

    public ContentHeaders withContentType(String type) {
        return new ContentHeaders(type, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires);
    }
}
