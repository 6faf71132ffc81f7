package dev.pmp.push.iris;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.archive.RawArchive;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link IrisIngest} handed messages directly, writing through a real {@link Pipeline} into a {@link MemoryStore}. */
class IrisIngestTest {
    static final Instant NOW = Instant.parse("2024-05-01T10:07:30Z");
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final URI QUEUE = URI.create("amqps://elexon-insights-iris.servicebus.windows.net/pmp-test");
    static final Dataset DATASET = FuelinstFeed.DATASET;
    static final Duration FIVE = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    ManualClock clock;
    MemoryStore store;
    RawArchive archive;
    List<Ingested> outcomes;
    List<String> lookedUp;
    Feed feed = new FuelinstFeed();
    IrisIngest ingest;

    @BeforeEach
    void setUp() {
        clock = new ManualClock(NOW);
        store = new MemoryStore();
        archive = new RawArchive(dir.resolve("raw"));
        outcomes = new ArrayList<>();
        lookedUp = new ArrayList<>();
        Pipeline pipeline = new Pipeline(store, (source, request, live) -> {
            throw new AssertionError("a pushed message must not be fetched: " + request.uri());
        }, archive, clock, report -> { });
        ingest = new IrisIngest(pipeline, id -> {
            lookedUp.add(id);
            return id.equals(DATASET.id()) ? Optional.of(feed) : Optional.empty();
        }, clock, outcomes::add);
    }

    static IrisMessage message(String subject, String id, String body, long deliveryCount) {
        return new IrisMessage(QUEUE, subject, id, body.getBytes(UTF_8), deliveryCount);
    }

    static List<Row> rowsOf(List<Reading> readings) {
        return readings.stream().map(Reading::row).toList();
    }

