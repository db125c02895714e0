package io.fs3.server.fastpath;

import io.fs3.server.auth.AuthResult;
import io.fs3.server.auth.PayloadStreams;
import io.fs3.server.auth.VerifiedPayload;
import io.fs3.server.authz.AclAuthorizer;
import io.fs3.server.http.Etag;
import io.fs3.server.http.RequestIds;
import io.fs3.server.op.ObjectWriteOp;
import io.fs3.server.op.S3Operation;
import io.fs3.server.ops.OperationNames;
import io.fs3.server.ops.RequestListener;
import io.fs3.server.ops.RequestRecord;
import io.fs3.server.ops.RequestSink;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.PutResult;
import io.micrometer.core.instrument.Counter;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ChunksContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

/**
 * Stores a plain, authorised PutObject of a small body straight from Jetty, without the Jersey stack, which
 * for a 4 KiB PUT cost about as much again as the store itself (alternating A/B runs on the benchmark
 * machine: 430-580 against 920-1,670 µs of CPU per PUT). The checks run in the Jersey path's order
 * (readiness, signature, authorization); a request it does not handle (see {@link PlainPut}), one that
 * fails a check, and one whose new object would need an ACL of its own go to Jersey untouched. Once the
 * body is read, anything short of success (a payload hash or Content-MD5 that does not match, a missing
 * bucket, a full disk...) hands Jersey the same request with the body replayed from memory, so every error
 * is still produced and logged by the one place that renders S3 errors; the store writes atomically, so
 * the failed attempt left nothing behind. Where small reads run on the I/O thread and fsync is off
 * ({@code fs3.http.io-thread-writes}), the body is read as it arrives, without a thread waiting for it (also
 * after an {@code Expect: 100-continue}), and stored on the I/O thread: no two thread hand-offs (about a
 * quarter of a small PUT's CPU time). Otherwise a worker thread reads the body and stores it.
 */
public final class ObjectPutFastPath extends Handler.Wrapper {
    /** Bodies up to this size are read into memory; larger ones stream through Jersey. */
    static final int MAX_BODY = 64 * 1024;
    private static final String PUT_OBJECT = OperationNames.of(S3Operation.PUT_OBJECT);

    private final DirectPathServices services;
    private final Counter stored;
    private final Counter storedOnIoThread;
    private final boolean storeOnIoThread;

    /**
     * @param storeOnIoThread whether a PUT is read and stored on the I/O thread it reached this handler on
     *                        (only where nothing blocks for long)
     */
    public ObjectPutFastPath(Handler next, DirectPathServices services, boolean storeOnIoThread) {
        super(next);
        this.services = services;
        this.storeOnIoThread = storeOnIoThread;
        this.stored = Counter.builder("fs3.requests.direct.writes")
                .description("PutObject requests stored without the Jersey stack").register(services.registry());
        this.storedOnIoThread = Counter.builder("fs3.requests.direct.writes.io.thread")
                .description("Of those, PUTs stored on Jetty's I/O thread (fs3.http.io-thread-writes)")
                .register(services.registry());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        PlainPut put = PlainPut.of(request, services.isVirtualHost(), MAX_BODY);
        Accepted accepted = put == null || !services.probe().status().up() ? null : accept(put);
        if (accepted == null) {
            return super.handle(request, response, callback);
        }
        SmallBody body = new SmallBody(accepted.put().length());
        WorkerDispatch.Task onWorker = () -> store(request, response, callback, accepted, body, start, false);
        if (getInvocationType() != InvocationType.NON_BLOCKING) { // already on a worker thread
            WorkerDispatch.runCompleting(request, response, callback, onWorker);
        } else if (storeOnIoThread) { // the body as it arrives, without a thread waiting for it; then the store
            body.readAll(request, () -> WorkerDispatch.runCompleting(request, response, callback,
                    () -> store(request, response, callback, accepted, body, start, true)));
        } else { // reading the rest of the body may wait for the client: not on the I/O thread
            WorkerDispatch.toWorker(request, response, callback, onWorker);
        }
        return true;
    }

