package io.fs3.webui;

import java.util.Objects;

/**
 * Every URL the bucket browser links to, in one place. Bucket and key are percent-encoded with the server's
 * SigV4 encoder (so spaces, '#', '?', '%', '+' and unicode survive the round trip); query values are encoded
 * with '/' escaped too. Browser pages live beside the S3 API on the same paths, selected by {@code ?browser=true};
 * sign-in, actions and assets live under {@link #BASE}, where no bucket can be.
 */
public final class BrowserUrls {
    public static final String BASE = "/_fs3/webui";
    public static final String BROWSER = "browser";
    public static final String PREFIX = "prefix";
    public static final String FILTER = "filter";
    public static final String TOKEN = "token";
    public static final String PAGE = "page";
    public static final String PAGE_SIZE = "page-size";
    public static final String DOWNLOAD = "download";
    public static final String SHARE = "share";
    public static final String NEXT = "next";

    private final UriEncoder encoder;
    private final Assets assets;

    public BrowserUrls(UriEncoder encoder, Assets assets) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.assets = Objects.requireNonNull(assets, "assets");
    }

    public String buckets() {
        return "/?" + BROWSER + "=true";
    }

    /** The folder view; an empty prefix is the bucket's top level. */
    public String folder(String bucket, String prefix) {
        return bucketPath(bucket) + "?" + BROWSER + "=true" + param(PREFIX, prefix);
    }

    /** A later page of a (possibly filtered) folder view. */
    public String folderPage(String bucket, String prefix, String filter, String token, int page, Integer pageSize) {
        return folder(bucket, prefix) + param(FILTER, filter) + param(TOKEN, token)
                + (page > 1 ? "&" + PAGE + "=" + page : "") + (pageSize == null ? "" : "&" + PAGE_SIZE + "=" + pageSize);
    }

    /** {@code /bucket} without a query: the target of GET forms (which replace the query) and of uploads. */
    public String bucketPath(String bucket) {
        return "/" + encoder.encode(bucket, false);
    }

    /** {@code /bucket/key} without a query. */
    public String objectPath(String bucket, String key) {
        return bucketPath(bucket) + "/" + encoder.encode(key, true);
    }

    public String object(String bucket, String key) {
        return objectPath(bucket, key) + "?" + BROWSER + "=true";
    }

    /** Redirects to a freshly presigned GET (or, for anonymous visitors, the plain object URL). */
    public String download(String bucket, String key) {
        return object(bucket, key) + "&" + DOWNLOAD + "=1";
    }

    public String login(String next) {
        return BASE + "/login" + (next == null ? "" : "?" + NEXT + "=" + encoder.encode(next, false));
    }

    public String logout() {
        return BASE + "/logout";
    }

    public String createFolder() {
        return BASE + "/folder";
    }

    public String delete() {
        return BASE + "/delete";
    }

    /** A static asset with its content hash as version, so it can be cached for a year. */
    public String asset(String name) {
        return BASE + "/static/" + name + "?v=" + assets.version(name);
    }

    private String param(String name, String value) {
        return value == null || value.isEmpty() ? "" : "&" + name + "=" + encoder.encode(value, false);
    }
}
