package dev.pmp.spi;

import java.util.List;

/**
 * Where datasets live. Writes are atomic per call: after a crash the store holds either all of a
 * batch or none of it. One {@code Store} is used by one thread at a time.
 */
public interface Store extends AutoCloseable {

    /**
     * Creates the dataset's table and revision table if missing. Idempotent; called once per dataset
     * before its first write or read in a process.
     */
    void prepare(Dataset dataset) throws StoreException;

    /**
     * Upserts the rows by natural key, keeps the superseded version of every changed row, merges the
     * covered windows into the coverage, and appends the fetch-log line with the row counts, all in one
     * transaction.
     */
    WriteResult write(Batch batch) throws StoreException;

    /**
     * Creates or replaces the views of the {@link StandardTable}s ({@code lmp}, {@code as_prices},
     * {@code load}, {@code fuel_mix}) in the store's default schema, each the union of the given mappings
     * whose dataset tables exist; a table no prepared dataset feeds becomes an empty view of the right
     * shape. Called after datasets are prepared, so a new dataset joins the views.
     */
    void refreshStandardViews(List<StandardMapping> mappings) throws StoreException;

    /** Appends events to the outbox, in one transaction of their own; their {@code seq} is assigned here. */
    void appendEvents(List<Event> events) throws StoreException;

    /** The oldest undelivered events of the outbox, in {@code seq} order, at most {@code limit}. */
    List<Event> pendingEvents(int limit) throws StoreException;

    /** Marks every event up to and including {@code seq} delivered; delivered events are removed. */
    void markDelivered(long seq) throws StoreException;

    /**
     * Takes or renews the lease {@code name} for {@code holder} until {@code period} from the store's own now,
     * so several collector processes sharing the store do each piece of work once. Succeeds when the lease
     * is free, expired, or already {@code holder}'s.
     *
     * @return whether {@code holder} now holds the lease
     */
    boolean acquireLease(String name, String holder, java.time.Duration period) throws StoreException;

    /** Gives up every lease {@code holder} holds (a collector stopping cleanly). */
    void releaseLeases(String holder) throws StoreException;

    /** The holder of lease {@code name}, if it is held and not expired. */
    java.util.Optional<String> leaseHolder(String name) throws StoreException;

    /** Appends the log line of a fetch that failed; changes nothing else. */
    void logFailure(FetchRecord failed) throws StoreException;

    /** Read access to the same store. */
    StoreView view();

    @Override
    void close() throws StoreException;
}
