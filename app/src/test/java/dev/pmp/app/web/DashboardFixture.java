package dev.pmp.app.web;

import dev.pmp.app.AppSettings;
import dev.pmp.app.Pmp;
import dev.pmp.app.RunLog;
import dev.pmp.engine.catalog.Catalog;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.schedule.Scheduler;
import dev.pmp.sim.Simulator;
import dev.pmp.spi.Feed;
import dev.pmp.testkit.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's pieces wired as {@code pmp demo} wires them (store, pipeline with metrics, scheduler,
 * dashboard on a free loopback port), against the simulator on a driven clock.
 */
final class DashboardFixture implements AutoCloseable {
    static final String ESR = "ercot.energy_storage_resources";
    /** 15:31:10 CST: the simulator has published through 15:30. */
    static final Instant NOW = Instant.parse("2026-11-20T21:31:10Z");
    static final String TOKEN = "test-token-0123456789";

    final ManualClock clock = new ManualClock(NOW);
    final Simulator sim;
    final Pmp pmp;
    final Scheduler scheduler;
    final Dashboard dashboard;
    /** How many datasets the scheduler runs (other ERCOT datasets run beside the energy storage one). */
    final int datasets;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Everything but the scheduler's start: call {@link #startScheduler} (after withholding, if a test does). */
    DashboardFixture(Path dir, Optional<String> token) throws Exception {
        sim = Simulator.start(clock, 0);
        Map<String, String> env = new HashMap<>();
        env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
        env.put("PMP_ERCOT_DASHBOARD_URL", sim.baseUri().toString());
        env.put("PMP_DATASETS", "ercot.energy_storage_resources,ercot.system_wide_prices,ercot.system_wide_prices_day_ahead,ercot.fuel_mix");
        env.put("PMP_HTTP_BACKOFF_MS", "20");
        env.put("PMP_HTTP_ATTEMPTS", "2");
        env.put("PMP_HTTP_TIMEOUT", "2");
        pmp = Pmp.open(AppSettings.load(env, Map.of()), clock, "dashboard test");
        Map<String, Catalog.Configured> configured = pmp.configured();
        List<Feed> feeds = configured.values().stream().flatMap(c -> c.feed().stream()).toList();
        datasets = feeds.size();
        FetchMetrics metrics = new FetchMetrics(pmp.store(), feeds.stream().map(Feed::dataset).toList());
        RunLog runLog = new RunLog(new PrintStream(log, true, StandardCharsets.UTF_8), false, clock);
        Pipeline pipeline = pmp.pipeline(r -> {
            runLog.finished(r);
            metrics.finished(r);
        });
        scheduler = new Scheduler(clock, pipeline, feeds, Duration.ofSeconds(30), Throwable::printStackTrace);
        metrics.prime();
        dashboard = Dashboard.start(WebSettings.parse("127.0.0.1:0", token), pmp, configured, scheduler, metrics);
    }

    /** Starts the scheduler and waits for the first pass of every dataset. */
    void startScheduler() throws InterruptedException {
        scheduler.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (scheduler.lastReports().size() < datasets) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no pass within 60 s; log:\n" + log.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
    }

    URI uri(String path) {
        return dashboard.uri().resolve(path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        dashboard.close();
        scheduler.close();
        pmp.close();
        sim.close();
    }
}
