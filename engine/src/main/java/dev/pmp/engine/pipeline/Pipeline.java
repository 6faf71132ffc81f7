package dev.pmp.engine.pipeline;

import dev.pmp.engine.archive.PayloadArchive;
import dev.pmp.engine.archive.DocumentIndex;
import dev.pmp.engine.archive.RawArchive;
import dev.pmp.engine.dedup.PayloadRegistry;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.Grid;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.spi.Access;
import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.NaturalKeys;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One pass over one dataset: plan windows from the ledger's frontier to what should be published by
 * now, then for each window fetch, archive the raw bytes, parse, validate, write (rows, revisions,
 * coverage and fetch log in one transaction) and report. A failed window stops the pass: nothing
 * after it is fetched, so progress never moves past unverified data. Every step is idempotent.
 * Used by one thread at a time (the store is single-threaded).
 */
public final class Pipeline {
    /** How a fetch-log message reporting unknown columns starts; {@code pmp status} looks for it. */
    public static final String SCHEMA_DRIFT = "schema drift: unknown column(s) ";
    /** How a fetch-log message of a payload skipped by the registry starts. */
    public static final String SKIPPED = "identical payload already ingested (";
    private final Store store;
    private final Transport transport;
    private final PayloadArchive archive;
    private final Clock clock;
    private final RunListener listener;
    private final PayloadRegistry registry;

    /**
     * @param archive where raw payloads go; null turns archiving off
     */
    public Pipeline(Store store, Transport transport, PayloadArchive archive, Clock clock, RunListener listener) {
        this(store, transport, archive, clock, listener, null);
    }

    private Pipeline(Store store, Transport transport, PayloadArchive archive, Clock clock, RunListener listener,
            PayloadRegistry registry) {
        this.store = store;
        this.transport = transport;
        this.archive = archive;
        this.clock = clock;
        this.listener = listener;
        this.registry = registry;
    }

    /**
     * The same pipeline, not writing payloads {@code registry} says were already ingested (null: no check, every
     * payload is written). A registered payload is still parsed, and skipped only when the store already covers
     * every window the parse vouches for, so a registry shared by collectors with separate stores loses nothing. A
     * failing registry is reported in the run's notes and the payload is ingested as if new.
     */
    public Pipeline withRegistry(PayloadRegistry registry) {
        return new Pipeline(store, transport, archive, clock, listener, registry);
    }

    /** The newest grid point a dataset should have published by {@code now}, exclusive end of the expected span. */
    public static Instant expectedEnd(Dataset dataset, Instant now) {
        Grid grid = Grid.of(dataset);
        Instant newest = grid.floor(now.minus(dataset.publicationDelay()));
        return dataset.timeShape() == dev.pmp.spi.TimeShape.POINT ? grid.next(newest) : newest;
    }

    /** One incremental (live) pass: from the frontier to what should be published by now. */
    public RunReport update(Feed feed) {
        Dataset dataset = feed.dataset();
        Instant now = clock.instant();
        long t0 = System.nanoTime();
        Instant end = expectedEnd(dataset, now);
        Window lookedAt = lookBack(dataset, end);
        List<Window> plan;
        try {
            store.prepare(dataset);
            plan = plan(dataset, lookedAt, end);
        } catch (StoreException e) {
            return report(dataset, new Totals(), lookedAt, end, Failure.TRANSIENT, "store: " + e.getMessage(), t0);
        }
        return run(feed, plan, lookedAt, end, true, t0);
    }

    /** Fetches exactly the given windows (backfill, gap filling), in order, stopping at the first failure. */
    public RunReport fill(Feed feed, List<Window> windows, boolean live) {
        Dataset dataset = feed.dataset();
        long t0 = System.nanoTime();
        Instant end = expectedEnd(dataset, clock.instant());
        Window span = windows.isEmpty() ? lookBack(dataset, end)
                : new Window(windows.get(0).start(), windows.get(windows.size() - 1).end());
        try {
            store.prepare(dataset);
        } catch (StoreException e) {
            return report(dataset, new Totals(), span, end, Failure.TRANSIENT, "store: " + e.getMessage(), t0);
        }
        return run(feed, windows, span, end, live, t0);
    }

