package io.fs3.server.fastpath;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Invocable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A request body of known, small length read into memory: without waiting (safe on an I/O thread), what has
 * arrived and then the rest as it arrives; or, blocking, the rest on a worker thread. Remembers how reading ended, so that the body can be
 * replayed to Jersey exactly as the client sent it, a failure included.
 */
final class SmallBody {
    private final byte[] body;
    private int read;
    private boolean ended;
    private Throwable failure;

    SmallBody(int length) {
        this.body = new byte[length];
    }

    /** Takes whatever of the body has arrived, never waiting; true when the whole body is here. */
    boolean readArrived(Content.Source source) {
        while (!complete()) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                return false;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    failure = chunk.getFailure();
                    ended = true;
                    return true;
                }
                ByteBuffer data = chunk.getByteBuffer();
                int n = Math.min(data.remaining(), body.length - read);
                data.get(body, read, n);
                read += n;
                ended = chunk.isLast() && read < body.length;
            } finally {
                chunk.release();
            }
        }
        return true;
    }

    /**
     * Reads the body without ever blocking: what has arrived now, the rest as it arrives (Jetty calls back on
     * its I/O thread); then runs {@code whenRead}, which finds the body complete or how reading it ended. A
     * client that stalls holds no thread: the idle timeout ends the wait with a failure.
     */
    void readAll(Content.Source source, Runnable whenRead) {
        if (readArrived(source)) {
            whenRead.run();
        } else {
            source.demand(Invocable.from(Invocable.InvocationType.NON_BLOCKING, () -> readAll(source, whenRead)));
        }
    }

    /** Reads the rest, waiting for the client as needed; true when the whole body was read. */
    boolean readRest(Content.Source source) {
        if (complete()) {
            return whole();
        }
        try (InputStream in = Content.Source.asInputStream(source)) {
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            failure = e; // a stalled or vanished client: Jersey reports it (RequestTimeout, IncompleteBody...)
        }
        ended = true;
        return whole();
    }

    /** The body; only once it was read whole. */
    byte[] bytes() {
        return body;
    }

    /** What was read and how reading ended, as content to hand Jersey. */
    List<Content.Chunk> replay() {
        Content.Chunk end = failure == null ? Content.Chunk.EOF : Content.Chunk.from(failure, true);
        return read > 0 ? List.of(Content.Chunk.from(ByteBuffer.wrap(body, 0, read), false), end) : List.of(end);
    }

    private boolean whole() {
        return failure == null && read == body.length;
    }

    private boolean complete() {
        return ended || read == body.length;
    }
}
