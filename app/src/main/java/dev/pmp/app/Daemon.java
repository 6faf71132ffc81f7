package dev.pmp.app;

import dev.pmp.app.web.Dashboard;
import dev.pmp.app.web.FetchMetrics;
import dev.pmp.app.web.WebSettings;
import dev.pmp.engine.catalog.Catalog;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.schedule.Scheduler;
import dev.pmp.spi.Feed;
import dev.pmp.spi.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A running {@code pmp run}: the scheduler over every enabled dataset and the dashboard, until
 * {@link #stop()} or SIGTERM.
 */
final class Daemon {
    private final Pmp pmp;
    private final Map<String, Catalog.Configured> configured;
    private final Scheduler scheduler;
    private final FetchMetrics metrics;
    private final WebSettings web;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PrintStream err;
    private Dashboard dashboard;

    Daemon(Pmp pmp, Map<String, Catalog.Configured> configured, List<Feed> feeds, Duration repoll, WebSettings web,
            PrintStream err) {
        this.pmp = pmp;
        this.configured = configured;
        this.web = web;
        this.err = err;
        this.metrics = new FetchMetrics(pmp.store(), feeds.stream().map(Feed::dataset).toList());
        RunLog log = new RunLog(err, pmp.settings().jsonLog(), pmp.clock());
        Pipeline pipeline = pmp.pipeline(report -> {
            log.finished(report);
            metrics.finished(report);
        });
        this.scheduler = new Scheduler(pmp.clock(), pipeline, feeds, repoll,
                e -> {
                    err.println("pmp run: unexpected error in a pass: " + e);
                    e.printStackTrace(err);
                });
    }

    /** Starts scheduling and blocks until stopped; a shutdown hook stops cleanly on SIGTERM or Ctrl-C. */
    int runUntilStopped() throws InterruptedException, StoreException {
        try {
            // Before the scheduler starts, this thread is the store's only user.
            metrics.prime();
            if (web.enabled()) {
                dashboard = Dashboard.start(web, pmp, configured, scheduler, metrics);
                pmp.storeLock().announce("dashboard " + dashboard.uri());
                err.println("pmp run: dashboard at " + dashboard.uri()
                        + (web.token().isPresent() ? " (actions enabled with PMP_HTTP_TOKEN)" : " (read-only: no PMP_HTTP_TOKEN)"));
            }
        } catch (IOException e) {
            stop();
            throw new ConfigException("cannot serve the dashboard on " + web.address().orElseThrow() + ": " + e.getMessage()
                    + " (choose another with --http HOST:PORT, or --http off)");
        } catch (StoreException | RuntimeException e) {
            stop();
            throw e;
        }
        Thread hook = new Thread(this::stop, "pmp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        scheduler.start();
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down through the hook; nothing to remove
        }
        return ExitCodes.OK;
    }

    /** Stops the dashboard, lets a running pass finish, then closes the store and releases its lock. Idempotent. */
    synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            if (dashboard != null) {
                dashboard.close();
            }
            scheduler.close();
            pmp.close();
            err.println("pmp run: stopped cleanly");
        } catch (Exception e) {
            err.println("pmp run: error while stopping: " + e);
        } finally {
            stopped.countDown();
        }
    }

    Scheduler scheduler() {
        return scheduler;
    }
}
