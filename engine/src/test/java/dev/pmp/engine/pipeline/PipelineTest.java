package dev.pmp.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.TestDatasets;
import dev.pmp.engine.archive.RawArchive;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against an in-memory store, a scripted transport and a feed reading a tiny text format:
 * one sample a line, {@code <epoch seconds> <value>}, or {@code QUARANTINE <from> <to>}.
 */
class PipelineTest {
    private static final Dataset DS = TestDatasets.FIVE_MINUTE;
    private static final Instant NOW = Instant.parse("2025-11-09T21:33:10Z");
    private static final Instant NEWEST = Instant.parse("2025-11-09T21:30:00Z");

    @TempDir
    Path dir;

    private final MemoryStore store = new MemoryStore();
    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<RunReport> reports = new ArrayList<>();
    private ManualClock clock;
    private Pipeline pipeline;

    @BeforeEach
    void setUp() {
        clock = new ManualClock(NOW);
        pipeline = new Pipeline(store, transport, new RawArchive(dir.resolve("raw")), clock, reports::add);
    }

    @Test
    void aPassWritesRowsCoverageAndAFetchLogLineAndArchivesTheRawPayload() throws Exception {
        transport.answer(samples(NEWEST.minus(Duration.ofMinutes(55)), 12, 1.5));

        RunReport r = pipeline.update(new LineFeed());

        assertThat(r.succeeded()).isTrue();
        assertThat(r.written().inserted()).isEqualTo(12);
        assertThat(r.caughtUp()).isTrue();
        assertThat(store.gridTimes(DS, new Window(NEWEST.minus(Duration.ofHours(1)), NOW))).hasSize(12);
        FetchRecord f = store.fetches(DS, 1).get(0);
        assertThat(f.succeeded()).isTrue();
        assertThat(f.rowsInserted()).isEqualTo(12);
        assertThat(f.sha256()).hasSize(64);
        assertThat(Files.exists(dir.resolve("raw").resolve(f.archivePath()))).isTrue();
        assertThat(f.archivePath()).startsWith("test/samples/2025/11/09/");
        assertThat(reports).containsExactly(r);
    }

    @Test
    void theSamePayloadAgainChangesNothing() {
        String body = samples(NEWEST.minus(Duration.ofMinutes(55)), 12, 1.5);
        transport.answer(body);
        transport.answer(body);
        pipeline.update(new LineFeed());
        RunReport second = pipeline.update(new LineFeed());
        assertThat(second.written().inserted()).isZero();
        assertThat(second.written().unchanged()).isEqualTo(12);
        assertThat(store.revisions(DS, 10)).isEmpty();
    }

    @Test
    void aChangedValueIsUpdatedAndTheOldVersionKept() {
        transport.answer(samples(NEWEST, 1, 1.5));
        transport.answer(samples(NEWEST, 1, 2.5));
        pipeline.update(new LineFeed());
        RunReport second = pipeline.update(new LineFeed());
        assertThat(second.written().updated()).isEqualTo(1);
        assertThat(store.revisions(DS, 10)).hasSize(1);
        assertThat(store.revisions(DS, 10).get(0).old().number(1)).isEqualTo(1.5);
    }

