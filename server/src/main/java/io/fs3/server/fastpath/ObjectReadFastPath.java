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
import io.fs3.storage.cache.MemoryFileChannel;
import io.micrometer.core.instrument.Counter;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Instant;

/**
 * Answers a plain, authorised GetObject or HeadObject straight from Jetty, without the
 * Jersey stack (which costs several times the work of the request itself for a 4 KiB object). It runs the
 * same checks in the same order as the Jersey path (readiness, signature, authorization, the object store)
 * and sends the same headers; at the first check that does not pass, or for anything it does not handle,
 * it hands the untouched request to Jersey, which produces the answer (an S3 error, a range, an override).
 * A large body streams from the file through a pooled direct buffer on a worker thread.
 */
public final class ObjectReadFastPath extends Handler.Wrapper {
    /** Bodies up to this size are read whole and sent at once; larger ones are streamed on a worker thread. */
    static final int MAX_BODY = 64 * 1024;
    /** The pooled direct buffer a large body streams through: the file is read into it and the socket written from it. */
    static final int STREAM_BUFFER = 256 * 1024;
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
        if (answer.file() != null) {
            // Reading a large file may wait for the disk and writing it for the client: not on the I/O thread.
            if (!onIoThread) {
                stream(request, response, callback, context);
            } else if (!WorkerDispatch.tryWorker(request, () -> stream(request, response, callback, context))) {
                answer.file().close();
                finished(context, 0);
                Response.writeError(request, response, callback, 503);
            }
            return true;
        }
        writeHeaders(response, context);
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
                return new Answer(auth.accessKey(), HEAD_OBJECT, services.objects().head(bucket, key), null, null);
            }
            OpenObject open = services.objects().open(bucket, key);
            boolean handedOver = false;
            try {
                ObjectMetadata m = open.metadata();
                if (open.channel() == null || m == null) {
                    return null;
                }
                if (m.size() > MAX_BODY) {
                    handedOver = true; // stream() closes it
                    return new Answer(auth.accessKey(), GET_OBJECT, m, null, open);
                }
                ByteBuffer body = open.channel() instanceof MemoryFileChannel kept && kept.size() == m.size()
                        ? kept.contents() // kept bytes go out as they are, not copied first
                        : readFully(open.channel(), (int) m.size());
                return body == null ? null : new Answer(auth.accessKey(), GET_OBJECT, m, body, null);
            } finally {
                if (!handedOver) {
                    open.close();
                }
            }
        } catch (RuntimeException | IOException e) {
            return null; // denied, missing, unreadable...: Jersey answers (and logs) it the one way it always does
        }
    }

    /**
     * Sends a large file through one pooled direct buffer, read at an offset and written with a blocking write:
     * no copy through the heap (Jersey's stream copies every chunk into a heap array and the JDK copies it out
     * again on both sides), constant memory, and a slow client holds only this worker. A file that shrinks
     * meanwhile fails the response, and Jetty ends the connection short of the declared length.
     */
    private void stream(Request request, Response response, Callback callback, RequestContext context) {
        OpenObject open = context.answer().file();
        long size = context.answer().metadata().size();
        long sent = 0;
        RetainableByteBuffer pooled = request.getComponents().getByteBufferPool()
                .acquire((int) Math.min(STREAM_BUFFER, size), true);
        try (open) {
            writeHeaders(response, context);
            ByteBuffer buf = pooled.getByteBuffer();
            FileChannel channel = open.channel();
            while (sent < size) {
                buf.clear().limit((int) Math.min(buf.capacity(), size - sent));
                int n = channel.read(buf, sent);
                if (n < 0) {
                    throw new IOException("object truncated while being read");
                }
                buf.flip();
                sent += n;
                try (Blocker.Callback written = Blocker.callback()) {
                    response.write(sent == size, buf, written);
                    written.block();
                }
            }
        } catch (Throwable failure) {
            pooled.release();
            finished(context, sent);
            callback.failed(failure);
            return;
        }
        pooled.release();
        finished(context, sent);
        callback.succeeded();
    }

    private static void writeHeaders(Response response, RequestContext context) {
        response.setStatus(200);
        HttpFields.Mutable h = response.getHeaders();
        ObjectMetadata m = context.answer().metadata();
        ObjectHeaders.write(h::add, m, name -> null, context.request().signed().header("x-amz-checksum-mode"), true);
        h.put("x-amz-request-id", context.requestId());
        h.put("x-amz-id-2", context.requestId());
        h.put(HttpHeader.CONTENT_LENGTH, m.size());
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

    /** {@code body} for a small GET, {@code file} (still open) for a large one, neither for a HEAD. */
    private record Answer(String accessKey, String operation, ObjectMetadata metadata, ByteBuffer body, OpenObject file) {
        long bodyLength() {
            return body == null ? 0 : body.limit();
        }
    }

    private record RequestContext(Instant time, long startNanos, String requestId, FastPathRequest request,
                                  Answer answer, String clientAddress, String userAgent) {
    }
}
