package io.fs3.server.ops;

import java.time.Instant;

/**
 * What one S3 request did, gathered once it finished: the single input of metrics, the access log and audit
 * events. Nullable: {@code user} (unauthenticated), {@code bucket}, {@code key}, {@code errorCode},
 * {@code clientAddress}, {@code userAgent}. Never holds the query string, so no presigned signature leaks.
 */
public record RequestRecord(Instant time, String requestId, String user, String operation, String method,
                            String bucket, String key, int status, String errorCode, long bytesIn, long bytesOut,
                            long durationNanos, String clientAddress, String userAgent) {
}
