package io.fs3.server.auth;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pure-data view of an HTTP request, so verification is testable without Jersey.
 *
 * @param method   HTTP method, e.g. {@code PUT}
 * @param rawPath  path exactly as on the request line (still percent-encoded)
 * @param rawQuery query exactly as on the request line, without '?'; null if none
 * @param headers  header values as received; names are case-insensitive (a map that is not already
 *                 a case-insensitive {@link TreeMap} is copied into one)
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {

    public SignedRequest {
        if (headers == null) {
            headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        } else if (!(headers instanceof SortedMap<String, List<String>> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER)) {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new java.util.ArrayList<>())
                    .addAll(values));
            headers = copy;
        }
        if (rawPath == null || rawPath.isEmpty()) {
            rawPath = "/";
        }
    }

    /** First value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a header (empty if absent). */
    public List<String> headerValues(String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }
}
