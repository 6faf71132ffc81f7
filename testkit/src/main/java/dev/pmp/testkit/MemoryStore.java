package dev.pmp.testkit;

import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.DatasetSummary;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Revision;
import dev.pmp.spi.Row;
import dev.pmp.spi.RowSink;
import dev.pmp.spi.Schema;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A hand-written in-memory {@link Store} for engine tests: the same semantics as a real store
 * (upsert by natural key, revisions, merged coverage, fetch log, all-or-nothing batches), kept in
 * plain collections. It passes {@link StoreContract}. Not thread-safe, like every store.
 */
public final class MemoryStore implements Store, StoreView {
    private java.util.List<dev.pmp.spi.StandardMapping> standardMappings = java.util.List.of();
    private final java.util.List<dev.pmp.spi.Event> outbox = new java.util.ArrayList<>();
    private long lastSeq;
    private final java.util.Map<String, Lease> leases = new java.util.HashMap<>();
    private final Map<String, TreeMap<List<Comparable<Object>>, Row>> tables = new HashMap<>();
    private final Map<String, List<Revision>> revisions = new HashMap<>();
    private final Map<String, List<Window>> coverage = new HashMap<>();
    private final List<FetchRecord> fetches = new ArrayList<>();
    private final Set<String> prepared = new HashSet<>();
    private boolean failNextWrite;

    /** Makes the next {@link #write} fail after it has started changing state, to test rollback. */
    public void failNextWrite() {
        failNextWrite = true;
    }

    @Override
    public synchronized boolean acquireLease(String name, String holder, java.time.Duration period) {
        java.time.Instant now = java.time.Instant.now();
        Lease current = leases.get(name);
        if (current == null || current.holder().equals(holder) || current.expires().isBefore(now)) {
            leases.put(name, new Lease(holder, now.plus(period)));
            return true;
        }
        return false;
    }

    @Override
    public synchronized void releaseLeases(String holder) {
        leases.values().removeIf(l -> l.holder().equals(holder));
    }

    @Override
    public synchronized java.util.Optional<String> leaseHolder(String name) {
        Lease l = leases.get(name);
        return l == null || l.expires().isBefore(java.time.Instant.now()) ? java.util.Optional.empty()
                : java.util.Optional.of(l.holder());
    }

    private record Lease(String holder, java.time.Instant expires) {
    }

    @Override
    public synchronized void appendEvents(java.util.List<dev.pmp.spi.Event> events) {
        for (dev.pmp.spi.Event e : events) {
            outbox.add(new dev.pmp.spi.Event(++lastSeq, e.type(), e.datasetId(), e.at(), e.payload()));
        }
    }

    @Override
    public synchronized java.util.List<dev.pmp.spi.Event> pendingEvents(int limit) {
        return java.util.List.copyOf(outbox.subList(0, Math.min(limit, outbox.size())));
    }

    @Override
    public synchronized void markDelivered(long seq) {
        outbox.removeIf(e -> e.seq() <= seq);
    }

    /** Memory has no SQL: there are no views to refresh. The mappings are kept for tests to inspect. */
    @Override
    public void refreshStandardViews(java.util.List<dev.pmp.spi.StandardMapping> mappings) {
        standardMappings = java.util.List.copyOf(mappings);
    }

    /** The mappings of the last {@link #refreshStandardViews} call. */
    public java.util.List<dev.pmp.spi.StandardMapping> standardMappings() {
        return standardMappings;
    }

    @Override
    public void prepare(Dataset dataset) {
        prepared.add(dataset.id());
        tables.computeIfAbsent(dataset.id(), k -> new TreeMap<>(MemoryStore::compareKeys));
    }

