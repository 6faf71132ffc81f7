package dev.pmp.spi;

import java.time.Instant;
import java.util.List;

/** Reads from a {@link Store}. Each method sees committed data only. */
public interface StoreView {

    /** Covered windows of a dataset clipped to {@code within}, merged where they touch, in time order. */
    List<Window> coverage(Dataset dataset, Window within) throws StoreException;

    /** Distinct grid-column instants stored inside {@code within}, ascending. */
    List<Instant> gridTimes(Dataset dataset, Window within) throws StoreException;

    /** Streams the rows whose grid column lies inside {@code within}, in natural-key order. */
    void scan(Dataset dataset, Window within, RowSink sink) throws StoreException;

    /** Row count, time range and newest fetches of a dataset. */
    DatasetSummary summary(Dataset dataset) throws StoreException;

    /** The newest fetch-log lines of a dataset, newest first. */
    List<FetchRecord> fetches(Dataset dataset, int limit) throws StoreException;

    /** The newest superseded row versions of a dataset, newest first. */
    List<Revision> revisions(Dataset dataset, int limit) throws StoreException;

    /** The grid time of the newest covered instant: end of the last covered window, if any. */
    /**
     * Like {@link #scan(Dataset, Window, RowSink)}, keeping only the rows {@code filter} keeps. The default reads
     * every row of the window and filters them; stores put the filter in their query.
     *
     * @throws IllegalArgumentException if the filter's column is not a VARCHAR column of the dataset
     */
    default void scan(Dataset dataset, Window within, KeyFilter filter, RowSink sink) throws StoreException {
        int c = filter.columnIn(dataset);
        scan(dataset, within, r -> {
            if (filter.matches(r.text(c))) {
                sink.accept(r);
            }
        });
    }

    /**
     * Whether a payload with this sha256 was ingested for the dataset: a successful fetch-log line carries it. The
     * default looks at the newest {@value #INGESTED_LOOKBACK} fetches; stores with an index on the digest may look
     * further.
     */
    default boolean ingested(Dataset dataset, String sha256) throws StoreException {
        for (FetchRecord f : fetches(dataset, INGESTED_LOOKBACK)) {
            if (f.succeeded() && sha256.equals(f.sha256())) {
                return true;
            }
        }
        return false;
    }

    /** How many recent fetches {@link #ingested} looks at by default. */
    int INGESTED_LOOKBACK = 200;

    default java.util.Optional<Instant> frontier(Dataset dataset, Window within) throws StoreException {
        List<Window> c = coverage(dataset, within);
        return c.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(c.get(c.size() - 1).end());
    }

    /**
     * The store's own fingerprint of the rows whose grid column lies inside {@code within}, computed without
     * reading them out; empty when the window has no rows or the store cannot (then callers read the rows).
     */
    default java.util.Optional<NativeExport> fingerprint(Dataset dataset, Window within) throws StoreException {
        return java.util.Optional.empty();
    }

    /**
     * Writes the rows whose grid column lies inside {@code within} to {@code target} as Parquet (zstd), in
     * natural-key order, with the store's own engine; empty when there are no rows or the store cannot (then
     * callers read the rows and write the file themselves).
     */
    default java.util.Optional<NativeExport> exportParquet(Dataset dataset, Window within, java.nio.file.Path target)
            throws StoreException {
        return java.util.Optional.empty();
    }
}
