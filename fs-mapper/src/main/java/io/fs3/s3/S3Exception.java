package io.fs3.s3;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An S3 error on its way to the client: the error, an optional message override, the resource it is
 * about, and ordered extra XML elements (e.g. {@code StringToSign}) and response headers.
 */
public final class S3Exception extends RuntimeException {
    private final S3Error error;
    private final String resource;
    private final Map<String, String> details;
    private final Map<String, String> headers;

    private S3Exception(S3Error error, String message, String resource, Map<String, String> details,
                        Map<String, String> headers, Throwable cause) {
        super(message, cause, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.resource = resource;
        this.details = details;
        this.headers = headers;
    }

    public static S3Exception of(S3Error error) {
        return new S3Exception(error, error.message(), null, Map.of(), Map.of(), null);
    }

    public static S3Exception of(S3Error error, String message) {
        return new S3Exception(error, message, null, Map.of(), Map.of(), null);
    }

    public static S3Exception of(S3Error error, String message, Throwable cause) {
        return new S3Exception(error, message, null, Map.of(), Map.of(), cause);
    }

    public S3Exception withResource(String newResource) {
        return new S3Exception(error, getMessage(), newResource, details, headers, getCause());
    }

    /** Adds an extra element to the XML error body, in insertion order. */
    public S3Exception withDetail(String name, String value) {
        Map<String, String> d = new LinkedHashMap<>(details);
        d.put(name, value);
        return new S3Exception(error, getMessage(), resource, Collections.unmodifiableMap(d), headers, getCause());
    }

    public S3Exception withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new S3Exception(error, getMessage(), resource, details, Collections.unmodifiableMap(h), getCause());
    }

    public S3Error error() {
        return error;
    }

    public String resource() {
        return resource;
    }

    public Map<String, String> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
