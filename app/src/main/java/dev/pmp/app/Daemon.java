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
    private final Leases leases;
    private final IrisListener iris;

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
        Map<String, Feed> feedsById = new java.util.HashMap<>();
        feeds.forEach(f -> feedsById.put(f.dataset().id(), f));
        this.iris = IrisListener.fromSettings(pmp.settings(), scheduler, pipeline, feedsById, pmp.clock(), err).orElse(null);
        this.leases = pmp.settings().postgres() ? new Leases(pmp, err) : null;
        if (leases != null) {
            scheduler.share(leases);
        }
    }

    /**
     * Datasets shared with the other {@code pmp run} processes on the same PostgreSQL store through leases
     * ({@code PMP_LEASE_SECONDS}, default 60): a dataset is collected by the process holding its lease, and a
     * process that dies loses its leases within one lease period, when another takes them over.
     */
    static final class Leases implements Scheduler.Shares {
        private final Pmp pmp;
        private final PrintStream err;
        private final String holder;
        private final Duration period;
        private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Leases(Pmp pmp, PrintStream err) {
            this.pmp = pmp;
            this.err = err;
            this.holder = holderName();
            String v = pmp.settings().value("PMP_LEASE_SECONDS").orElse("60");
            long seconds;
            try {
                seconds = Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 2) {
                throw new ConfigException("PMP_LEASE_SECONDS must be a whole number of at least 2, not " + v);
            }
            this.period = Duration.ofSeconds(seconds);
        }

        static String holderName() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "unknown-host";
            }
            return host + ":" + ProcessHandle.current().pid();
        }

        String holder() {
            return holder;
        }

        @Override
        public boolean mayRun(String datasetId) {
            try {
                boolean mine = pmp.store().acquireLease("dataset:" + datasetId, holder, period);
                if (mine && held.add(datasetId)) {
                    err.println("pmp run: " + datasetId + " is collected here (" + holder + ")");
                } else if (!mine && held.remove(datasetId)) {
                    err.println("pmp run: " + datasetId + " is now collected by another process");
                }
                return mine;
            } catch (StoreException e) {
                err.println("pmp run: cannot take the lease of " + datasetId + ": " + e.getMessage());
                return false;
            }
        }

        @Override
        public void renew() {
            for (String id : List.copyOf(held)) {
                mayRun(id);
            }
        }

        @Override
        public Duration renewEvery() {
            return period.dividedBy(3);
        }

        @Override
        public Duration recheck() {
            return period.dividedBy(2);
        }

        void release() {
            try {
                pmp.store().releaseLeases(holder);
            } catch (StoreException e) {
                err.println("pmp run: leases not released (they lapse in " + period.toSeconds() + " s): " + e.getMessage());
            }
        }
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
        if (iris != null) {
            iris.start();
        }
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
            if (iris != null) {
                iris.close();
            }
            scheduler.close();
            if (leases != null) {
                leases.release();
            }
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
