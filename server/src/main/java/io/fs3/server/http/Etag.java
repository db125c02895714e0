package io.fs3.server.http;

/** ETag quoting for headers and XML (S3 always quotes). */
public final class Etag {
    private Etag() {
    }

    public static String quote(String etag) {
        return '"' + etag + '"';
    }

    public static String unquote(String value) {
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
