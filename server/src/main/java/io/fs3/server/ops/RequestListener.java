package io.fs3.server.ops;

import io.fs3.s3.S3Exception;
import io.fs3.server.auth.SigV4AuthFilter;
import io.fs3.server.auth.UriEncoding;
import io.fs3.server.http.RequestIds;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows every S3 request through Jersey and, once its response is written (Jersey's FINISHED event, which
 * also fires for failures), hands one {@link RequestRecord} to each sink. Requests to {@code /_fs3/} are not
 * S3 traffic and are not recorded. A failing sink is logged and never fails the request.
 */
public final class RequestListener implements ApplicationEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(RequestListener.class);
    private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,64})</Code>");
    private final List<RequestSink> sinks;

    public RequestListener(List<RequestSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // application lifecycle: nothing to record
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        if (Reserved.isReserved(start.getContainerRequest())) {
            return null;
        }
        for (RequestSink sink : sinks) {
            sink.started();
        }
        return new Tracker(Instant.now(), System.nanoTime());
    }

    private final class Tracker implements RequestEventListener {
        private final Instant time;
        private final long startNanos;
        private Throwable failure;

        Tracker(Instant time, long startNanos) {
            this.time = time;
            this.startNanos = startNanos;
        }

        @Override
        public void onEvent(RequestEvent event) {
            if (event.getType() == RequestEvent.Type.ON_EXCEPTION && failure == null) {
                failure = event.getException();
            } else if (event.getType() == RequestEvent.Type.FINISHED) {
                deliver(sinks, record(event, time, System.nanoTime() - startNanos, failure));
            }
        }
    }

    /** Hands a finished request to every sink; a failing sink is logged and never fails the request. */
    public static void deliver(List<RequestSink> sinks, RequestRecord record) {
        for (RequestSink sink : sinks) {
            try {
                sink.finished(record);
            } catch (RuntimeException e) {
                LOG.warn("request_id={} sink={} failed: {}", record.requestId(), sink.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    static RequestRecord record(RequestEvent event, Instant time, long durationNanos, Throwable failure) {
        ContainerRequest req = event.getContainerRequest();
        ContainerResponse resp = event.getContainerResponse();
        int status = resp == null ? 500 : resp.getStatus();
        String[] bucketAndKey = bucketAndKey(req.getRequestUri().getRawPath());
        return new RequestRecord(time, RequestIds.of(req), (String) req.getProperty(SigV4AuthFilter.ACCESS_KEY_PROPERTY),
                OperationNames.of(req), req.getMethod(), bucketAndKey[0], bucketAndKey[1], status,
                errorCode(failure, resp, status),
                req.getProperty(RequestMetering.BODY_PROPERTY) instanceof MeteredInputStream in ? in.count() : 0,
                req.getProperty(RequestMetering.RESPONSE_PROPERTY) instanceof CountingOutputStream out ? out.count() : 0,
                durationNanos, (String) req.getProperty(RequestMetering.CLIENT_PROPERTY), req.getHeaderString("User-Agent"));
    }

    /** The S3 error code: from the exception if it was an S3 one, else from the error document sent. */
    static String errorCode(Throwable failure, ContainerResponse resp, int status) {
        if (failure instanceof S3Exception s3) {
            return s3.error().code();
        }
        if (status >= 300 && resp != null && resp.getEntity() instanceof byte[] body) {
            Matcher m = CODE.matcher(new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
        }
        return status >= 500 ? "InternalError" : null;
    }

    /** Bucket and key decoded from the raw path, as {@code S3Request} does; null where absent. */
    static String[] bucketAndKey(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String key = slash < 0 || slash == path.length() - 1 ? null : path.substring(slash + 1);
        return new String[] {bucket.isEmpty() ? null : decode(bucket), key == null ? null : decode(key)};
    }

    private static String decode(String raw) {
        try {
            return UriEncoding.decodePath(raw);
        } catch (RuntimeException e) {
            return raw;
        }
    }
}
