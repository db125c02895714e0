package io.fs3.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A local audit webhook for tests: records each POSTed batch; can fail the first N posts or hang until released. */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer http;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger failFirst = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    public WebhookReceiver() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(executor);
        http.createContext("/events", this::handle);
        http.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        posts.incrementAndGet();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (hang) {
                release.await(60, TimeUnit.SECONDS);
            }
            if (failFirst.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            JSON.readTree(body).forEach(events::add);
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/events");
    }

    public List<JsonNode> events() {
        return events;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    public int posts() {
        return posts.get();
    }

    /** The next {@code n} posts are answered 503. */
    public void failFirst(int n) {
        failFirst.set(n);
    }

    /** Posts hang until {@link #release()}: a slow webhook. */
    public void hang() {
        hang = true;
    }

    public void release() {
        hang = false;
        release.countDown();
    }

    @Override
    public void close() {
        release();
        http.stop(0);
        executor.shutdownNow();
    }
}
