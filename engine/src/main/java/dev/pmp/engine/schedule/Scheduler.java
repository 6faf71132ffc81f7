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
 * The daemon's heart: runs every feed once at start (catch up), then at each of its marks. Each source has a
 * lane, one thread running its datasets' passes one after the other, so a source that paces its requests
 * (NESO's two searches a minute, CAISO's one request per five seconds, ERCOT's 30 a minute) or is slow to answer
 * never delays another source's datasets. Passes of different sources therefore share the store from several
 * threads: give the scheduler a pipeline over a store that allows that ({@code SerializedStore}).
 * {@link #submit} runs other store work (the dashboard's reads) on a control thread of its own.
 * {@link #close()} lets running passes finish.
 */
public final class Scheduler implements AutoCloseable {
    private final Clock clock;
    private final Pipeline pipeline;
    private final Map<String, Feed> feeds;
    private final Duration repoll;
    private final Consumer<Throwable> onError;
    /** Lease renewal and {@link #submit}ted work. */
    private final ScheduledExecutorService executor;
    /** One single-thread executor per source: the passes of its datasets, in turn. */
    private final Map<String, ScheduledExecutorService> lanes;
    private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();
    private final Map<String, RunReport> lastReports = new ConcurrentHashMap<>();
    /** The pending pass of each dataset; read and written on its source's lane only. */
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private volatile Shares shares;
    private final java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();
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
        this.executor = singleThread("pmp-scheduler");
        Map<String, ScheduledExecutorService> bySource = new LinkedHashMap<>();
        for (Feed f : byId.values()) {
            bySource.computeIfAbsent(f.dataset().source(), source -> singleThread("pmp-" + source));
        }
        this.lanes = Collections.unmodifiableMap(bySource);
    }

    private static ScheduledExecutorService singleThread(String name) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(false);
            return t;
        });
        // On close, passes waiting for their mark are dropped; only a running pass is let finish.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    private ScheduledExecutorService lane(Feed feed) {
        return lanes.get(feed.dataset().source());
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
            lane(feed).execute(() -> pass(feed));
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
        return lane(feed).submit(() -> {
            cancelPending(datasetId);
            return pass(feed);
        });
    }

    /** Stops scheduling {@code datasetId}: its pending pass is dropped; a running one finishes. */
    public void pause(String datasetId) {
        Feed feed = feed(datasetId);
        paused.add(datasetId);
        lane(feed).execute(() -> {
            cancelPending(datasetId);
            nextRuns.remove(datasetId);
        });
    }

    /** Schedules {@code datasetId} again, with a pass now; does nothing when it is not paused. */
    public void resume(String datasetId) {
        Feed feed = feed(datasetId);
        if (paused.remove(datasetId)) {
            nextRuns.put(datasetId, clock.instant());
            lane(feed).execute(() -> {
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
     * Runs {@code work} on the control thread, beside the passes: it may use the store only as the passes do,
     * through a store that several threads may share.
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
        ScheduledExecutorService lane = lane(feed);
        if (!mine) {
            next = clock.instant().plus(sharing.recheck());
            nextRuns.put(id, next);
            if (!lane.isShutdown() && !paused.contains(id)) {
                try {
                    pending.put(id, lane.schedule(() -> pass(feed), sharing.recheck().toMillis(), TimeUnit.MILLISECONDS));
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
        passes.incrementAndGet();
        lastPassAt = clock.instant();
        if (paused.contains(id)) {
            nextRuns.remove(id);
        } else {
            nextRuns.put(id, next);
            long delayMs = Math.max(0, Duration.between(clock.instant(), next).toMillis());
            if (!lane.isShutdown()) {
                try {
                    pending.put(id, lane.schedule(() -> pass(feed), delayMs, TimeUnit.MILLISECONDS));
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
        return passes.get();
    }

    /** When the last pass finished, null before the first. */
    public Instant lastPassAt() {
        return lastPassAt;
    }

    public boolean alive() {
        return !executor.isShutdown();
    }

    /** Stops scheduling, waits up to a minute for running passes to finish. */
    @Override
    public void close() {
        List<ScheduledExecutorService> all = new java.util.ArrayList<>(lanes.values());
        all.add(executor);
        all.forEach(ScheduledExecutorService::shutdown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            for (ScheduledExecutorService e : all) {
                long left = deadline - System.nanoTime();
                if (!e.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    e.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            all.forEach(ScheduledExecutorService::shutdownNow);
            Thread.currentThread().interrupt();
        }
    }

}