    private RunReport run(Feed feed, List<Window> plan, Window lookedAt, Instant end, boolean live, long t0) {
        Dataset dataset = feed.dataset();
        Totals totals = new Totals();
        java.util.ArrayDeque<Window> remaining = new java.util.ArrayDeque<>(plan);
        while (!remaining.isEmpty()) {
            Window w = remaining.poll();
            Optional<FetchRequest> request = Optional.of(feed.request(w));
            boolean firstRequest = true;
            while (request.isPresent()) {
                Step step = fetchOne(feed, w, request.get(), live, totals);
                if (step.failure != null && step.windowTooLong) {
                    List<Window> halves = halves(dataset, w);
                    if (!halves.isEmpty()) {
                        totals.notes.add(w + " was too long for the source; asking for " + halves.get(0) + " and "
                                + halves.get(1));
                        remaining.addFirst(halves.get(1));
                        remaining.addFirst(halves.get(0));
                        break;
                    }
                }
                // Only a window's own request speaks for all of it; a later page names only part of the window.
                if (step.failure == Failure.NOT_PUBLISHED && firstRequest && neverComing(feed, w)) {
                    String reason = "still not published " + feed.absentAfter().orElseThrow() + " after it was due ("
                            + step.message + ")";
                    try {
                        recordUnavailable(dataset, w, reason, totals);
                    } catch (StoreException e) {
                        return report(dataset, totals, lookedAt, end, Failure.TRANSIENT, "store: " + e.getMessage(), t0);
                    }
                    break;
                }
                if (step.failure != null) {
                    return report(dataset, totals, lookedAt, end, step.failure, step.message, t0);
                }
                request = step.next;
                firstRequest = false;
            }
        }
        return report(dataset, totals, lookedAt, end, null, "", t0);
    }

    /** Whether a window the source says is not published is past the feed's {@link Feed#absentAfter()}. */
    private boolean neverComing(Feed feed, Window w) {
        if (feed.absentAfter().isEmpty()) {
            return false;
        }
        Instant due = w.end().plus(feed.dataset().publicationDelay());
        return due.plus(feed.absentAfter().get()).isBefore(clock.instant());
    }

    /** {@code w} split at the grid point nearest its middle; empty when it holds one interval or less. */
    static List<Window> halves(Dataset dataset, Window w) {
        Grid grid = Grid.of(dataset);
        Instant middle = grid.floor(w.start().plus(w.length().dividedBy(2)));
        if (!middle.isAfter(w.start()) || !middle.isBefore(w.end())) {
            return List.of();
        }
        return List.of(new Window(w.start(), middle), new Window(middle, w.end()));
    }

    /** Windows to fetch for a live pass. */
    private List<Window> plan(Dataset dataset, Window lookedAt, Instant end) throws StoreException {
        if (dataset.access() == Access.SNAPSHOT) {
            return List.of(lookedAt);
        }
        Instant from = store.view().frontier(dataset, lookedAt).orElse(lookedAt.start());
        List<Window> out = new ArrayList<>();
        while (from.isBefore(end)) {
            Instant to = from.plus(dataset.maxWindow());
            if (to.isAfter(end)) {
                to = end;
            }
            out.add(new Window(from, to));
            from = to;
        }
        return out;
    }

    /** The span a live pass looks at: what the source still keeps, at most a few days back. */
    static Window lookBack(Dataset dataset, Instant end) {
        Duration back = dataset.sourceRetention().orElse(Duration.ofDays(2));
        if (back.compareTo(Duration.ofDays(7)) > 0) {
            back = Duration.ofDays(7);
        }
        Instant start = Grid.of(dataset).floor(end.minus(back));
        return new Window(start, end.isAfter(start) ? end : start.plus(dataset.cadence()));
    }

    private Step fetchOne(Feed feed, Window window, FetchRequest request, boolean live, Totals totals) {
        Dataset dataset = feed.dataset();
        String fetchId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        Transfer transfer;
        try {
            Optional<Transfer> kept = keptDocument(request, totals);
            if (kept.isPresent()) {
                totals.notes.add(request.method() + " " + request.uri() + " answered from the raw archive ("
                        + kept.get().response().fetchedAt() + "): not downloaded again");
                return process(feed, window, request, kept.get(), fetchId, started, totals, true);
            }
            transfer = transport.fetch(dataset.source(), request, live);
        } catch (SourceException e) {
            logFailure(totals, new FetchRecord(fetchId, dataset.id(), window, request.uri().toString(), clock.instant(), 0, 0,
                    null, null, since(started), 0, 0, 0, e.failure(), e.getMessage()));
            return Step.failed(e.failure(), e.getMessage());
        }
        return process(feed, window, request, transfer, fetchId, started, totals, false);
    }

