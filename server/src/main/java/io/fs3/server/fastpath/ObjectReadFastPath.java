package io.fs3.server.fastpath;

import io.fs3.server.auth.AuthResult;
import io.fs3.server.http.RequestIds;
import io.fs3.server.op.ObjectHeaders;
import io.fs3.server.op.S3Operation;
import io.fs3.server.ops.OperationNames;
import io.fs3.server.ops.RequestListener;
import io.fs3.server.ops.RequestRecord;
import io.fs3.server.ops.RequestSink;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import io.fs3.storage.OpenObject;
import io.micrometer.core.instrument.Counter;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Instant;

/**
 * Answers a plain, authorised GetObject of a small object or HeadObject straight from Jetty, without the
 * Jersey stack (which costs several times the work of the request itself for a 4 KiB object). It runs the
 * same checks in the same order as the Jersey path (readiness, signature, authorization, the object store)
 * and sends the same headers; at the first check that does not pass, or for anything it does not handle,
 * it hands the untouched request to Jersey, which produces the answer (an S3 error, a range, a large body).
 */
public final class ObjectReadFastPath extends Handler.Wrapper {
    /** Larger bodies stream through Jersey with a fixed buffer; this path reads the whole body at once. */
    static final int MAX_BODY = 64 * 1024;
    private static final String GET_OBJECT = OperationNames.of(S3Operation.GET_OBJECT);
    private static final String HEAD_OBJECT = OperationNames.of(S3Operation.HEAD_OBJECT);

    private final DirectPathServices services;
    private final Counter served;
    private final boolean onIoThread;

    public ObjectReadFastPath(Handler next, DirectPathServices services, boolean onIoThread) {
        super(next);
        this.services = services;
        this.onIoThread = onIoThread;
        this.served = Counter.builder("fs3.requests.direct")
                .description("GetObject/HeadObject requests answered without the Jersey stack")
                .register(services.registry());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        FastPathRequest req = FastPathRequest.of(request, services.isVirtualHost());
        Answer answer = req == null || !services.probe().status().up() ? null : answer(req);
        if (answer == null) {
            return dispatch(request, response, callback);
        }
        RequestContext context = new RequestContext(Instant.now(), start, RequestIds.newId(), req, answer,
                Request.getRemoteAddr(request), request.getHeaders().get(HttpHeader.USER_AGENT));
        services.sinks().forEach(RequestSink::started);
        served.increment();
        response.setStatus(200);
        HttpFields.Mutable h = response.getHeaders();
        ObjectHeaders.write(h::add, answer.metadata(), name -> null, req.signed().header("x-amz-checksum-mode"), true);
        h.put("x-amz-request-id", context.requestId());
        h.put("x-amz-id-2", context.requestId());
        h.put(HttpHeader.CONTENT_LENGTH, answer.metadata().size());
        response.write(true, answer.body(), Callback.from(InvocationType.NON_BLOCKING, () -> {
            finished(context, answer.bodyLength());
            callback.succeeded();
        }, failure -> {
            finished(context, 0);
            callback.failed(failure);
        }));
        return true;
    }

    /**
     * With {@code onIoThread}, requests reach this handler on Jetty's I/O (selector) thread: the direct answer
     * does not block for long on a local filesystem (a signature check and a small read, as nginx does on its
     * event loop), and that saves handing every request to a worker thread (futex wake-ups, epoll changes).
     * Everything else goes to Jersey, whose servlets block, on a worker thread.
     */
    @Override
    public InvocationType getInvocationType() {
        return onIoThread ? InvocationType.NON_BLOCKING : super.getInvocationType();
    }

    /** Runs the next handler (Jersey), on a worker thread when this one runs on the I/O thread. */
    private boolean dispatch(Request request, Response response, Callback callback) throws Exception {
        if (!onIoThread) {
            return super.handle(request, response, callback);
        }
        WorkerDispatch.toWorker(request, response, callback,
                () -> WorkerDispatch.handOn(getHandler(), request, response, callback));
        return true;
    }

    /** The metadata (and, for GET, the body) to answer with, or null when Jersey should answer instead. */
    private Answer answer(FastPathRequest req) {
        try {
            AuthResult auth = services.verifier().verify(req.signed());
            boolean get = "GET".equals(req.signed().method());
            BucketName bucket = BucketName.of(req.bucket());
            ObjectKey key = ObjectKey.of(req.key());
            services.authorizer().check(auth.accessKey(), get ? S3Operation.GET_OBJECT : S3Operation.HEAD_OBJECT, bucket, key);
            if (!get) {
                return new Answer(auth.accessKey(), HEAD_OBJECT, services.objects().head(bucket, key), null);
            }
            try (OpenObject open = services.objects().open(bucket, key)) {
                ObjectMetadata m = open.metadata();
                if (open.channel() == null || m == null || m.size() > MAX_BODY) {
                    return null;
                }
                ByteBuffer body = readFully(open.channel(), (int) m.size());
                return body == null ? null : new Answer(auth.accessKey(), GET_OBJECT, m, body);
            }
        } catch (RuntimeException | IOException e) {
            return null; // denied, missing, unreadable...: Jersey answers (and logs) it the one way it always does
        }
    }

    /** The whole file, or null if it shrank under us (Jersey then reports the truncation). */
    private static ByteBuffer readFully(FileChannel channel, int size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(size);
        while (buf.hasRemaining()) {
            if (channel.read(buf, buf.position()) < 0) {
                return null;
            }
        }
        return buf.flip();
    }

    private void finished(RequestContext c, long bytesOut) {
        RequestRecord record = new RequestRecord(c.time(), c.requestId(), c.answer().accessKey(), c.answer().operation(),
                c.request().signed().method(), c.request().bucket(), c.request().key(), 200, null, 0, bytesOut,
                System.nanoTime() - c.startNanos(), c.clientAddress(), c.userAgent());
        RequestListener.deliver(services.sinks(), record);
    }

    private record Answer(String accessKey, String operation, ObjectMetadata metadata, ByteBuffer body) {
        long bodyLength() {
            return body == null ? 0 : body.limit();
        }
    }

    private record RequestContext(Instant time, long startNanos, String requestId, FastPathRequest request,
                                  Answer answer, String clientAddress, String userAgent) {
    }
}