    /** Signature, permission and ownership checked from the headers alone; null = for Jersey. */
    private Accepted accept(PlainPut put) {
        try {
            AuthResult auth = services.verifier().verify(put.signed());
            BucketName bucket = BucketName.of(put.bucket());
            ObjectKey key = ObjectKey.of(put.key());
            services.authorizer().check(auth.accessKey(), S3Operation.PUT_OBJECT, bucket, key);
            // An object owned by someone other than the bucket's owner gets an ACL file: Jersey's AclOps writes it.
            AclAuthorizer authorizer = services.authorizer();
            if (!authorizer.newObjectOwner(auth.accessKey(), bucket).equals(authorizer.bucketAcls().get(bucket).owner())) {
                return null;
            }
            return new Accepted(put, auth, bucket, key);
        } catch (RuntimeException e) {
            return null; // denied, unknown bucket...: Jersey answers it the one way it always does
        }
    }

    private void store(Request request, Response response, Callback callback, Accepted a, SmallBody in, long start,
                       boolean onIoThread) {
        PutResult result = in.readRest(request) ? storeOrNull(a, in.bytes()) : null;
        if (result == null) {
            Request replayed = new ReplayedBody(request, in.replay());
            if (onIoThread) { // Jersey's servlets block
                WorkerDispatch.toWorker(replayed, response, callback,
                        () -> WorkerDispatch.handOn(getHandler(), replayed, response, callback));
            } else {
                WorkerDispatch.handOn(getHandler(), replayed, response, callback);
            }
            return;
        }
        byte[] body = in.bytes();
        stored.increment();
        if (onIoThread) {
            storedOnIoThread.increment();
        }
        Instant time = Instant.now();
        String requestId = RequestIds.newId();
        services.sinks().forEach(RequestSink::started);
        response.setStatus(200);
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.ETAG, Etag.quote(result.etag()));
        ObjectWriteOp.checksumHeaders(result.checksums(), h::put);
        h.put("x-amz-request-id", requestId);
        h.put("x-amz-id-2", requestId);
        h.put(HttpHeader.CONTENT_LENGTH, 0);
        RequestRecord record = new RequestRecord(time, requestId, a.auth().accessKey(), PUT_OBJECT, "PUT", a.put().bucket(),
                a.put().key(), 200, null, body.length, 0, System.nanoTime() - start, Request.getRemoteAddr(request),
                request.getHeaders().get(HttpHeader.USER_AGENT));
        response.write(true, null, Callback.from(() -> {
            RequestListener.deliver(services.sinks(), record);
            callback.succeeded();
        }, failure -> {
            RequestListener.deliver(services.sinks(), record);
            callback.failed(failure);
        }));
    }

    /**
     * The stored object, or null if the store refused it (Jersey then reproduces and reports the error). The
     * body is read through the same verifying stream as on Jersey's path: a payload hash or checksum header
     * that does not match throws before anything is published.
     */
    private PutResult storeOrNull(Accepted a, byte[] body) {
        try {
            // decodes aws-chunked framing, checking chunk signatures and trailers, as on Jersey's path
            VerifiedPayload payload = PayloadStreams.wrap(new ByteArrayInputStream(body), a.auth(), a.put().signed());
            if (payload.decodedLength() < 0 || payload.decodedLength() > body.length) {
                return null; // aws-chunked without its decoded length, or one its framing cannot hold: Jersey's error
            }
            return services.objects().put(a.bucket(), a.key(), ObjectWriteOp.putRequest(a.put()::header,
                    a.put().headers(), payload.stream(), payload.decodedLength(), payload::checksums));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private record Accepted(PlainPut put, AuthResult auth, BucketName bucket, ObjectKey key) {
    }

    /** The request with its body, already read, readable once more from memory. */
    static final class ReplayedBody extends Request.Wrapper {
        private final Content.Source body;

        ReplayedBody(Request request, List<Content.Chunk> chunks) {
            super(request);
            this.body = new ChunksContentSource(chunks);
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }
    }
}