    /** The archived answer of an immutable request, when the archive keeps one. */
    private Optional<Transfer> keptDocument(FetchRequest request, Totals totals) throws SourceException {
        if (!request.immutable() || archive == null) {
            return Optional.empty();
        }
        Optional<PayloadArchive.Document> doc;
        try {
            doc = archive.document(request.documentKey());
        } catch (IOException e) {
            totals.notes.add("could not read " + request.uri() + " from the raw archive (" + e.getMessage()
                    + "); downloading it");
            return Optional.empty();
        }
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        byte[] body;
        try {
            body = dev.pmp.engine.http.Payload.decode(doc.get().raw(), doc.get().gzipEncoded());
        } catch (IOException e) {
            totals.notes.add("the archived copy of " + request.uri() + " is not valid gzip; downloading it");
            return Optional.empty();
        }
        dev.pmp.spi.FetchResponse response = new dev.pmp.spi.FetchResponse(request.uri(), 200, doc.get().contentType(),
                body, doc.get().fetchedAt());
        return Optional.of(new Transfer(response, doc.get().raw(), 0));
    }

    /**
     * Writes a payload that arrived without being fetched (a push message) exactly as a fetched one: the
     * raw bytes archived, parsed by {@code feed}, validated, and written in one store transaction with its
     * coverage and fetch-log line. The caller acknowledges the message only when the report has no failure.
     *
     * @param window the window the payload is read for (what {@link Feed#parse} gets)
     * @param pushed the payload, as a transport would have delivered it
     */
    public RunReport accept(Feed feed, Window window, Transfer pushed) {
        Dataset dataset = feed.dataset();
        long t0 = System.nanoTime();
        Totals totals = new Totals();
        Instant end = expectedEnd(dataset, clock.instant());
        try {
            store.prepare(dataset);
        } catch (StoreException e) {
            return report(dataset, totals, window, end, Failure.TRANSIENT, "store: " + e.getMessage(), t0);
        }
        Step step = process(feed, window, FetchRequest.get(pushed.response().uri()), pushed,
                UUID.randomUUID().toString(), t0, totals, false);
        return report(dataset, totals, window, end, step.failure, step.message, t0);
    }

    /**
     * Records that the source can no longer serve {@code window} (older than its retention): the window is
     * covered with no rows, so the ledger shows its intervals as source gaps, not as our failures, and no
     * pass asks for them again. Nothing is fetched.
     *
     * @param reason why, for the fetch log ("older than OASIS's 39-month retention")
     */
    public RunReport unavailable(Dataset dataset, Window window, String reason) {
        long t0 = System.nanoTime();
        Totals totals = new Totals();
        Instant end = expectedEnd(dataset, clock.instant());
        try {
            store.prepare(dataset);
            recordUnavailable(dataset, window, reason, totals);
        } catch (StoreException e) {
            return report(dataset, totals, window, end, Failure.TRANSIENT, "store: " + e.getMessage(), t0);
        }
        return report(dataset, totals, window, end, null, "", t0);
    }

    private void recordUnavailable(Dataset dataset, Window window, String reason, Totals totals) throws StoreException {
        FetchRecord record = new FetchRecord(UUID.randomUUID().toString(), dataset.id(), window,
                "unavailable:" + dataset.source(), clock.instant(), 0, 0, null, null, Duration.ZERO, 0, 0, 0, null,
                "unavailable at the source: " + reason);
        totals.written = totals.written.plus(store.write(new Batch(dataset, record, List.of(), List.of(window),
                clock.instant())));
        totals.notes.add(window + " marked unavailable at the source: " + reason);
    }

