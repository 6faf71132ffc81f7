package dev.pmp.engine.storage;

import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.DatasetSummary;
import dev.pmp.spi.Event;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.NativeExport;
import dev.pmp.spi.Revision;
import dev.pmp.spi.RowSink;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Store} that many threads may share: every call of the store and of its view holds one fair lock, so
 * the wrapped store (which serves one thread at a time) sees its calls one after the other. The daemon's passes
 * of different sources run on threads of their own and meet only here, for the short store calls between
 * their fetches. Every method, the views' optional ones included, is passed on, so a store's own fast paths
 * (native Parquet export, fingerprints, an indexed {@code ingested}) stay in use.
 */
public final class SerializedStore implements Store {

    private final Store store;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final StoreView view;

    public SerializedStore(Store store) {
        this.store = Objects.requireNonNull(store, "store");
        this.view = new View(store.view());
    }

    /** The wrapped store, for callers that need its concrete type; using it bypasses the lock. */
    public Store unwrap() {
        return store;
    }

    /** A store call that may fail. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws StoreException;
    }

    private <T> T locked(Call<T> call) throws StoreException {
        lock.lock();
        try {
            return call.run();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void prepare(Dataset dataset) throws StoreException {
        locked(() -> {
            store.prepare(dataset);
            return null;
        });
    }

    @Override
    public WriteResult write(Batch batch) throws StoreException {
        return locked(() -> store.write(batch));
    }

    @Override
    public void refreshStandardViews(List<StandardMapping> mappings) throws StoreException {
        locked(() -> {
            store.refreshStandardViews(mappings);
            return null;
        });
    }

    @Override
    public void appendEvents(List<Event> events) throws StoreException {
        locked(() -> {
            store.appendEvents(events);
            return null;
        });
    }

    @Override
    public List<Event> pendingEvents(int limit) throws StoreException {
        return locked(() -> store.pendingEvents(limit));
    }

    @Override
    public void markDelivered(long seq) throws StoreException {
        locked(() -> {
            store.markDelivered(seq);
            return null;
        });
    }

    @Override
    public boolean acquireLease(String name, String holder, Duration period) throws StoreException {
        return locked(() -> store.acquireLease(name, holder, period));
    }

    @Override
    public void releaseLeases(String holder) throws StoreException {
        locked(() -> {
            store.releaseLeases(holder);
            return null;
        });
    }

    @Override
    public Optional<String> leaseHolder(String name) throws StoreException {
        return locked(() -> store.leaseHolder(name));
    }

    @Override
    public void logFailure(FetchRecord failed) throws StoreException {
        locked(() -> {
            store.logFailure(failed);
            return null;
        });
    }

    @Override
    public StoreView view() {
        return view;
    }

    @Override
    public void close() throws StoreException {
        locked(() -> {
            store.close();
            return null;
        });
    }

    @Override
    public String toString() {
        return store.toString();
    }

    private final class View implements StoreView {
        private final StoreView inner;

        View(StoreView inner) {
            this.inner = inner;
        }

        @Override
        public List<Window> coverage(Dataset dataset, Window within) throws StoreException {
            return locked(() -> inner.coverage(dataset, within));
        }

        @Override
        public List<Instant> gridTimes(Dataset dataset, Window within) throws StoreException {
            return locked(() -> inner.gridTimes(dataset, within));
        }

        @Override
        public void scan(Dataset dataset, Window within, RowSink sink) throws StoreException {
            locked(() -> {
                inner.scan(dataset, within, sink);
                return null;
            });
        }

        @Override
        public void scan(Dataset dataset, Window within, dev.pmp.spi.KeyFilter filter, RowSink sink)
                throws StoreException {
            locked(() -> {
                inner.scan(dataset, within, filter, sink);
                return null;
            });
        }

        @Override
        public DatasetSummary summary(Dataset dataset) throws StoreException {
            return locked(() -> inner.summary(dataset));
        }

        @Override
        public List<FetchRecord> fetches(Dataset dataset, int limit) throws StoreException {
            return locked(() -> inner.fetches(dataset, limit));
        }

        @Override
        public List<Revision> revisions(Dataset dataset, int limit) throws StoreException {
            return locked(() -> inner.revisions(dataset, limit));
        }

        @Override
        public boolean ingested(Dataset dataset, String sha256) throws StoreException {
            return locked(() -> inner.ingested(dataset, sha256));
        }

        @Override
        public Optional<Instant> frontier(Dataset dataset, Window within) throws StoreException {
            return locked(() -> inner.frontier(dataset, within));
        }

        @Override
        public Optional<NativeExport> fingerprint(Dataset dataset, Window within) throws StoreException {
            return locked(() -> inner.fingerprint(dataset, within));
        }

        @Override
        public Optional<NativeExport> exportParquet(Dataset dataset, Window within, Path target) throws StoreException {
            return locked(() -> inner.exportParquet(dataset, within, target));
        }
    }
}
