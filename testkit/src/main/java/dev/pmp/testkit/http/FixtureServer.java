package dev.pmp.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP/1.1 server on {@code 127.0.0.1} and a free port that answers from a script.
 *
 * <p>Each path (the part before {@code ?}) has a queue of {@link Reply replies}, served one per
 * request in order; when the queue is empty the path's default reply is served, and without one
 * {@code 404}. Every request is recorded. Requests are served concurrently, so a delayed reply
 * does not hold up the others. Thread-safe; scripts may change while requests are in flight.
 *
 * <pre>{@code
 * try (FixtureServer server = FixtureServer.start()) {
 *     server.enqueue("/feed.json", Reply.status(503), Reply.json("{}"));
 *     URI uri = server.uri("/feed.json");
 * }
 * }</pre>
 */
public final class FixtureServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Queue<Reply>> queues = new HashMap<>();
    private final Map<String, Reply> defaults = new HashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private FixtureServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on {@code 127.0.0.1} and a port chosen by the system. */
    public static FixtureServer start() {
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fixture-server");
                thread.setDaemon(true);
                return thread;
            });
            FixtureServer fixture = new FixtureServer(server, executor);
            server.createContext("/", fixture::serve);
            server.setExecutor(executor);
            server.start();
            return fixture;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fixture server", e);
        }
    }

    /** Appends replies to the path's queue; {@code path} may carry a query, which is ignored. */
    public synchronized FixtureServer enqueue(String path, Reply... replies) {
        Queue<Reply> queue = queues.computeIfAbsent(pathOf(path), key -> new ArrayDeque<>());
        for (Reply reply : replies) {
            queue.add(Objects.requireNonNull(reply, "reply"));
        }
        return this;
    }

    /** Sets the reply served for the path whenever its queue is empty. */
    public synchronized FixtureServer otherwise(String path, Reply reply) {
        defaults.put(pathOf(path), Objects.requireNonNull(reply, "reply"));
        return this;
    }

    /** The absolute URI of {@code pathAndQuery} (which starts with {@code /}) on this server. */
    public URI uri(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + pathAndQuery);
        }
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request received so far, in order of arrival. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests received so far for one path (without query), in order of arrival. */
    public List<RecordedRequest> requests(String path) {
        String wanted = pathOf(path);
        return requests.stream().filter(request -> request.path().equals(wanted)).toList();
    }

    /** Stops at once; delayed replies still pending are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
                }
            });
            byte[] sent = exchange.getRequestBody().readAllBytes();
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path,
                    Objects.requireNonNullElse(uri.getRawQuery(), ""), headers, Instant.now(), sent));
            Reply reply = next(path);
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    // The server is closing: leave without answering.
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = reply.body();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private synchronized Reply next(String path) {
        Queue<Reply> queue = queues.get(path);
        if (queue != null && !queue.isEmpty()) {
            return queue.remove();
        }
        return defaults.getOrDefault(path, Reply.status(404));
    }

    private static String pathOf(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }
}
