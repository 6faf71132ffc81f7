package dev.pmp.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pmp.app.DatasetHealth;
import dev.pmp.app.Pmp;
import dev.pmp.app.Times;
import dev.pmp.engine.catalog.Catalog;
import dev.pmp.engine.http.HttpStats;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.engine.schedule.Scheduler;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard: static pages, the JSON API, {@code /metrics} and {@code /health}, on the JDK's HTTP server.
 *
 * <p>Threading: the store is single-threaded and owned by the scheduler's thread. The server's own threads
 * never touch it; every store read is a task given to {@link Scheduler#submit}, so reads run between passes,
 * never during one, and a request waits at most {@link #READ_TIMEOUT} for a running pass to end (then 503).
 *
 * <p>Reads are open to anyone who can reach the address; actions (fill, pause, resume) need
 * {@code Authorization: Bearer <PMP_HTTP_TOKEN>}. Nothing here runs SQL from a request.
 */
public final class Dashboard implements AutoCloseable {
    /** How long a request waits for the scheduler thread (a pass may be running). */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    /** How long a fill waits for its pass before answering 202 (queued) instead of the report. */
    static final Duration FILL_WAIT = Duration.ofSeconds(30);
    private static final String RESOURCES = "/dev/pmp/app/web/";
    private static final Pattern STATIC = Pattern.compile("/(app\\.js|app\\.css|vendor/[A-Za-z0-9._-]+)");
    private static final Pattern DATASET = Pattern.compile("/api/datasets/([a-z0-9_.]+)(/rows|/fill|/pause|/resume)?");
    /** The parameters of {@code /rows} that are not key columns. */
    private static final Set<String> ROWS_PARAMETERS = Set.of("from", "to", "column");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "LICENSE", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Scheduler scheduler;
    private final ApiDocuments documents;
    private final FetchMetrics metrics;
    private final Function<String, HttpStats> httpStats;
    private final Clock clock;
    private final Optional<byte[]> token;
    private final Pmp pmp;

    private Dashboard(HttpServer server, ExecutorService threads, Scheduler scheduler, ApiDocuments documents,
            FetchMetrics metrics, Function<String, HttpStats> httpStats, Clock clock, Optional<String> token, Pmp pmp) {
        this.server = server;
        this.threads = threads;
        this.scheduler = scheduler;
        this.documents = documents;
        this.metrics = metrics;
        this.httpStats = httpStats;
        this.clock = clock;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.pmp = pmp;
    }

    /**
     * Starts serving.
     *
     * @param datasets every dataset of the catalog, enabled or not (as {@link Pmp#configured()} gave them)
     * @param metrics the counters the pipeline feeds
     * @throws IOException when the address cannot be bound
     * @throws IllegalArgumentException when {@code web} is off
     */
    public static Dashboard start(WebSettings web, Pmp pmp, Map<String, Catalog.Configured> datasets, Scheduler scheduler,
            FetchMetrics metrics) throws IOException {
        InetSocketAddress address = web.address().orElseThrow(() -> new IllegalArgumentException("the dashboard is off"));
        HttpServer server = HttpServer.create(address, 32);
        ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "pmp-web");
            t.setDaemon(true);
            return t;
        });
        ApiDocuments.DatasetState state = new ApiDocuments.DatasetState() {
            @Override
            public boolean paused(String datasetId) {
                return scheduler.paused().contains(datasetId);
            }

            @Override
            public Optional<Instant> nextRun(String datasetId) {
                return Optional.ofNullable(scheduler.nextRuns().get(datasetId));
            }
        };
        Dashboard d = new Dashboard(server, threads, scheduler,
                new ApiDocuments(datasets, pmp.store(), pmp.clock(), state), metrics, pmp::httpStats, pmp.clock(), web.token(),
                pmp);
        server.createContext("/", d::handle);
        server.setExecutor(threads);
        server.start();
        return d;
    }

    /** Where the dashboard is served, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    /** Stops answering; requests in flight get up to a second. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            route(ex);
        }
    }

    /** Answers one request; the caller closes the exchange (after the error answers below are sent). */
    private void route(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            Matcher m = DATASET.matcher(path);
            if (m.matches() && m.group(2) != null && !m.group(2).equals("/rows")) {
                action(ex, method, m.group(1), m.group(2).substring(1));
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "application/json", error("use GET"));
                return;
            }
            if (path.equals("/") || path.equals("/index.html")) {
                resource(ex, "index.html");
            } else if (STATIC.matcher(path).matches()) {
                resource(ex, path.substring(1));
            } else if (path.equals("/api/datasets")) {
                json(ex, documents::overview);
            } else if (m.matches() && m.group(2) == null) {
                String id = m.group(1);
                json(ex, () -> documents.detail(id));
            } else if (m.matches()) {
                String id = m.group(1);
                Dataset d = documents.configured(id).dataset();
                Instant to = query.containsKey("to") ? time(query.get("to"), d)
                        : ApiDocuments.recentWindow(d, clock.instant()).end();
                Instant from = query.containsKey("from") ? time(query.get("from"), d) : to.minus(ApiDocuments.RECENT);
                if (!from.isBefore(to)) {
                    throw new ApiDocuments.BadRequest("from must be before to");
                }
                // Every other parameter names a key column's value (checked against the dataset in rows).
                Map<String, String> keys = new HashMap<>(query);
                keys.keySet().removeAll(ROWS_PARAMETERS);
                json(ex, () -> documents.rows(id, new Window(from, to), query.get("column"), keys));
            } else if (path.equals("/api/gaps")) {
                json(ex, () -> documents.gaps(query.get("dataset")));
            } else if (path.equals("/api/fetches")) {
                int limit = limit(query.get("limit"));
                json(ex, () -> documents.fetches(query.get("dataset"), limit));
            } else if (path.equals("/api/leaderboard")) {
                leaderboard(ex, query);
            } else if (path.equals("/metrics")) {
                send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", onScheduler(this::exposition));
            } else if (path.equals("/health")) {
                health(ex);
            } else {
                send(ex, 404, "application/json", error("no such page: " + path));
            }
        } catch (ApiDocuments.NotFound e) {
            send(ex, 404, "application/json", error(e.getMessage()));
        } catch (ApiDocuments.BadRequest | IllegalArgumentException e) {
            send(ex, 400, "application/json", error(e.getMessage()));
        } catch (Unavailable e) {
            send(ex, 503, "application/json", error(e.getMessage()));
        } catch (RuntimeException e) {
            send(ex, 500, "application/json", error("internal error: " + e));
        }
    }

    private void action(HttpExchange ex, String method, String id, String action) throws IOException {
        if (!method.equals("POST")) {
            send(ex, 405, "application/json", error("use POST"));
            return;
        }
        if (!authorized(ex)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            send(ex, 401, "application/json", error(token.isEmpty()
                    ? "actions are off: start pmp with PMP_HTTP_TOKEN set to enable them"
                    : "actions need Authorization: Bearer <PMP_HTTP_TOKEN>"));
            return;
        }
        Catalog.Configured c = documents.configured(id);
        if (!c.enabled()) {
            send(ex, 409, "application/json", error(id + " is disabled: " + c.disabledReason()));
            return;
        }
        try {
            switch (action) {
                case "fill" -> fill(ex, id);
                case "pause" -> {
                    scheduler.pause(id);
                    send(ex, 200, "application/json", ApiDocuments.write(g -> {
                        g.writeStartObject();
                        g.writeStringField("dataset", id);
                        g.writeBooleanField("paused", true);
                        g.writeEndObject();
                    }));
                }
                case "resume" -> {
                    scheduler.resume(id);
                    send(ex, 200, "application/json", ApiDocuments.write(g -> {
                        g.writeStartObject();
                        g.writeStringField("dataset", id);
                        g.writeBooleanField("paused", false);
                        g.writeEndObject();
                    }));
                }
                default -> send(ex, 404, "application/json", error("no action " + action));
            }
        } catch (RejectedExecutionException e) {
            throw new Unavailable("the scheduler has stopped");
        }
    }

    private void fill(HttpExchange ex, String id) throws IOException {
        Future<RunReport> pass = scheduler.runNow(id);
        RunReport r;
        try {
            r = pass.get(FILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            send(ex, 202, "application/json", ApiDocuments.write(g -> {
                g.writeStartObject();
                g.writeStringField("dataset", id);
                g.writeBooleanField("queued", true);
                g.writeEndObject();
            }));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the pass of " + id + " failed: " + e.getCause(), e.getCause());
        }
        if (r == null) {
            throw new IllegalStateException("the pass of " + id + " ended with an unexpected error; see the log");
        }
        send(ex, 200, "application/json", ApiDocuments.write(g -> {
            g.writeStartObject();
            g.writeStringField("dataset", id);
            g.writeBooleanField("queued", false);
            g.writeStringField("outcome", r.succeeded() ? "ok" : r.failure().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("message", r.message());
            g.writeNumberField("fetches", r.fetches());
            g.writeNumberField("rows_inserted", r.written().inserted());
            g.writeNumberField("rows_updated", r.written().updated());
            g.writeNumberField("rows_unchanged", r.written().unchanged());
            g.writeNumberField("missing_intervals", r.gapPoints(GapKind.MISSING));
            g.writeNumberField("source_gap_intervals", r.gapPoints(GapKind.SOURCE_GAP));
            g.writeEndObject();
        }));
    }

    /** Whether the request carries the token; always false when none is configured. Constant time. */
    private boolean authorized(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (token.isEmpty() || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token.get(), header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }

    private void health(HttpExchange ex) throws IOException {
        boolean alive = scheduler.alive();
        String store;
        try {
            store = alive ? onScheduler(() -> {
                for (Catalog.Configured c : documents.datasets().values()) {
                    documents.view(c.dataset()).summary(c.dataset());
                }
                return "ok";
            }) : "unknown";
        } catch (RuntimeException e) {
            store = "unreachable: " + e.getMessage();
        }
        boolean ok = alive && store.equals("ok");
        String storeState = store;
        Instant lastPass = scheduler.lastPassAt();
        send(ex, ok ? 200 : 503, "application/json", ApiDocuments.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", ok ? "ok" : "unavailable");
            g.writeBooleanField("scheduler_alive", alive);
            g.writeStringField("store", storeState);
            g.writeNumberField("passes", scheduler.passes());
            g.writeStringField("last_pass_at", lastPass == null ? null : Times.format(lastPass));
            g.writeEndObject();
        }));
    }

    /** The Prometheus text exposition; runs on the scheduler thread (lag and gaps read the store). */
    private byte[] exposition() throws Exception {
        Exposition out = new Exposition();
        Map<FetchMetrics.Kind, List<FetchMetrics.Counter>> byKind = new HashMap<>();
        for (FetchMetrics.Counter c : metrics.snapshot()) {
            byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
        }
        out.family("pmp_fetches_total", "counter", "Fetches since start, by dataset and outcome (ok or the failure class).");
        for (FetchMetrics.Counter c : byKind.getOrDefault(FetchMetrics.Kind.FETCHES, List.of())) {
            out.sample("pmp_fetches_total", c.value(), "dataset", c.dataset(), "outcome", c.label());
        }
        out.family("pmp_fetch_duration_seconds", "summary", "Time of fetch, parse and write per fetch.");
        for (FetchMetrics.Counter c : byKind.getOrDefault(FetchMetrics.Kind.DURATION_MICROS, List.of())) {
            out.sample("pmp_fetch_duration_seconds_sum", c.value() / 1e6, "dataset", c.dataset());
            long count = byKind.getOrDefault(FetchMetrics.Kind.FETCHES, List.of()).stream()
                    .filter(f -> f.dataset().equals(c.dataset())).mapToLong(FetchMetrics.Counter::value).sum();
            out.sample("pmp_fetch_duration_seconds_count", count, "dataset", c.dataset());
        }
        out.family("pmp_fetch_bytes_total", "counter", "Raw payload bytes received.");
        for (FetchMetrics.Counter c : byKind.getOrDefault(FetchMetrics.Kind.BYTES, List.of())) {
            out.sample("pmp_fetch_bytes_total", c.value(), "dataset", c.dataset());
        }
        out.family("pmp_rows_written_total", "counter", "Rows written, by what the upsert did (inserted, updated, unchanged).");
        for (FetchMetrics.Counter c : byKind.getOrDefault(FetchMetrics.Kind.ROWS, List.of())) {
            out.sample("pmp_rows_written_total", c.value(), "dataset", c.dataset(), "kind", c.label());
        }
        List<DatasetHealth> health = new ArrayList<>();
        for (Catalog.Configured c : documents.datasets().values()) {
            health.add(documents.health(c));
        }
        out.family("pmp_lag_seconds", "gauge", "How far the newest stored interval trails the newest one that should be published.");
        for (DatasetHealth h : health) {
            out.sample("pmp_lag_seconds", h.lag().toSeconds(), "dataset", h.dataset().id());
        }
        out.family("pmp_open_gap_intervals", "gauge", "Expected intervals with no row, by kind (MISSING: ours to fill; SOURCE_GAP: not published).");
        for (DatasetHealth h : health) {
            for (GapKind kind : GapKind.values()) {
                int n = h.gaps().stream().filter(x -> x.kind() == kind).mapToInt(Gap::points).sum();
                out.sample("pmp_open_gap_intervals", n, "dataset", h.dataset().id(), "kind", kind.name());
            }
        }
        out.family("pmp_dataset_up", "gauge", "1 when the dataset is fresh, 0 when late, failing, empty or disabled.");
        for (DatasetHealth h : health) {
            out.sample("pmp_dataset_up", h.state().equals("fresh") ? 1 : 0, "dataset", h.dataset().id(), "state", h.state());
        }
        TreeSet<String> sources = new TreeSet<>();
        documents.datasets().values().forEach(c -> sources.add(c.dataset().source()));
        out.family("pmp_request_budget_wait_seconds_total", "counter", "Time spent waiting for a source's request budget.");
        for (String s : sources) {
            out.sample("pmp_request_budget_wait_seconds_total", httpStats.apply(s).budgetWaited().toNanos() / 1e9, "source", s);
        }
        out.family("pmp_http_backoff_seconds_total", "counter", "Time spent backing off between attempts.");
        for (String s : sources) {
            out.sample("pmp_http_backoff_seconds_total", httpStats.apply(s).backoffWaited().toNanos() / 1e9, "source", s);
        }
        out.family("pmp_http_attempts_total", "counter", "HTTP requests sent, every attempt counted.");
        for (String s : sources) {
            out.sample("pmp_http_attempts_total", httpStats.apply(s).attempts(), "source", s);
        }
        out.family("pmp_http_retries_total", "counter", "Attempts repeated after a transient failure.");
        for (String s : sources) {
            out.sample("pmp_http_retries_total", httpStats.apply(s).retries(), "source", s);
        }
        out.family("pmp_scheduler_passes_total", "counter", "Passes finished since start.");
        out.sample("pmp_scheduler_passes_total", scheduler.passes());
        out.family("pmp_metrics_read_errors_total", "counter", "Fetch-log reads after a pass that failed (those fetches are not counted).");
        out.sample("pmp_metrics_read_errors_total", metrics.readErrors());
        return out.bytes();
    }

    /** Runs {@code read} on the scheduler thread and waits for it. */
    private <T> T onScheduler(Callable<T> read) {
        Future<T> f;
        try {
            f = scheduler.submit(read);
        } catch (RejectedExecutionException e) {
            throw new Unavailable("the scheduler has stopped");
        }
        try {
            return f.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new Unavailable("a pass is still running after " + READ_TIMEOUT.toSeconds() + " s; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new Unavailable("store: " + cause.getMessage());
        }
    }

    private void json(HttpExchange ex, Callable<byte[]> read) throws IOException {
        send(ex, 200, "application/json", onScheduler(read));
    }

    private void resource(HttpExchange ex, String name) throws IOException {
        try (InputStream in = Dashboard.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                send(ex, 404, "application/json", error("no such file: " + name));
                return;
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), in.readAllBytes());
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        ex.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] error(String message) {
        return ApiDocuments.write(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    private static Instant time(String text, Dataset d) {
        return Times.parse(text, d.marketZone());
    }

    /**
     * {@code /api/leaderboard?year=Y[&month=M][&top=N]}: the ERCOT battery leaderboard of {@code pmp leaderboard
     * --format json}, computed from the store on the control thread (default: this year in Central time, top 20).
     */
    private void leaderboard(HttpExchange ex, Map<String, String> query) throws IOException {
        int year = query.containsKey("year") ? number(query.get("year"), "year", 2010, 2100)
                : clock.instant().atZone(java.time.ZoneId.of("America/Chicago")).getYear();
        Integer month = query.containsKey("month") ? number(query.get("month"), "month", 1, 12) : null;
        int top = query.containsKey("top") ? number(query.get("top"), "top", 1, 1000) : 20;
        byte[] body = onScheduler(() -> dev.pmp.app.BatteryLeaderboard.json(pmp, year, month, top))
                .getBytes(StandardCharsets.UTF_8);
        send(ex, 200, "application/json", body);
    }

    private static int number(String text, String name, int min, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < min || n > max) {
                throw new ApiDocuments.BadRequest(name + " must be " + min + " to " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiDocuments.BadRequest(name + " must be a whole number, not " + text);
        }
    }

    private static int limit(String text) {
        if (text == null) {
            return 50;
        }
        try {
            int n = Integer.parseInt(text);
            if (n < 1 || n > 1000) {
                throw new ApiDocuments.BadRequest("limit must be 1 to 1000, not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiDocuments.BadRequest("limit must be a whole number, not " + text);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!v.isEmpty()) {
                out.put(k, v);
            }
        }
        return out;
    }

    /** The store cannot be read now (the scheduler stopped or is busy): 503. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
