package dev.pmp.bench.ercotapi;

import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Event;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Wall time of one backfill's phases, summed over its requests: the benchmark's transport adds fetch and
 * budget-wait time, and {@link #feed} and {@link #store} wrap the real feed and store to add parse and
 * write time, passing every call through unchanged. One backfill, one thread.
 */
final class Phases {
    long fetchNanos;
    long waitedNanos;
    long parseNanos;
    long writeNanos;
    /** The rows of the last parse or part that had any. */
    List<Row> lastRows = List.of();

    /**
     * {@code feed}, with the time of every {@link Feed#parse}, and of every {@link Feed#parseParts} less the
     * time its parts spent being checked and written, added to {@link #parseNanos}.
     */
    Feed feed(Feed feed) {
        return new Feed() {
            @Override
            public Dataset dataset() {
                return feed.dataset();
            }

            @Override
            public FetchRequest request(Window window) {
                return feed.request(window);
            }

            @Override
            public Parsed parse(Window window, FetchResponse response) throws SourceException {
                long t0 = System.nanoTime();
                try {
                    Parsed parsed = feed.parse(window, response);
                    if (!parsed.rows().isEmpty()) {
                        lastRows = parsed.rows();
                    }
                    return parsed;
                } finally {
                    parseNanos += System.nanoTime() - t0;
                }
            }

            @Override
            public Optional<FetchRequest> parseParts(Window window, FetchResponse response, Parts parts)
                    throws SourceException, StoreException {
                long t0 = System.nanoTime();
                long[] inParts = {0};
                try {
                    return feed.parseParts(window, response, part -> {
                        long p0 = System.nanoTime();
                        try {
                            if (!part.rows().isEmpty()) {
                                lastRows = part.rows();
                            }
                            parts.accept(part);
                        } finally {
                            inParts[0] += System.nanoTime() - p0;
                        }
                    });
                } finally {
                    // The pipeline's checks and writes of each part happen inside; they are not parsing.
                    parseNanos += System.nanoTime() - t0 - inParts[0];
                }
            }

            @Override
            public Optional<Duration> absentAfter() {
                return feed.absentAfter();
            }
        };
    }

    /** {@code store}, with the time of every {@link Store#write} added to {@link #writeNanos}. */
    Store store(Store store) {
        return new Store() {
            @Override
            public void prepare(Dataset dataset) throws StoreException {
                store.prepare(dataset);
            }

            @Override
            public WriteResult write(Batch batch) throws StoreException {
                long t0 = System.nanoTime();
                try {
                    return store.write(batch);
                } finally {
                    writeNanos += System.nanoTime() - t0;
                }
            }

            @Override
            public void refreshStandardViews(List<StandardMapping> mappings) throws StoreException {
                store.refreshStandardViews(mappings);
            }

            @Override
            public void appendEvents(List<Event> events) throws StoreException {
                store.appendEvents(events);
            }

            @Override
            public List<Event> pendingEvents(int limit) throws StoreException {
                return store.pendingEvents(limit);
            }

            @Override
            public void markDelivered(long seq) throws StoreException {
                store.markDelivered(seq);
            }

            @Override
            public boolean acquireLease(String name, String holder, Duration period) throws StoreException {
                return store.acquireLease(name, holder, period);
            }

            @Override
            public void releaseLeases(String holder) throws StoreException {
                store.releaseLeases(holder);
            }

            @Override
            public Optional<String> leaseHolder(String name) throws StoreException {
                return store.leaseHolder(name);
            }

            @Override
            public void logFailure(FetchRecord failed) throws StoreException {
                store.logFailure(failed);
            }

            @Override
            public StoreView view() {
                return store.view();
            }

            @Override
            public void close() throws StoreException {
                store.close();
            }
        };
    }
}