    @Test
    void writesAMessageAndCoversOnlyTheIntervalItCarries() throws Exception {
        List<Reading> readings = Reading.between(T0, T0.plus(FIVE));
        String body = Reading.json(readings);

        Disposition d = ingest.handle(message("FUELINST", "FUELINST_202405011005_00001.json", body, 0));

        assertThat(d).isEqualTo(Disposition.COMPLETE);
        List<Row> rows = Outcomes.rows(store.view(), DATASET);
        assertThat(rows).hasSize(3).containsExactlyInAnyOrderElementsOf(rowsOf(readings));
        assertThat(rows.get(0)).isEqualTo(Row.of(T0, T0.plus(FIVE), "CCGT", 1000.0 + (T0.getEpochSecond() / 300) % 97));
        assertThat(rows.get(2)).isEqualTo(Row.of(T0, T0.plus(FIVE), "WIND", 2000.0 + (T0.getEpochSecond() / 300) % 97));
        assertThat(Outcomes.coverage(store.view(), DATASET)).containsExactly(new Window(T0, T0.plus(FIVE)));

        List<FetchRecord> log = store.view().fetches(DATASET, 10);
        assertThat(log).hasSize(1);
        FetchRecord f = log.get(0);
        assertThat(f.url()).isEqualTo(QUEUE + "/FUELINST/FUELINST_202405011005_00001.json");
        assertThat(f.window()).isEqualTo(new Window(T0, T0.plus(FIVE)));
        assertThat(f.failure()).isNull();
        assertThat(f.rowsInserted()).isEqualTo(3);
        assertThat(f.fetchedAt()).isEqualTo(NOW);
        assertThat(f.archivePath()).endsWith(".json.gz");
        assertThat(archived(f)).isEqualTo(body.getBytes(UTF_8));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.disposition()).isEqualTo(Disposition.COMPLETE);
            assertThat(o.datasetId()).isEqualTo("elexon.fuelinst");
            assertThat(o.reason()).isEmpty();
            assertThat(o.report()).get().extracting(RunReport::rowsFetched).isEqualTo(3L);
        });
    }

    @Test
    void aBodyThatIsAJsonStringHoldingTheArrayIsReadAndArchivedAsItCame() throws Exception {
        List<Reading> readings = Reading.between(T0, T0.plus(FIVE));
        String body = Reading.jsonString(readings);

        assertThat(ingest.handle(message("FUELINST", "m1", body, 0))).isEqualTo(Disposition.COMPLETE);

        assertThat(Outcomes.rows(store.view(), DATASET)).containsExactlyInAnyOrderElementsOf(rowsOf(readings));
        assertThat(archived(store.view().fetches(DATASET, 1).get(0))).isEqualTo(body.getBytes(UTF_8));
        assertThat(outcomes.get(0).report().orElseThrow().notes()).anySatisfy(n -> assertThat(n).contains("JSON string"));
    }

    @Test
    void anEnvelopeWithADataArrayIsReadToo() throws Exception {
        List<Reading> readings = Reading.between(T0, T0.plus(FIVE));

        assertThat(ingest.handle(message("FUELINST", "m1", "{\"data\":" + Reading.json(readings) + "}", 0)))
                .isEqualTo(Disposition.COMPLETE);

        assertThat(Outcomes.rows(store.view(), DATASET)).containsExactlyInAnyOrderElementsOf(rowsOf(readings));
    }

    @Test
    void aMessageWithAHoleLeavesTheHoleMissingForTheRestApi() throws Exception {
        List<Reading> readings = new ArrayList<>(Reading.between(T0, T0.plus(FIVE)));
        readings.addAll(Reading.between(T0.plus(FIVE.multipliedBy(2)), T0.plus(FIVE.multipliedBy(3))));

        ingest.handle(message("FUELINST", "m1", Reading.json(readings), 0));

        assertThat(Outcomes.coverage(store.view(), DATASET)).containsExactly(
                new Window(T0, T0.plus(FIVE)), new Window(T0.plus(FIVE.multipliedBy(2)), T0.plus(FIVE.multipliedBy(3))));
        assertThat(store.view().fetches(DATASET, 1).get(0).window()).isEqualTo(new Window(T0, T0.plus(FIVE.multipliedBy(3))));
        List<Gap> gaps = new Ledger(store.view()).gaps(DATASET, new Window(T0, T0.plus(FIVE.multipliedBy(3))));
        assertThat(gaps).containsExactly(new Gap(new Window(T0.plus(FIVE), T0.plus(FIVE.multipliedBy(2))), 1, GapKind.MISSING));
    }

    @Test
    void aRedeliveredDuplicateChangesNothing() throws Exception {
        String body = Reading.json(Reading.between(T0, T0.plus(FIVE)));
        ingest.handle(message("FUELINST", "m1", body, 0));
        List<Row> before = Outcomes.rows(store.view(), DATASET);

        Disposition again = ingest.handle(message("FUELINST", "m1", body, 1));

        assertThat(again).isEqualTo(Disposition.COMPLETE);
        assertThat(outcomes.get(1).report().orElseThrow().written()).isEqualTo(new WriteResult(0, 0, 3));
        assertThat(Outcomes.rows(store.view(), DATASET)).isEqualTo(before);
        assertThat(store.view().revisions(DATASET, 10)).isEmpty();
        assertThat(Outcomes.coverage(store.view(), DATASET)).containsExactly(new Window(T0, T0.plus(FIVE)));
        List<FetchRecord> log = store.view().fetches(DATASET, 10);
        assertThat(log).hasSize(2);
        assertThat(log.get(0).archivePath()).isEqualTo(log.get(1).archivePath());
    }

    @Test
    void aCorrectedValueReplacesTheRowAndKeepsTheOldVersion() throws Exception {
        List<Reading> first = Reading.between(T0, T0.plus(FIVE));
        ingest.handle(message("FUELINST", "m1", Reading.json(first), 0));
        List<Reading> corrected = new ArrayList<>(first);
        corrected.set(0, new Reading(T0, first.get(0).fuelType(), 4321));

        ingest.handle(message("FUELINST", "m2", Reading.json(corrected), 0));

        assertThat(outcomes.get(1).report().orElseThrow().written()).isEqualTo(new WriteResult(0, 1, 2));
        assertThat(Outcomes.rows(store.view(), DATASET)).containsExactlyInAnyOrderElementsOf(rowsOf(corrected));
        assertThat(store.view().revisions(DATASET, 10)).singleElement()
                .satisfies(r -> assertThat(r.toString()).contains(String.valueOf(first.get(0).generation())));
    }

    @Test
    void aPoisonMessageIsAbandonedArchivedAndLoggedWithoutCoveringAnything() throws Exception {
        String json = Reading.json(Reading.between(T0, T0.plus(FIVE)));
        String truncated = json.substring(0, json.length() - 30);

        Disposition d = ingest.handle(message("FUELINST", "poison", truncated, 0));

        assertThat(d).isEqualTo(Disposition.ABANDON);
        assertThat(outcomes.get(0).reason()).startsWith("BAD_DATA: FUELINST " + QUEUE + "/FUELINST/poison: not valid JSON");
        assertThat(Outcomes.rows(store.view(), DATASET)).isEmpty();
        assertThat(Outcomes.coverage(store.view(), DATASET)).isEmpty();
        FetchRecord f = store.view().fetches(DATASET, 1).get(0);
        assertThat(f.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(f.window()).isEqualTo(new Window(Instant.parse("2024-05-01T10:05:00Z"), Instant.parse("2024-05-01T10:10:00Z")));
        assertThat(archived(f)).isEqualTo(truncated.getBytes(UTF_8));
    }

    @Test
    void aNonNumericValueIsAbandonedAsBadData() throws Exception {
        String body = Reading.json(Reading.between(T0, T0.plus(FIVE))).replaceFirst("\"generation\":\\d+", "\"generation\":\"n/a\"");

        assertThat(ingest.handle(message("FUELINST", "m1", body, 0))).isEqualTo(Disposition.ABANDON);

        assertThat(outcomes.get(0).reason()).contains("BAD_DATA").contains("generation is not a number: n/a");
        assertThat(Outcomes.rows(store.view(), DATASET)).isEmpty();
    }

    @Test
    void anHtmlPageIsAbandonedAsBadData() throws Exception {
        assertThat(ingest.handle(message("FUELINST", "m1", "<html><body>Service unavailable</body></html>", 0)))
                .isEqualTo(Disposition.ABANDON);

        assertThat(outcomes.get(0).reason()).startsWith("BAD_DATA").contains("not valid JSON");
    }

    @Test
    void twoDifferentRowsForOneKeyAreAbandoned() throws Exception {
        List<Reading> readings = new ArrayList<>(Reading.between(T0, T0.plus(FIVE)));
        readings.add(new Reading(T0, "CCGT", 1));

        assertThat(ingest.handle(message("FUELINST", "m1", Reading.json(readings), 0))).isEqualTo(Disposition.ABANDON);

        assertThat(outcomes.get(0).reason()).contains("BAD_DATA").contains("two different rows for key");
        assertThat(Outcomes.rows(store.view(), DATASET)).isEmpty();
    }

    @Test
    void rowsOutOfOrderAreStoredInKeyOrder() throws Exception {
        List<Reading> readings = new ArrayList<>(Reading.between(T0, T0.plus(FIVE.multipliedBy(2))));
        java.util.Collections.reverse(readings);

        assertThat(ingest.handle(message("FUELINST", "m1", Reading.json(readings), 0))).isEqualTo(Disposition.COMPLETE);

        List<Row> rows = Outcomes.rows(store.view(), DATASET);
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0).instant(0)).isEqualTo(T0);
        assertThat(rows.get(5).instant(0)).isEqualTo(T0.plus(FIVE));
        assertThat(Outcomes.coverage(store.view(), DATASET)).containsExactly(new Window(T0, T0.plus(FIVE.multipliedBy(2))));
    }

    @Test
    void aFailedWriteAbandonsTheMessageAndItsRedeliveryStoresIt() throws Exception {
        String body = Reading.json(Reading.between(T0, T0.plus(FIVE)));
        store.failNextWrite();

        assertThat(ingest.handle(message("FUELINST", "m1", body, 0))).isEqualTo(Disposition.ABANDON);
        assertThat(outcomes.get(0).report().orElseThrow().failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(Outcomes.rows(store.view(), DATASET)).isEmpty();
        assertThat(Outcomes.coverage(store.view(), DATASET)).isEmpty();

        assertThat(ingest.handle(message("FUELINST", "m1", body, 1))).isEqualTo(Disposition.COMPLETE);
        assertThat(Outcomes.rows(store.view(), DATASET)).hasSize(3);
        assertThat(Outcomes.coverage(store.view(), DATASET)).containsExactly(new Window(T0, T0.plus(FIVE)));
    }

    @Test
    void aDatasetWithoutAFeedIsCompletedWithoutWriting() throws Exception {
        Disposition d = ingest.handle(message("BOALF", "BOALF_1.json", "[]", 0));

        assertThat(d).isEqualTo(Disposition.COMPLETE);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.datasetId()).isEqualTo("elexon.boalf");
            assertThat(o.report()).isEmpty();
            assertThat(o.reason()).isEqualTo("no feed for elexon.boalf; completed without writing");
        });
        store.prepare(DATASET);
        assertThat(store.view().fetches(DATASET, 10)).isEmpty();
    }

    @Test
    void aMessageWithoutADatasetCodeIsAbandoned() {
        assertThat(ingest.handle(message("", "m1", "[]", 0))).isEqualTo(Disposition.ABANDON);
        assertThat(ingest.handle(message("FUEL INST", "m2", "[]", 0))).isEqualTo(Disposition.ABANDON);

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.datasetId()).isEmpty();
            assertThat(o.reason()).contains("is not a dataset code");
        });
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void renamedIrisSubjectsAreLookedUpByTheirApiCode() {
        ingest.handle(message("SYS_WARN", "a", "[]", 0));
        ingest.handle(message("LOLPDM", "b", "[]", 0));
        ingest.handle(message("E0361", "c", "[]", 0));
        ingest.handle(message("FUELINST", "d", "[]", 0));

        assertThat(lookedUp).containsExactly("elexon.syswarn", "elexon.lolpdrm", "elexon.cdn", "elexon.fuelinst");
    }

    @Test
    void anEmptyArrayIsCompletedAndCoversNothing() throws Exception {
        assertThat(ingest.handle(message("FUELINST", "m1", "[]", 0))).isEqualTo(Disposition.COMPLETE);

        assertThat(Outcomes.rows(store.view(), DATASET)).isEmpty();
        assertThat(Outcomes.coverage(store.view(), DATASET)).isEmpty();
        assertThat(store.view().fetches(DATASET, 10)).singleElement().satisfies(f -> {
            assertThat(f.failure()).isNull();
            assertThat(f.rowsInserted()).isZero();
        });
    }

    @Test
    void aFeedThatThrowsAbandonsTheMessageInsteadOfStoppingTheSubscription() {
        feed = new Feed() {
            @Override
            public Dataset dataset() {
                return DATASET;
            }

            @Override
            public FetchRequest request(Window window) {
                return FetchRequest.get(URI.create(FuelinstFeed.REST_BASE));
            }

            @Override
            public Parsed parse(Window window, FetchResponse response) {
                throw new IllegalStateException("parser bug");
            }
        };

        assertThat(ingest.handle(message("FUELINST", "m1", "[]", 0))).isEqualTo(Disposition.ABANDON);
        assertThat(outcomes.get(0).reason()).contains("parser bug");
    }

    @Test
    void aMessageTheFeedFindsNothingInIsCompletedAndReported() throws Exception {
        feed = new FuelinstFeed() {
            @Override
            public Parsed parse(Window window, FetchResponse response) throws SourceException {
                throw new SourceException(Failure.NOT_PUBLISHED, "Elexon FUELINST: no rows yet for " + window);
            }
        };

        assertThat(ingest.handle(message("FUELINST", "m1", "[]", 0))).isEqualTo(Disposition.COMPLETE);

        assertThat(outcomes.get(0).reason()).startsWith("nothing to write, completed: NOT_PUBLISHED: Elexon FUELINST: no rows yet");
        assertThat(Outcomes.coverage(store.view(), DATASET)).isEmpty();
        assertThat(store.view().fetches(DATASET, 1).get(0).failure()).isEqualTo(Failure.NOT_PUBLISHED);
    }

    /**
     * GB clock changes, synthesised from the documented format (IRIS rows carry UTC {@code startTime}s with a
     * {@code Z}): the readings around 01:00Z on the spring-forward day (2024-03-31, 46 settlement periods) and
     * the fall-back day (2024-10-27, 50 periods) are distinct UTC intervals, stored and covered back to back.
     */
    @ParameterizedTest
    @CsvSource({"2024-03-31T00:50:00Z", "2024-10-27T00:50:00Z"})
    void aroundAClockChangeEveryIntervalIsItsOwnUtcInterval(Instant from) throws Exception {
        clock.set(from.plus(Duration.ofMinutes(25)));
        List<Reading> readings = Reading.between(from, from.plus(Duration.ofMinutes(20)));

        ingest.handle(message("FUELINST", "dst", Reading.json(readings), 0));

        List<Row> rows = Outcomes.rows(store.view(), DATASET);
        assertThat(rows).hasSize(12);
        assertThat(rows.stream().map(r -> r.instant(0)).distinct()).containsExactly(
                from, from.plus(FIVE), from.plus(FIVE.multipliedBy(2)), from.plus(FIVE.multipliedBy(3)));
        assertThat(Outcomes.coverage(store.view(), DATASET)).containsExactly(new Window(from, from.plus(Duration.ofMinutes(20))));
        assertThat(new Ledger(store.view()).gaps(DATASET, new Window(from, from.plus(Duration.ofMinutes(20))))).isEmpty();
    }

    @Test
    void theAddressNamesQueueSubjectAndMessageIdEncoded() {
        assertThat(IrisIngest.address(message("FUELINST", "a b/ü.json", "[]", 0)).toString())
                .isEqualTo(QUEUE + "/FUELINST/a%20b%2F%C3%BC.json");
        assertThat(IrisIngest.address(message("FUELINST", "", "[]", 0)).toString()).isEqualTo(QUEUE + "/FUELINST/message");
    }

    private byte[] archived(FetchRecord f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive.resolve(f.archivePath())))) {
            return in.readAllBytes();
        }
    }
}