    private Step process(Feed feed, Window window, FetchRequest request, Transfer transfer, String fetchId,
            long started, Totals totals, boolean fromArchive) {
        Dataset dataset = feed.dataset();
        byte[] raw = transfer.raw();
        String sha = RawArchive.sha256(raw);
        Instant fetchedAt = transfer.response().fetchedAt();
        String archived = null;
        if (archive != null) {
            try {
                Map<String, String> metadata = new HashMap<>();
                metadata.put("url", transfer.response().uri().toString());
                metadata.put("status", Integer.toString(transfer.response().status()));
                if (request.immutable() && !fromArchive) {
                    metadata.put(PayloadArchive.DOCUMENT, request.documentKey());
                    metadata.put(DocumentIndex.CONTENT_TYPE, transfer.response().contentType());
                    if (!java.util.Arrays.equals(raw, transfer.response().body())) {
                        metadata.put(DocumentIndex.ENCODING, "gzip");
                    }
                }
                archived = archive.keep(dataset.id(), fetchedAt, raw, sha, extension(request, transfer), metadata);
            } catch (IOException e) {
                String msg = "could not archive the raw payload in " + archive.location() + ": " + e.getMessage();
                logFailure(totals, new FetchRecord(fetchId, dataset.id(), window, transfer.response().uri().toString(), fetchedAt,
                        transfer.response().status(), raw.length, sha, null, since(started), 0, 0, 0, Failure.CONFIG, msg));
                return Step.failed(Failure.CONFIG, msg);
            }
        }
        FetchRecord base = new FetchRecord(fetchId, dataset.id(), window, transfer.response().uri().toString(), fetchedAt,
                transfer.response().status(), raw.length, sha, archived, Duration.ZERO, 0, 0, 0, null, "");
        Optional<FetchRequest> next;
        try (PartWriter parts = new PartWriter(dataset, window, base, started, totals)) {
            try {
                next = feed.parseParts(window, transfer.response(), parts::accept);
                parts.finish();
            } catch (SourceException e) {
                // The parts before the bad one are checked: they are written first, and a failure there came first.
                try {
                    parts.finish();
                } catch (StoreException written) {
                    return storeFailed(base, parts.failedPart(), written, started, totals);
                }
                String msg = labelled(parts.count() + 1, e.getMessage());
                logFailure(totals, failed(base, e.failure(), msg, started));
                return new Step(e.failure(), msg, Optional.empty(), e.isWindowTooLong());
            } catch (StoreException e) {
                return storeFailed(base, parts.failedPart(), e, started, totals);
            }
        }
        totals.fetches++;
        if (registry != null) {
            try {
                registry.register(dataset.id(), sha);
            } catch (IOException e) {
                totals.notes.add("could not register the payload in " + registry.location() + ": " + e.getMessage());
            }
        }
        return new Step(null, "", next);
    }

    /** Logs and reports a failed write of part {@code part} of a document; the parts before it stay written. */
    private Step storeFailed(FetchRecord base, int part, StoreException e, long started, Totals totals) {
        String msg = labelled(part, "store: " + e.getMessage());
        logFailure(totals, failed(base, Failure.TRANSIENT, msg, started));
        return Step.failed(Failure.TRANSIENT, msg);
    }

    /**
     * Checks and writes the parts of one document in order, the write of one part overlapping the reading of
     * the next: a part is checked on the reading thread and held; when the next arrives, the held part goes
     * to a writer thread (started with the second part, so a document of one part is written on the reading
     * thread as before). At most one part is being written, one held and one read, so memory stays bounded,
     * and the writes of one document never run concurrently. The reading thread touches {@link Totals} only
     * after {@link #awaitWriting}.
     */
    private final class PartWriter implements AutoCloseable {
        private final Dataset dataset;
        private final Window window;
        private final FetchRecord base;
        private final long started;
        private final Totals totals;
        private Parsed held;
        private int count;
        private ExecutorService writer;
        private Future<?> writing;
        private int writingPart;
        private int failedPart;

        PartWriter(Dataset dataset, Window window, FetchRecord base, long started, Totals totals) {
            this.dataset = dataset;
            this.window = window;
            this.base = base;
            this.started = started;
            this.totals = totals;
        }

