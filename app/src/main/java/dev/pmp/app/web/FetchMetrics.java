package dev.pmp.app.web;

import dev.pmp.engine.pipeline.RunListener;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of every fetch since this process started, per dataset: outcome, duration, bytes and rows
 * written. After each pass it reads the pass's new lines from the fetch log, so a fetch that failed
 * before reaching the store is counted as well as one that wrote.
 *
 * <p>{@link #prime} and {@link #finished} run on the thread that owns the store (the scheduler's);
 * {@link #snapshot} may be called from any thread.
 */
public final class FetchMetrics implements RunListener {
    /** More lines than one pass writes, so none is missed between two reads. */
    private static final int LOOK_BACK = 200;
    private final Store store;
    private final Map<String, Dataset> datasets;
    /** Fetch ids already counted, per dataset; the scheduler thread only. */
    private final Map<String, Set<String>> seen = new HashMap<>();
    private final Map<Key, LongAdder> counters = new ConcurrentHashMap<>();
    private final LongAdder readErrors = new LongAdder();

    /**
     * @param datasets the datasets the scheduler runs
     */
    public FetchMetrics(Store store, List<Dataset> datasets) {
        this.store = store;
        Map<String, Dataset> byId = new HashMap<>();
        datasets.forEach(d -> byId.put(d.id(), d));
        this.datasets = Map.copyOf(byId);
    }

    /**
     * Marks the fetch log's existing lines as counted, so counters start at zero. Call once, on the
     * store's thread, before the first pass.
     */
    public void prime() throws StoreException {
        for (Dataset d : datasets.values()) {
            store.prepare(d);
            counters.computeIfAbsent(new Key(d.id(), Kind.FETCHES, "ok"), k -> new LongAdder());
            Set<String> ids = seen.computeIfAbsent(d.id(), k -> new HashSet<>());
            store.view().fetches(d, LOOK_BACK).forEach(f -> ids.add(f.fetchId()));
        }
    }

    @Override
    public void finished(RunReport report) {
        Dataset d = datasets.get(report.datasetId());
        if (d == null) {
            return;
        }
        List<FetchRecord> recent;
        try {
            recent = store.view().fetches(d, LOOK_BACK);
        } catch (StoreException e) {
            // Shown as pmp_metrics_read_errors_total; the pass itself already reported its outcome.
            readErrors.increment();
            return;
        }
        Set<String> ids = seen.computeIfAbsent(d.id(), k -> new HashSet<>());
        Set<String> keep = new HashSet<>();
        for (FetchRecord f : recent) {
            keep.add(f.fetchId());
            if (!ids.contains(f.fetchId())) {
                count(f);
            }
        }
        ids.clear();
        ids.addAll(keep);
    }

    private void count(FetchRecord f) {
        String id = f.datasetId();
        add(new Key(id, Kind.FETCHES, outcome(f)), 1);
        add(new Key(id, Kind.DURATION_MICROS, ""), f.duration().toNanos() / 1000);
        add(new Key(id, Kind.BYTES, ""), f.bytes());
        add(new Key(id, Kind.ROWS, "inserted"), f.rowsInserted());
        add(new Key(id, Kind.ROWS, "updated"), f.rowsUpdated());
        add(new Key(id, Kind.ROWS, "unchanged"), f.rowsUnchanged());
    }

    /** {@code ok}, or the failure class in lower case ({@code transient}, {@code bad_data}, ...). */
    static String outcome(FetchRecord f) {
        return f.succeeded() ? "ok" : f.failure().name().toLowerCase(Locale.ROOT);
    }

    private void add(Key key, long amount) {
        counters.computeIfAbsent(key, k -> new LongAdder()).add(amount);
    }

    /** The counters now, sorted by dataset, kind and label. */
    public List<Counter> snapshot() {
        List<Counter> out = new ArrayList<>();
        counters.forEach((k, v) -> out.add(new Counter(k.dataset, k.kind, k.label, v.sum())));
        out.sort((a, b) -> {
            int c = a.dataset().compareTo(b.dataset());
            c = c != 0 ? c : a.kind().compareTo(b.kind());
            return c != 0 ? c : a.label().compareTo(b.label());
        });
        return out;
    }

    /** Fetch-log reads that failed after a pass (their fetches are not counted). */
    public long readErrors() {
        return readErrors.sum();
    }

    /** What a counter counts. */
    public enum Kind {
        /** Fetches; label: the outcome. */
        FETCHES,
        /** Total fetch time in microseconds (fetch, parse and write); no label. */
        DURATION_MICROS,
        /** Raw payload bytes received; no label. */
        BYTES,
        /** Rows written; label: inserted, updated or unchanged. */
        ROWS
    }

    /**
     * One counter's value.
     *
     * @param label the outcome or the write kind, empty when the kind has none
     */
    public record Counter(String dataset, Kind kind, String label, long value) {
    }

    private record Key(String dataset, Kind kind, String label) {
    }
}