    @Test
    void aTransportFailureIsLoggedAndStoresNothing() {
        transport.fail(new SourceException(Failure.TRANSIENT, "HTTP 500 after 4 attempts"));
        RunReport r = pipeline.update(new LineFeed());
        assertThat(r.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(r.message()).contains("HTTP 500");
        assertThat(store.summary(DS).rows()).isZero();
        assertThat(store.coverage(DS, new Window(NOW.minus(Duration.ofDays(3)), NOW))).isEmpty();
        assertThat(store.fetches(DS, 1).get(0).failure()).isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void anUnparseablePayloadIsArchivedReportedAndNotStored() {
        transport.answer("this is not a sample");
        RunReport r = pipeline.update(new LineFeed());
        assertThat(r.failure()).isEqualTo(Failure.BAD_DATA);
        FetchRecord f = store.fetches(DS, 1).get(0);
        assertThat(f.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(f.archivePath()).isNotNull();
        assertThat(Files.exists(dir.resolve("raw").resolve(f.archivePath()))).isTrue();
        assertThat(store.summary(DS).rows()).isZero();
    }

    @Test
    void aRowThatIsNotAFiniteNumberFailsTheWholeBatch() {
        transport.answer(samples(NEWEST.minus(Duration.ofMinutes(5)), 1, 1.0) + NEWEST.getEpochSecond() + " NaN\n");
        RunReport r = pipeline.update(new LineFeed());
        assertThat(r.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(r.message()).contains("not a finite number");
        assertThat(store.summary(DS).rows()).isZero();
    }

    @Test
    void twoDifferentRowsForOneKeyFailTheBatch() {
        transport.answer(samples(NEWEST, 1, 1.0) + samples(NEWEST, 1, 2.0));
        RunReport r = pipeline.update(new LineFeed());
        assertThat(r.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(r.message()).contains("two different rows");
        assertThat(store.summary(DS).rows()).isZero();
    }

    @Test
    void aQuarantinedSpanIsLeftUncoveredAndReported() {
        Instant start = NEWEST.minus(Duration.ofMinutes(55));
        transport.answer(samples(start, 6, 1.0) + "QUARANTINE " + start.plus(Duration.ofMinutes(30)).getEpochSecond()
                + " " + NEWEST.plus(Duration.ofMinutes(5)).getEpochSecond() + "\n");
        RunReport r = pipeline.update(new LineFeed());
        assertThat(r.succeeded()).isTrue();
        assertThat(r.quarantined()).hasSize(1);
        assertThat(store.fetches(DS, 1).get(0).message()).startsWith("quarantined: ");
        assertThat(r.caughtUp()).isFalse();
        assertThat(r.gaps()).anyMatch(g -> g.kind() == GapKind.MISSING && g.window().contains(NEWEST));
    }

    @Test
    void samplesMissingInsideACoveredSpanAreSourceGaps() {
        Instant start = NEWEST.minus(Duration.ofMinutes(55));
        String body = samples(start, 5, 1.0) + samples(start.plus(Duration.ofMinutes(35)), 5, 1.0);
        transport.answer(body);
        RunReport r = pipeline.update(new LineFeed());
        assertThat(r.gapPoints(GapKind.SOURCE_GAP)).isEqualTo(2);
        assertThat(r.caughtUp()).isTrue();
    }

    @Test
    void aPagedResponseIsFollowedToTheLastPage() {
        transport.answer(samples(NEWEST.minus(Duration.ofMinutes(5)), 1, 1.0) + "NEXT\n");
        transport.answer(samples(NEWEST, 1, 1.0));
        RunReport r = pipeline.update(new LineFeed());
        assertThat(r.fetches()).isEqualTo(2);
        assertThat(r.written().inserted()).isEqualTo(2);
        assertThat(transport.requests).extracting(q -> q.uri().getPath()).containsExactly("/samples", "/samples/next");
    }

    @Test
    void aStoreFailureLeavesTheStoreAsItWas() {
        transport.answer(samples(NEWEST, 1, 1.0));
        store.failNextWrite();
        RunReport r = pipeline.update(new LineFeed());
        assertThat(r.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(r.message()).startsWith("store: ");
        assertThat(store.summary(DS).rows()).isZero();
    }

    private static String samples(Instant from, int count, double value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(from.plus(Duration.ofMinutes(5L * i)).getEpochSecond()).append(' ').append(value).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aWindowTheSourceCallsTooLongIsSplitUntilItsHalvesAreServed() throws Exception {
        Instant from = NEWEST.minus(Duration.ofMinutes(40));
        Window asked = new Window(from, from.plus(Duration.ofMinutes(40)));
        // The source serves at most 15 minutes (three samples) per request, answering as CAISO's 1004.
        Feed shortWindows = new Feed() {
            @Override
            public Dataset dataset() {
                return DS;
            }

            @Override
            public FetchRequest request(Window window) {
                return FetchRequest.get(URI.create("http://127.0.0.1:9/samples?from=" + window.start().getEpochSecond()
                        + "&to=" + window.end().getEpochSecond()));
            }

            @Override
            public Parsed parse(Window window, FetchResponse response) throws SourceException {
                if (window.length().compareTo(Duration.ofMinutes(15)) > 0) {
                    throw SourceException.windowTooLong("window " + window + " too long");
                }
                List<Row> rows = new ArrayList<>();
                for (Instant t = window.start(); t.isBefore(window.end()); t = t.plus(DS.cadence())) {
                    rows.add(Row.of(t, 1.0));
                }
                return Parsed.of(rows, List.of(window), List.of(), List.of());
            }
        };
        for (int i = 0; i < 20; i++) {
            transport.answer("ignored");
        }

        RunReport r = pipeline.fill(shortWindows, List.of(asked), false);

        assertThat(r.succeeded()).as(r.message()).isTrue();
        assertThat(r.written().inserted()).isEqualTo(8);
        assertThat(store.coverage(DS, asked)).containsExactly(asked);
        assertThat(r.notes()).anyMatch(n -> n.contains("too long for the source"));
        // 40 min -> 20 + 20 -> 10 + 10 + 10 + 10: three refused requests, four served.
        assertThat(transport.requests).hasSize(7);
    }

    @Test
    void aWindowStillTooLongAtOneIntervalFailsAsBadData() {
        Feed never = new LineFeed() {
            @Override
            public Parsed parse(Window window, FetchResponse response) throws SourceException {
                throw SourceException.windowTooLong("refused");
            }
        };
        for (int i = 0; i < 20; i++) {
            transport.answer("ignored");
        }
        Instant from = NEWEST.minus(Duration.ofMinutes(10));

        RunReport r = pipeline.fill(never, List.of(new Window(from, from.plus(Duration.ofMinutes(10)))), false);

        assertThat(r.failure()).isEqualTo(Failure.BAD_DATA);
        // 10 min -> 5 min (one interval): refused again, and nothing is left to split.
        assertThat(transport.requests).hasSize(2);
        assertThat(store.coverage(DS, new Window(from, from.plus(Duration.ofMinutes(10))))).isEmpty();
    }

    @Test
    void anImmutableDocumentIsDownloadedOnceAndThenReadFromTheRawArchive() {
        Instant from = NEWEST.minus(Duration.ofMinutes(10));
        Window w = new Window(from, from.plus(Duration.ofMinutes(10)));
        Feed documents = new LineFeed() {
            @Override
            public FetchRequest request(Window window) {
                return FetchRequest.get(URI.create("http://127.0.0.1:9/archive?download=42")).asImmutable();
            }
        };
        transport.answer(samples(from, 2, 3.5));

        RunReport first = pipeline.fill(documents, List.of(w), false);
        // The same document for another dataset or a re-run: the transport holds no answer, so a download would fail.
        RunReport again = new Pipeline(new MemoryStore(), transport, new RawArchive(dir.resolve("raw")), clock,
                reports::add).fill(documents, List.of(w), false);

        assertThat(first.succeeded()).as(first.message()).isTrue();
        assertThat(again.succeeded()).as(again.message()).isTrue();
        assertThat(again.written().inserted()).isEqualTo(2);
        assertThat(again.notes()).anyMatch(n -> n.contains("answered from the raw archive"));
        assertThat(transport.requests).hasSize(1);
    }

    @Test
    void aDamagedArchivedDocumentIsDownloadedAgain() throws Exception {
        Instant from = NEWEST.minus(Duration.ofMinutes(10));
        Window w = new Window(from, from.plus(Duration.ofMinutes(10)));
        Feed documents = new LineFeed() {
            @Override
            public FetchRequest request(Window window) {
                return FetchRequest.get(URI.create("http://127.0.0.1:9/archive?download=7")).asImmutable();
            }
        };
        transport.answer(samples(from, 2, 3.5));
        pipeline.fill(documents, List.of(w), false);
        Path kept = dir.resolve("raw").resolve(store.fetches(DS, 1).get(0).archivePath());
        Files.write(kept, new byte[] {31, -117, 8, 0, 1, 2, 3});
        transport.answer(samples(from, 2, 3.5));

        RunReport again = new Pipeline(new MemoryStore(), transport, new RawArchive(dir.resolve("raw")), clock,
                reports::add).fill(documents, List.of(w), false);

        assertThat(again.succeeded()).as(again.message()).isTrue();
        assertThat(transport.requests).hasSize(2);
    }

    @Test
    void aRegisteredPayloadIsSkippedOnlyWhereTheStoreAlreadyCoversItsWindow() {
        RecordingRegistry registry = new RecordingRegistry();
        Pipeline shared = pipeline.withRegistry(registry);
        Instant from = NEWEST.minus(Duration.ofMinutes(10));
        Window w = new Window(from, from.plus(Duration.ofMinutes(10)));
        String body = samples(from, 2, 3.5);
        transport.answer(body);
        transport.answer(body);
        transport.answer(body);

        RunReport first = shared.fill(new LineFeed(), List.of(w), false);
        RunReport second = shared.fill(new LineFeed(), List.of(w), false);
        // Another collector's store, not covering the window yet: the payload is ingested there.
        MemoryStore other = new MemoryStore();
        RunReport elsewhere = new Pipeline(other, transport, null, clock, reports::add).withRegistry(registry)
                .fill(new LineFeed(), List.of(w), false);

        assertThat(registry.registered).hasSize(1);
        assertThat(first.written().inserted()).isEqualTo(2);
        assertThat(second.written().unchanged()).isZero();
        assertThat(second.written().inserted()).isZero();
        assertThat(second.notes()).anyMatch(n -> n.startsWith(Pipeline.SKIPPED));
        assertThat(store.fetches(DS, 1).get(0).message()).startsWith(Pipeline.SKIPPED);
        assertThat(elsewhere.written().inserted()).as(elsewhere.toString()).isEqualTo(2);
        assertThat(other.gridTimes(DS, w)).hasSize(2);
    }

    @Test
    void aFailingRegistryNeverStopsCollection() {
        UnreachableRegistry broken = new UnreachableRegistry();
        transport.answer(samples(NEWEST, 1, 1.5));

        RunReport r = pipeline.withRegistry(broken).update(new LineFeed());

        assertThat(r.succeeded()).as(r.message()).isTrue();
        assertThat(r.written().inserted()).isEqualTo(1);
        assertThat(r.notes()).anyMatch(n -> n.contains("could not ask the payload registry"));
        assertThat(r.notes()).anyMatch(n -> n.contains("could not register the payload"));
    }

    @Test
    void aDocumentStillMissingLongAfterItWasDueBecomesASourceGap() {
        Feed reports = new LineFeed() {
            @Override
            public Optional<Duration> absentAfter() {
                return Optional.of(Duration.ofDays(3));
            }
        };
        Window old = new Window(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(5)).plus(Duration.ofMinutes(10)));
        Window recent = new Window(NEWEST.minus(Duration.ofMinutes(10)), NEWEST);
        transport.fail(new SourceException(Failure.NOT_PUBLISHED, "HTTP 404"));
        transport.fail(new SourceException(Failure.NOT_PUBLISHED, "HTTP 404"));

        RunReport r = pipeline.fill(reports, List.of(old, recent), false);

        assertThat(store.coverage(DS, old)).containsExactly(old);
        assertThat(r.notes()).anyMatch(n -> n.contains("marked unavailable at the source") && n.contains("PT72H"));
        // The recent one may still come: the pass stops there, uncovered.
        assertThat(r.failure()).isEqualTo(Failure.NOT_PUBLISHED);
        assertThat(store.coverage(DS, recent)).isEmpty();
        assertThat(transport.requests).hasSize(2);
    }

    @Test
    void unknownColumnsAreKeptInTheFetchLogAndTheReport() {
        Feed drifting = new LineFeed() {
            @Override
            public Parsed parse(Window window, FetchResponse response) throws SourceException {
                return super.parse(window, response).withUnknownColumns(List.of("New Column", "Other"));
            }
        };
        transport.answer(samples(NEWEST, 1, 1.5));

        RunReport r = pipeline.update(drifting);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.written().inserted()).isEqualTo(1);
        assertThat(r.unknownColumns()).containsExactly("New Column", "Other");
        assertThat(store.fetches(DS, 1).get(0).message()).startsWith(Pipeline.SCHEMA_DRIFT).contains("New Column, Other");
    }

    @Test
    void validationFindsARepeatedOrConflictingKeyAmongManyRows() {
        List<Row> many = new ArrayList<>();
        Instant t0 = Instant.parse("2025-01-01T06:00:00Z");
        for (int i = 0; i < 100_000; i++) {
            many.add(Row.of(t0.plus(Duration.ofMinutes(5L * i)), (double) i));
        }
        org.assertj.core.api.Assertions.assertThatCode(() -> Pipeline.validate(DS, many)).doesNotThrowAnyException();

        List<Row> repeated = new ArrayList<>(many);
        repeated.add(many.get(70_000));
        repeated.add(many.get(3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pipeline.validate(DS, repeated))
                .hasMessageContaining("2 rows repeat an earlier row");

        List<Row> conflicting = new ArrayList<>(many);
        conflicting.add(Row.of(t0.plus(Duration.ofMinutes(5L * 42)), -1.0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pipeline.validate(DS, conflicting))
                .hasMessageContaining("two different rows for key [" + t0.plus(Duration.ofMinutes(5L * 42)) + "]")
                .hasMessageContaining("42.0");
    }

    /** A document of three parts, read and written one part at a time, in one fetch. */
    @Test
    void aDocumentReadInPartsIsWrittenAPartAtATime() {
        Instant t0 = NEWEST.minus(Duration.ofMinutes(55));
        transport.answer(samples(t0, 4, 1.0) + "PART\n" + samples(t0.plus(Duration.ofMinutes(20)), 4, 2.0) + "PART\n"
                + samples(t0.plus(Duration.ofMinutes(40)), 4, 3.0) + samples(t0, 1, 9.0));

        RunReport r = pipeline.update(new PartsFeed());

        assertThat(r.succeeded()).isTrue();
        assertThat(r.fetches()).isEqualTo(1);
        // The last part re-sends the first sample with another value: it replaces it, the old one is kept.
        assertThat(r.written()).isEqualTo(new WriteResult(12, 1, 0));
        assertThat(store.revisions(DS, 10)).singleElement().extracting(v -> v.old().number(1)).isEqualTo(1.0);
        assertThat(store.coverage(DS, new Window(t0.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)))))
                .containsExactly(new Window(t0, t0.plus(Duration.ofMinutes(60))));
        List<FetchRecord> log = store.fetches(DS, 10);
        assertThat(log).extracting(FetchRecord::fetchId).containsOnly(log.get(0).fetchId());
        assertThat(log).extracting(FetchRecord::message).containsExactlyInAnyOrder("", "part 2", "part 3");
        assertThat(log).extracting(FetchRecord::sha256).containsOnly(log.get(0).sha256());
    }

    /** A bad part stops the reading: the parts before it stay stored and covered, nothing after it is. */
    @Test
    void aBadPartKeepsThePartsBeforeItAndNothingAfter() {
        Instant t0 = NEWEST.minus(Duration.ofMinutes(55));
        transport.answer(samples(t0, 4, 1.0) + "PART\nthis is not a sample\nPART\n"
                + samples(t0.plus(Duration.ofMinutes(40)), 4, 3.0));

        RunReport r = pipeline.update(new PartsFeed());

        assertThat(r.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(r.message()).startsWith("part 2: cannot read line");
        assertThat(store.summary(DS).rows()).isEqualTo(4);
        assertThat(store.coverage(DS, new Window(t0.minus(Duration.ofHours(1)), NOW)))
                .containsExactly(new Window(t0, t0.plus(Duration.ofMinutes(20))));
        assertThat(store.fetches(DS, 10)).extracting(FetchRecord::failure).containsExactlyInAnyOrder(null, Failure.BAD_DATA);
    }

    /**
     * Parts after the first are written on a writer thread while the next is read; a failed write stops the
     * document there: the parts before it stay, the failure names the part, nothing after it is written.
     */
    @Test
    void aFailedWriteOfAPartStopsTheDocumentThere() {
        Instant t0 = NEWEST.minus(Duration.ofMinutes(55));
        String document = samples(t0, 4, 1.0) + "PART\n" + samples(t0.plus(Duration.ofMinutes(20)), 4, 2.0) + "PART\n"
                + samples(t0.plus(Duration.ofMinutes(40)), 4, 3.0);
        WriteCounting failing = new WriteCounting(store, 2);
        transport.answer(document);

        RunReport r = new Pipeline(failing, transport, null, clock, reports::add).update(new PartsFeed());

        assertThat(r.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(r.message()).startsWith("part 2: store: disk full");
        assertThat(store.summary(DS).rows()).isEqualTo(4);
        assertThat(failing.threads).hasSize(2).first().asString().startsWith("pmp-write " + DS.id());

        WriteCounting working = new WriteCounting(new MemoryStore(), 0);
        transport.answer(document);
        RunReport ok = new Pipeline(working, transport, null, clock, reports::add).update(new PartsFeed());
        assertThat(ok.succeeded()).isTrue();
        // Parts 1 and 2 are written while the next is read; the last on the reading thread.
        assertThat(working.threads).hasSize(3);
        assertThat(working.threads.subList(0, 2)).allSatisfy(t -> assertThat(t).startsWith("pmp-write "));
        assertThat(working.threads.get(2)).isEqualTo(Thread.currentThread().getName());
    }

    /** A store that records the thread of every write with rows and fails the {@code failAt}-th (1-based). */
    private static final class WriteCounting implements dev.pmp.spi.Store {
        private final dev.pmp.spi.Store store;
        private final int failAt;
        final List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());

        WriteCounting(dev.pmp.spi.Store store, int failAt) {
            this.store = store;
            this.failAt = failAt;
        }

        @Override
        public WriteResult write(dev.pmp.spi.Batch batch) throws dev.pmp.spi.StoreException {
            if (!batch.rows().isEmpty()) {
                threads.add(Thread.currentThread().getName());
                if (threads.size() == failAt) {
                    throw new dev.pmp.spi.StoreException("disk full");
                }
            }
            return store.write(batch);
        }

        @Override
        public void prepare(Dataset dataset) throws dev.pmp.spi.StoreException {
            store.prepare(dataset);
        }

        @Override
        public void refreshStandardViews(List<dev.pmp.spi.StandardMapping> mappings) throws dev.pmp.spi.StoreException {
            store.refreshStandardViews(mappings);
        }

        @Override
        public void appendEvents(List<dev.pmp.spi.Event> events) throws dev.pmp.spi.StoreException {
            store.appendEvents(events);
        }

        @Override
        public List<dev.pmp.spi.Event> pendingEvents(int limit) throws dev.pmp.spi.StoreException {
            return store.pendingEvents(limit);
        }

        @Override
        public void markDelivered(long seq) throws dev.pmp.spi.StoreException {
            store.markDelivered(seq);
        }

        @Override
        public boolean acquireLease(String name, String holder, Duration period) throws dev.pmp.spi.StoreException {
            return store.acquireLease(name, holder, period);
        }

        @Override
        public void releaseLeases(String holder) throws dev.pmp.spi.StoreException {
            store.releaseLeases(holder);
        }

        @Override
        public Optional<String> leaseHolder(String name) throws dev.pmp.spi.StoreException {
            return store.leaseHolder(name);
        }

        @Override
        public void logFailure(FetchRecord failed) throws dev.pmp.spi.StoreException {
            store.logFailure(failed);
        }

        @Override
        public dev.pmp.spi.StoreView view() {
            return store.view();
        }

        @Override
        public void close() throws dev.pmp.spi.StoreException {
            store.close();
        }
    }

    /** The line format with {@code PART} lines between the parts of one document. */
    private static final class PartsFeed extends LineFeed {
        @Override
        public Optional<FetchRequest> parseParts(Window window, FetchResponse response, Parts parts)
                throws SourceException, dev.pmp.spi.StoreException {
            Optional<FetchRequest> next = Optional.empty();
            for (String part : response.text().split("PART\n")) {
                Parsed parsed = parse(window, new FetchResponse(response.uri(), response.status(), response.contentType(),
                        part.getBytes(StandardCharsets.UTF_8), response.fetchedAt()));
                parts.accept(parsed);
                next = parsed.next();
            }
            return next;
        }
    }

    /** A registry in memory, as Redis would be for two collectors. */
    private static final class RecordingRegistry implements dev.pmp.engine.dedup.PayloadRegistry {
        final java.util.Set<String> registered = new java.util.HashSet<>();

        @Override
        public boolean contains(String datasetId, String sha256) {
            return registered.contains(datasetId + ":" + sha256);
        }

        @Override
        public void register(String datasetId, String sha256) {
            registered.add(datasetId + ":" + sha256);
        }

        @Override
        public String location() {
            return "memory";
        }
    }

    /** A registry whose server is down. */
    private static final class UnreachableRegistry implements dev.pmp.engine.dedup.PayloadRegistry {
        @Override
        public boolean contains(String datasetId, String sha256) throws java.io.IOException {
            throw new java.io.IOException("connection refused");
        }

        @Override
        public void register(String datasetId, String sha256) throws java.io.IOException {
            throw new java.io.IOException("connection refused");
        }

        @Override
        public String location() {
            return "redis://127.0.0.1:1";
        }
    }

    /** Answers requests from a queue of bodies or failures. */
    private static final class ScriptedTransport implements Transport {
        private final Deque<Object> answers = new ArrayDeque<>();
        final List<FetchRequest> requests = new ArrayList<>();

        void answer(String body) {
            answers.add(body);
        }

        void fail(SourceException e) {
            answers.add(e);
        }

        @Override
        public Transfer fetch(String source, FetchRequest request, boolean live) throws SourceException {
            requests.add(request);
            Object next = answers.remove();
            if (next instanceof SourceException e) {
                throw e;
            }
            byte[] body = ((String) next).getBytes(StandardCharsets.UTF_8);
            return new Transfer(new FetchResponse(request.uri(), 200, "text/plain", body, NOW), body, 1);
        }
    }

    /** A feed of the line format; covers from the first to one cadence past the last sample. */
    private static class LineFeed implements Feed {
        @Override
        public Dataset dataset() {
            return DS;
        }

        @Override
        public FetchRequest request(Window window) {
            return FetchRequest.get(URI.create("http://127.0.0.1:9/samples"));
        }

        @Override
        public Parsed parse(Window window, FetchResponse response) throws SourceException {
            List<Row> rows = new ArrayList<>();
            List<Quarantine> quarantined = new ArrayList<>();
            Optional<FetchRequest> next = Optional.empty();
            for (String line : response.text().split("\n")) {
                String[] f = line.split(" ");
                if (f[0].equals("NEXT")) {
                    next = Optional.of(FetchRequest.get(URI.create("http://127.0.0.1:9/samples/next")));
                } else if (f[0].equals("QUARANTINE")) {
                    quarantined.add(new Quarantine(new Window(Instant.ofEpochSecond(Long.parseLong(f[1])),
                            Instant.ofEpochSecond(Long.parseLong(f[2]))), 0, "test"));
                } else {
                    try {
                        rows.add(Row.of(Instant.ofEpochSecond(Long.parseLong(f[0])), Double.parseDouble(f[1])));
                    } catch (RuntimeException e) {
                        throw new SourceException(Failure.BAD_DATA, "cannot read line '" + line + "'");
                    }
                }
            }
            List<Window> covered = new ArrayList<>();
            if (!rows.isEmpty()) {
                Instant first = rows.stream().map(r -> r.instant(0)).min(Instant::compareTo).get();
                Instant last = rows.stream().map(r -> r.instant(0)).max(Instant::compareTo).get();
                Window all = new Window(first, last.plus(DS.cadence()));
                for (Quarantine q : quarantined) {
                    if (q.window().overlaps(all)) {
                        all = q.window().start().isAfter(all.start()) ? new Window(all.start(), q.window().start()) : all;
                    }
                }
                covered.add(all);
                rows.removeIf(r -> quarantined.stream().anyMatch(q -> q.window().contains(r.instant(0))));
            }
            return new Parsed(rows, covered, quarantined, List.of(), next);
        }
    }
}
