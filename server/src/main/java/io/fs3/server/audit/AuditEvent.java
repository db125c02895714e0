package io.fs3.server.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fs3.server.ops.RequestRecord;

import java.time.format.DateTimeFormatter;

/** The JSON document sent for one S3 request. Holds no secret and no query string. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(String time, String requestId, String user, String operation, String method,
                         String bucket, String key, int status, String errorCode, long bytesIn, long bytesOut,
                         double durationMs, String clientAddress, String userAgent) {

    public static AuditEvent of(RequestRecord r) {
        return new AuditEvent(DateTimeFormatter.ISO_INSTANT.format(r.time()), r.requestId(), r.user(), r.operation(),
                r.method(), r.bucket(), r.key(), r.status(), r.errorCode(), r.bytesIn(), r.bytesOut(),
                Math.round(r.durationNanos() / 1e3) / 1e3, r.clientAddress(), r.userAgent());
    }
}