    @Override
    public WriteResult write(Batch batch) throws StoreException {
        Dataset d = batch.dataset();
        requirePrepared(d);
        Schema schema = d.schema();
        TreeMap<List<Comparable<Object>>, Row> table = tables.get(d.id());
        Map<List<Comparable<Object>>, Row> staged = new HashMap<>();
        for (Row r : batch.rows()) {
            String problem = schema.problemWith(r);
            if (problem != null) {
                throw new StoreException(d.id() + ": row " + r + " rejected: " + problem);
            }
            if (staged.put(key(schema, r), r) != null) {
                throw new StoreException(d.id() + ": two rows for key " + key(schema, r) + " in one batch");
            }
        }
        if (failNextWrite) {
            failNextWrite = false;
            throw new StoreException("injected failure before commit");
        }
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        List<Revision> revs = revisions.computeIfAbsent(d.id(), k -> new ArrayList<>());
        for (Map.Entry<List<Comparable<Object>>, Row> e : staged.entrySet()) {
            Row old = table.get(e.getKey());
            if (old == null) {
                inserted++;
                table.put(e.getKey(), e.getValue());
            } else if (old.equals(e.getValue())) {
                unchanged++;
            } else {
                updated++;
                revs.add(new Revision(old, batch.ingestedAt(), batch.fetch().fetchId()));
                table.put(e.getKey(), e.getValue());
            }
        }
        List<Window> merged = new ArrayList<>(coverage.getOrDefault(d.id(), List.of()));
        merged.addAll(batch.covered());
        coverage.put(d.id(), Window.merge(merged));
        WriteResult result = new WriteResult(inserted, updated, unchanged);
        fetches.add(batch.fetch().withCounts(result));
        return result;
    }

    @Override
    public void logFailure(FetchRecord failed) {
        fetches.add(failed);
    }

    @Override
    public StoreView view() {
        return this;
    }

    @Override
    public void close() {
        tables.clear();
    }

    @Override
    public List<Window> coverage(Dataset dataset, Window within) {
        List<Window> out = new ArrayList<>();
        for (Window w : coverage.getOrDefault(dataset.id(), List.of())) {
            Window clipped = w.intersection(within);
            if (clipped != null) {
                out.add(clipped);
            }
        }
        return out;
    }

    @Override
    public List<Instant> gridTimes(Dataset dataset, Window within) {
        Set<Instant> seen = new java.util.TreeSet<>();
        for (Row r : table(dataset).values()) {
            Instant t = r.instant(0);
            if (within.contains(t)) {
                seen.add(t);
            }
        }
        return new ArrayList<>(seen);
    }

    @Override
    public void scan(Dataset dataset, Window within, RowSink sink) throws StoreException {
        for (Row r : table(dataset).values()) {
            if (within.contains(r.instant(0))) {
                try {
                    sink.accept(r);
                } catch (Exception e) {
                    throw new StoreException("scan of " + dataset.id() + " stopped: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public DatasetSummary summary(Dataset dataset) {
        TreeMap<List<Comparable<Object>>, Row> t = table(dataset);
        Optional<Instant> first = t.values().stream().map(r -> r.instant(0)).min(Comparator.naturalOrder());
        Optional<Instant> last = t.values().stream().map(r -> r.instant(0)).max(Comparator.naturalOrder());
        List<FetchRecord> mine = fetches(dataset, Integer.MAX_VALUE);
        return new DatasetSummary(t.size(), first, last, mine.stream().findFirst(),
                mine.stream().filter(FetchRecord::succeeded).findFirst());
    }

    @Override
    public List<FetchRecord> fetches(Dataset dataset, int limit) {
        List<FetchRecord> mine = new ArrayList<>();
        for (int i = fetches.size() - 1; i >= 0 && mine.size() < limit; i--) {
            if (fetches.get(i).datasetId().equals(dataset.id())) {
                mine.add(fetches.get(i));
            }
        }
        return mine;
    }

    @Override
    public List<Revision> revisions(Dataset dataset, int limit) {
        List<Revision> all = revisions.getOrDefault(dataset.id(), List.of());
        List<Revision> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(all.get(i));
        }
        return out;
    }

    private TreeMap<List<Comparable<Object>>, Row> table(Dataset dataset) {
        TreeMap<List<Comparable<Object>>, Row> t = tables.get(dataset.id());
        return t == null ? new TreeMap<>(MemoryStore::compareKeys) : t;
    }

    private void requirePrepared(Dataset d) throws StoreException {
        if (!prepared.contains(d.id())) {
            throw new StoreException(d.id() + " was not prepared");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Comparable<Object>> key(Schema schema, Row r) {
        List<Comparable<Object>> k = new ArrayList<>();
        for (String name : schema.naturalKey()) {
            k.add((Comparable<Object>) r.get(schema.indexOf(name)));
        }
        return k;
    }

    private static int compareKeys(List<Comparable<Object>> a, List<Comparable<Object>> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
