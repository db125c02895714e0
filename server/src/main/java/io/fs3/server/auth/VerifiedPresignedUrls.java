package io.fs3.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import io.fs3.config.Secret;
import io.fs3.storage.cache.CacheBuilders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Presigned GET and HEAD URLs that verified, so a client fetching the same URL again (a media player's range
 * requests, a page reloading its images, a CDN revalidating) skips parsing, canonicalising and hashing it.
 * Only URLs that sign the Host header alone are kept, keyed by everything their signature then covers: the
 * method, the Host header, the {@code x-amz-content-sha256} header (the payload hash when the query has
 * none), the raw path and the raw query (signature included). A hit still checks the URL's time window, that
 * its access key still has the secret it verified with, and that no unsigned {@code x-amz-*} header came
 * with it. Failures are never kept.
 */
final class VerifiedPresignedUrls {
    static final List<String> HOST_ONLY = List.of("host");
    private static final int MAX_URLS = 4096;

    /** What a hit needs besides the key: the result, and what its time and credential checks compare. */
    record Verified(AuthResult result, Secret secret, Instant requestTime, long expires) {
    }

    private final Cache<String, Verified> urls = CacheBuilders.onCallingThread()
            .maximumSize(MAX_URLS)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    /** The cache key of a GET or HEAD with one Host header; null for any other request (not kept). */
    static String keyOf(SignedRequest request) {
        String method = request.method();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        List<String> hosts = request.headerValues("host");
        if (hosts.size() != 1) {
            return null;
        }
        String contentSha = request.header(SigV4Verifier.X_AMZ_CONTENT_SHA256);
        // '\n' cannot occur in a request line or a header value, so the parts cannot run into each other.
        return method + '\n' + hosts.get(0) + '\n' + (contentSha == null ? "" : contentSha) + '\n'
                + request.rawPath() + '\n' + request.rawQuery();
    }

    Verified get(String key) {
        return key == null ? null : urls.getIfPresent(key);
    }

    /** Keeps a verified URL when its signature covers exactly what the key holds. */
    void put(String key, List<String> signedHeaders, Verified verified) {
        if (key != null && signedHeaders.equals(HOST_ONLY)) {
            urls.put(key, verified);
        }
    }

    long size() {
        urls.cleanUp();
        return urls.estimatedSize();
    }
}
