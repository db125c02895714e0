package io.fs3.multipart;

/** ListMultipartUploads arguments; null means "not given". */
public record UploadsQuery(String prefix, String delimiter, String keyMarker, String uploadIdMarker, int maxUploads) {
    public UploadsQuery {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    }
}
