package dev.pmp.engine.schedule;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Feed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The daemon's heart: runs every feed once at start (catch up), then at each of its marks. All passes
 * run on one thread, so the store sees one writer; {@link #submit} runs other store work (the
 * dashboard's reads) on that same thread, between passes. {@link #close()} lets a running pass finish.
 */
public final class Scheduler implements AutoCloseable {
    private final Clock clock;
    private final Pipeline pipeline;
    private final Map<String, Feed> feeds;
    private final Duration repoll;
    private final Consumer<Throwable> onError;
    private final ScheduledExecutorService executor;
    private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();
    private final Map<String, RunReport> lastReports = new ConcurrentHashMap<>();
    /** The pending pass of each dataset; read and written on the scheduler thread only. */
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private volatile Shares shares;
    private volatile long passes;
    private volatile Instant lastPassAt;

    /**
     * @param repoll how soon to look again while a dataset's newest interval is missing
     * @param onError told about an unexpected exception in a pass (the dataset stays scheduled)
     */
    public Scheduler(Clock clock, Pipeline pipeline, List<Feed> feeds, Duration repoll, Consumer<Throwable> onError) {
        this.clock = clock;
        this.pipeline = pipeline;
        Map<String, Feed> byId = new LinkedHashMap<>();
        feeds.forEach(f -> byId.put(f.dataset().id(), f));
        this.feeds = Collections.unmodifiableMap(byId);
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

    /**
     * How collectors sharing a store split the datasets: {@link #mayRun} is asked (on the scheduler thread)
     * before each pass and takes or renews the dataset's lease; {@link #renew} is run every
     * {@link #renewEvery} to keep held leases; a dataset held elsewhere is asked about again after
     * {@link #recheck}, so a lapsed lease is taken over within about a lease period.
     */
    public interface Shares {
        /** Whether this process may run a pass of the dataset now (it holds, or has just taken, its lease). */
        boolean mayRun(String datasetId);

        /** Renews the leases this process holds. */
        void renew();

        /** How often {@link #renew} runs. */
        Duration renewEvery();

        /** How soon a dataset held by another process is asked about again. */
        Duration recheck();
    }

    /** Shares the datasets with other collectors from {@link #start()} on; without it every dataset runs here. */
    public void share(Shares sharing) {
        this.shares = sharing;
    }

    /** Schedules a first pass of every feed now. */
    public void start() {
        for (Feed feed : feeds.values()) {
            nextRuns.put(feed.dataset().id(), clock.instant());
            executor.execute(() -> pass(feed));
        }
        Shares sharing = shares;
        if (sharing != null) {
            long every = sharing.renewEvery().toMillis();
            executor.scheduleWithFixedDelay(() -> {
                try {
                    sharing.renew();
                } catch (RuntimeException e) {
                    onError.accept(e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Queues a pass of {@code datasetId} to run as soon as the running one (if any) ends, then resumes its
     * marks from there. For the dashboard's "fill" action; a paused dataset runs once and stays paused.
     *
     * @return the pass's report; completes exceptionally if the pass threw
     * @throws IllegalArgumentException when the dataset is not scheduled (unknown or disabled)
     * @throws RejectedExecutionException after {@link #close()}
     */
    public Future<RunReport> runNow(String datasetId) {
        Feed feed = feed(datasetId);
        return executor.submit(() -> {
            cancelPending(datasetId);
            return pass(feed);
        });
    }

    /** Stops scheduling {@code datasetId}: its pending pass is dropped; a running one finishes. */
    public void pause(String datasetId) {
        feed(datasetId);
        paused.add(datasetId);
        executor.execute(() -> {
            cancelPending(datasetId);
            nextRuns.remove(datasetId);
        });
    }

    /** Schedules {@code datasetId} again, with a pass now; does nothing when it is not paused. */
    public void resume(String datasetId) {
        Feed feed = feed(datasetId);
        if (paused.remove(datasetId)) {
            nextRuns.put(datasetId, clock.instant());
            executor.execute(() -> {
                cancelPending(datasetId);
                pass(feed);
            });
        }
    }

    /** The datasets paused through {@link #pause}. */
    public Set<String> paused() {
        return Set.copyOf(paused);
    }

    /**
     * Runs {@code work} on the scheduler thread, after the pass in progress and before the next one, so
     * it may use the store that the passes write. Keep it short: passes wait behind it.
     *
     * @throws RejectedExecutionException after {@link #close()}
     */
    public <T> Future<T> submit(Callable<T> work) {
        return executor.submit(work);
    }

    private Feed feed(String datasetId) {
        Feed feed = feeds.get(datasetId);
        if (feed == null) {
            throw new IllegalArgumentException("dataset " + datasetId + " is not scheduled");
        }
        return feed;
    }

    private void cancelPending(String datasetId) {
        ScheduledFuture<?> f = pending.remove(datasetId);
        if (f != null) {
            f.cancel(false);
        }
    }

    private RunReport pass(Feed feed) {
        String id = feed.dataset().id();
        Instant next;
        RunReport report = null;
        Shares sharing = shares;
        boolean mine;
        try {
            mine = sharing == null || sharing.mayRun(id);
        } catch (RuntimeException e) {
            onError.accept(e);
            mine = false;
        }
        if (!mine) {
            next = clock.instant().plus(sharing.recheck());
            nextRuns.put(id, next);
            if (!executor.isShutdown() && !paused.contains(id)) {
                try {
                    pending.put(id, executor.schedule(() -> pass(feed), sharing.recheck().toMillis(), TimeUnit.MILLISECONDS));
                } catch (RejectedExecutionException closing) {
                    // close() won the race: nothing more is scheduled
                }
            }
            return null;
        }
        try {
            report = pipeline.update(feed);
            lastReports.put(id, report);
            next = Marks.nextRun(feed.dataset(), clock.instant(), report, repoll);
        } catch (RuntimeException | Error e) {
            onError.accept(e);
            next = Marks.nextMark(feed.dataset(), clock.instant());
        }
        passes++;
        lastPassAt = clock.instant();
        if (paused.contains(id)) {
            nextRuns.remove(id);
        } else {
            nextRuns.put(id, next);
            long delayMs = Math.max(0, Duration.between(clock.instant(), next).toMillis());
            if (!executor.isShutdown()) {
                try {
                    pending.put(id, executor.schedule(() -> pass(feed), delayMs, TimeUnit.MILLISECONDS));
                } catch (RejectedExecutionException closing) {
                    // close() won the race: nothing more is scheduled
                }
            }
        }
        return report;
    }

    /** When each dataset runs next (paused datasets have none). */
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
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

}