        /** Checks a part, then holds it and hands the one held before it to the writer. */
        void accept(Parsed part) throws SourceException, StoreException {
            validate(dataset, part.rows());
            count++;
            if (held != null) {
                awaitWriting();
                Parsed previous = held;
                int number = count - 1;
                if (writer == null) {
                    writer = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "pmp-write " + dataset.id());
                        t.setDaemon(true);
                        return t;
                    });
                }
                writingPart = number;
                writing = writer.submit(() -> {
                    ingest(dataset, window, base, previous, number, started, totals);
                    return null;
                });
            }
            held = part;
        }

        /** Writes the part still held, after the writes before it; again, nothing is left to write. */
        void finish() throws StoreException {
            awaitWriting();
            if (held != null) {
                Parsed last = held;
                held = null;
                try {
                    ingest(dataset, window, base, last, count, started, totals);
                } catch (StoreException e) {
                    failedPart = count;
                    throw e;
                }
            }
        }

        /** Waits for the write in flight, if any. */
        void awaitWriting() throws StoreException {
            if (writing == null) {
                return;
            }
            Future<?> w = writing;
            writing = null;
            try {
                w.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failedPart = writingPart;
                throw new StoreException("interrupted while part " + writingPart + " was written", e);
            } catch (ExecutionException e) {
                failedPart = writingPart;
                if (e.getCause() instanceof StoreException se) {
                    throw se;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new StoreException("part " + writingPart + ": " + e.getCause(), e.getCause());
            }
        }

        /** Parts accepted so far. */
        int count() {
            return count;
        }

        /** The part whose write failed. */
        int failedPart() {
            return failedPart == 0 ? Math.max(1, count) : failedPart;
        }

        /** Waits for a write still in flight (after an unexpected failure) and stops the writer thread. */
        @Override
        public void close() {
            try {
                awaitWriting();
            } catch (StoreException | RuntimeException e) {
                // Already failing: the first failure is the one reported.
            } finally {
                if (writer != null) {
                    writer.shutdown();
                }
            }
        }
    }

    /**
     * A message about part {@code part} of a document: as it is for the first part, so a document of one part
     * reads as before; "part n" before it for the others.
     */
    private static String labelled(int part, String message) {
        return part <= 1 ? message : message.isEmpty() ? "part " + part : "part " + part + ": " + message;
    }

    /**
     * Writes one checked part of a document as its own batch (its own transaction, coverage and fetch-log
     * line), unless the payload registry shows it is already stored.
     *
     * @throws StoreException when the write fails; earlier parts stay written
     */
    private void ingest(Dataset dataset, Window window, FetchRecord base, Parsed parsed, int part, long started,
            Totals totals) throws StoreException {
        Optional<String> seen = alreadyIngested(dataset, parsed, base.sha256(), totals);
        if (seen.isPresent()) {
            FetchRecord skipped = new FetchRecord(base.fetchId(), dataset.id(), window, base.url(), base.fetchedAt(),
                    base.httpStatus(), base.bytes(), base.sha256(), base.archivePath(), since(started), 0, 0, 0, null,
                    labelled(part, seen.get()));
            totals.written = totals.written.plus(store.write(new Batch(dataset, skipped, List.of(), List.of(),
                    clock.instant())));
            totals.notes.add(seen.get());
            return;
        }
        String message = quarantineMessage(parsed.quarantined());
        if (!parsed.unknownColumns().isEmpty()) {
            String drift = SCHEMA_DRIFT + String.join(", ", parsed.unknownColumns()) + " (rows kept without them)";
            message = message.isEmpty() ? drift : message + "; " + drift;
            totals.unknownColumns.addAll(parsed.unknownColumns());
        }
        FetchRecord record = new FetchRecord(base.fetchId(), dataset.id(), window, base.url(), base.fetchedAt(),
                base.httpStatus(), base.bytes(), base.sha256(), base.archivePath(), since(started), 0, 0, 0, null,
                labelled(part, message));
        WriteResult result = store.write(new Batch(dataset, record, parsed.rows(), parsed.covered(), clock.instant()));
        totals.rows += parsed.rows().size();
        totals.written = totals.written.plus(result);
        if (result.inserted() + result.updated() > 0) {
            totals.changed = totals.changed == null ? window : totals.changed.span(window);
        }
        totals.quarantined.addAll(parsed.quarantined());
        totals.notes.addAll(parsed.notes());
    }

    /**
     * Why this payload need not be written: the registry knows it and the store already covers every window it
     * vouches for, so writing it again could change nothing here; empty to write it.
     */
    private Optional<String> alreadyIngested(Dataset dataset, Parsed parsed, String sha, Totals totals) {
        if (registry == null || parsed.covered().isEmpty() || !parsed.quarantined().isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!registry.contains(dataset.id(), sha)) {
                return Optional.empty();
            }
            for (Window w : parsed.covered()) {
                List<Window> covered = store.view().coverage(dataset, w);
                if (covered.size() != 1 || !covered.get(0).contains(w)) {
                    return Optional.empty();
                }
            }
        } catch (IOException | StoreException e) {
            totals.notes.add("could not ask the payload registry " + registry.location() + " (" + e.getMessage()
                    + "); ingesting the payload");
            return Optional.empty();
        }
        return Optional.of(SKIPPED + registry.location() + "); its windows are stored, nothing written");
    }

    /**
     * Checks rows before they are written: each must fit the schema, and a natural key may appear once.
     *
     * @throws SourceException {@link Failure#BAD_DATA} naming the first bad row
     */
    public static void validate(Dataset dataset, List<Row> rows) throws SourceException {
        Schema schema = dataset.schema();
        int[] key = schema.naturalKey().stream().mapToInt(schema::indexOf).toArray();
        NaturalKeys seen = new NaturalKeys(rows, key, schema.indexOf(dataset.timeShape().gridColumn()));
        int repeats = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String problem = schema.problemWith(row);
            if (problem != null) {
                throw new SourceException(Failure.BAD_DATA, dataset.id() + ": row " + i + " " + row + ": " + problem);
            }
            int earlier = seen.addOrFind(i);
            if (earlier >= 0) {
                if (!rows.get(earlier).equals(row)) {
                    throw new SourceException(Failure.BAD_DATA, dataset.id() + ": two different rows for key "
                            + seen.key(row) + ": " + rows.get(earlier) + " and " + row);
                }
                repeats++;
            }
        }
        if (repeats > 0) {
            throw new SourceException(Failure.BAD_DATA, dataset.id() + ": "
                    + repeats + " rows repeat an earlier row; repeats must be merged before writing");
        }
    }

    private RunReport report(Dataset dataset, Totals totals, Window lookedAt, Instant end, Failure failure, String message, long t0) {
        List<Gap> gaps = List.of();
        boolean caughtUp = false;
        try {
            Instant earliest = dataset.earliest().atStartOfDay(dataset.marketZone()).toInstant();
            gaps = new Ledger(store.view()).recentGaps(dataset, lookedAt, earliest);
            Instant newest = Grid.of(dataset).floor(end.minusNanos(1));
            caughtUp = gaps.stream().noneMatch(g -> g.kind() == dev.pmp.engine.ledger.GapKind.MISSING
                    && g.window().contains(newest));
        } catch (StoreException e) {
            if (failure == null) {
                failure = Failure.TRANSIENT;
                message = "store: " + e.getMessage();
            }
        }
        RunReport r = new RunReport(dataset.id(), totals.fetches, totals.rows, totals.written, gaps, caughtUp,
                totals.quarantined, totals.notes, failure, message, Duration.ofNanos(System.nanoTime() - t0),
                totals.changed, List.copyOf(totals.unknownColumns));
        listener.finished(r);
        return r;
    }

    private void logFailure(Totals totals, FetchRecord record) {
        try {
            store.logFailure(record);
        } catch (StoreException e) {
            // The failure itself still reaches the caller through the run report; say that its log line was lost.
            totals.notes.add("could not write the fetch-log line of this failure: " + e.getMessage());
        }
    }

    private static FetchRecord failed(FetchRecord base, Failure failure, String message, long started) {
        return new FetchRecord(base.fetchId(), base.datasetId(), base.window(), base.url(), base.fetchedAt(), base.httpStatus(),
                base.bytes(), base.sha256(), base.archivePath(), since(started), 0, 0, 0, failure, message);
    }

    private static String quarantineMessage(List<Quarantine> quarantined) {
        if (quarantined.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("quarantined: ");
        for (Quarantine q : quarantined) {
            sb.append(q.window()).append(' ').append(q.rows()).append(" rows: ").append(q.reason()).append("; ");
        }
        return sb.substring(0, sb.length() - 2);
    }

    private static String extension(FetchRequest request, Transfer transfer) {
        String path = request.uri().getPath();
        int dot = path.lastIndexOf('.');
        if (dot >= 0 && dot > path.lastIndexOf('/')) {
            return path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        }
        String ct = transfer.response().contentType();
        if (ct.contains("json")) {
            return "json";
        }
        if (ct.contains("csv")) {
            return "csv";
        }
        if (ct.contains("zip")) {
            return "zip";
        }
        return "bin";
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static final class Totals {
        int fetches;
        long rows;
        WriteResult written = WriteResult.NONE;
        Window changed;
        final List<Quarantine> quarantined = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final java.util.Set<String> unknownColumns = new java.util.LinkedHashSet<>();
    }

    private record Step(Failure failure, String message, Optional<FetchRequest> next, boolean windowTooLong) {
        Step(Failure failure, String message, Optional<FetchRequest> next) {
            this(failure, message, next, false);
        }

        static Step failed(Failure failure, String message) {
            return new Step(failure, message, Optional.empty(), false);
        }
    }
}
