package io.fs3.server.ops;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Closes a connection whose request header block has been arriving for longer than the header timeout.
 * A slow-loris client sends a header byte now and then, each of which resets Jetty's idle timeout, and so
 * holds its connection (and one of {@code fs3.http.max-connections}) for as long as it likes; Jetty 12 has no
 * limit on the time a request head may take. A sweep every quarter of the timeout looks at each HTTP/1
 * connection's parser: one seen part-way through a request head, and still in the head of that same request
 * more than the timeout later, is closed. A connection waiting for its next request (nothing read yet) or
 * reading a request body is the idle timeout's business, so a long upload is never cut by this.
 */
public final class HeaderTimeout extends AbstractLifeCycle implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeout.class);
    /** When a connection was first seen in a request head, and how many requests it had completed then. */
    private record InHead(long sinceNanos, long requests) {
    }

    private static final InHead NOT_IN_HEAD = new InHead(0, -1);

    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final Counter closed;
    private final Map<HttpConnection, InHead> connections = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    public HeaderTimeout(Duration timeout, LongSupplier nanoClock, MeterRegistry registry) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoClock = nanoClock;
        this.closed = Counter.builder("fs3.http.header.timeouts")
                .description("Connections closed because a request head took longer than fs3.http.header-timeout")
                .register(registry);
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            connections.put(http, NOT_IN_HEAD);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        connections.remove(connection);
    }

    /** One look at every connection; closes those whose head has taken too long. Runs on the sweeper thread. */
    void sweep() {
        long now = nanoClock.getAsLong();
        connections.replaceAll((connection, was) -> {
            if (!inRequestHead(connection.getParser())) {
                return NOT_IN_HEAD;
            }
            long requests = connection.getMessagesIn();
            if (was == NOT_IN_HEAD || was.requests() != requests) {
                return new InHead(now, requests);
            }
            if (now - was.sinceNanos() > timeoutNanos) {
                closed.increment();
                LOG.info("event=header-timeout remote={} closed: request head still arriving after {} ms",
                        connection.getEndPoint().getRemoteSocketAddress(), TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
                connection.getEndPoint().close(new TimeoutException("request head took longer than the header timeout"));
            }
            return was;
        });
    }

    /**
     * Part-way through a request line or header block. The parser belongs to the connection's own thread;
     * read from the sweeper it may be a moment stale, which a later sweep corrects.
     */
    static boolean inRequestHead(HttpParser parser) {
        return parser.inHeaderState() && !parser.isStart();
    }

    @Override
    protected void doStart() {
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(25), timeoutNanos / 4);
        sweeper = Executors.newSingleThreadScheduledExecutor(
                new ThreadFactoryBuilder().setNameFormat("fs3-header-timeout").setDaemon(true).build());
        sweeper.scheduleWithFixedDelay(this::sweepLogged, period, period, TimeUnit.NANOSECONDS);
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("event=header-timeout-sweep-failed error={}", e.toString());
        }
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
        connections.clear();
    }
}
