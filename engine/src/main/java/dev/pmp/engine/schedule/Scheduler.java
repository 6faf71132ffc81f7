package dev.pmp.engine.schedule;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Feed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The daemon's heart: runs every feed once at start (catch up), then at each of its marks. All passes
 * run on one thread, so the store sees one writer. {@link #close()} lets a running pass finish.
 */
public final class Scheduler implements AutoCloseable {
    private final Clock clock;
    private final Pipeline pipeline;
    private final List<Feed> feeds;
    private final Duration repoll;
    private final Consumer<Throwable> onError;
    private final ScheduledExecutorService executor;
    private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();
    private final Map<String, RunReport> lastReports = new ConcurrentHashMap<>();
    private volatile long passes;
    private volatile Instant lastPassAt;

    /**
     * @param repoll how soon to look again while a dataset's newest interval is missing
     * @param onError told about an unexpected exception in a pass (the dataset stays scheduled)
     */
    public Scheduler(Clock clock, Pipeline pipeline, List<Feed> feeds, Duration repoll, Consumer<Throwable> onError) {
        this.clock = clock;
        this.pipeline = pipeline;
        this.feeds = List.copyOf(feeds);
        this.repoll = repoll;
        this.onError = onError;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pmp-scheduler");
            t.setDaemon(false);
            return t;
        });
        // On close, passes waiting for their mark are dropped; only a running pass is let finish.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    /** Schedules a first pass of every feed now. */
    public void start() {
        for (Feed feed : feeds) {
            nextRuns.put(feed.dataset().id(), clock.instant());
            executor.execute(() -> pass(feed));
        }
    }

    private void pass(Feed feed) {
        Instant next;
        try {
            RunReport report = pipeline.update(feed);
            lastReports.put(feed.dataset().id(), report);
            next = Marks.nextRun(feed.dataset(), clock.instant(), report, repoll);
        } catch (RuntimeException | Error e) {
            onError.accept(e);
            next = Marks.nextMark(feed.dataset(), clock.instant());
        }
        passes++;
        lastPassAt = clock.instant();
        nextRuns.put(feed.dataset().id(), next);
        long delayMs = Math.max(0, Duration.between(clock.instant(), next).toMillis());
        if (!executor.isShutdown()) {
            executor.schedule(() -> pass(feed), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** When each dataset runs next. */
    public Map<String, Instant> nextRuns() {
        return Map.copyOf(nextRuns);
    }

    /** The latest report of each dataset that has run. */
    public Map<String, RunReport> lastReports() {
        return Map.copyOf(lastReports);
    }

    /** Passes finished since start. */
    public long passes() {
        return passes;
    }

    /** When the last pass finished, null before the first. */
    public Instant lastPassAt() {
        return lastPassAt;
    }

    public boolean alive() {
        return !executor.isShutdown();
    }

    /** Stops scheduling, waits up to a minute for a running pass to finish. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
