package dev.pmp.testkit;

import static dev.pmp.testkit.SampleDatasets.SETTLEMENT_POINT_PRICES;
import static dev.pmp.testkit.SampleDatasets.SYSTEM_LOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.DatasetSummary;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.KeyFilter;
import dev.pmp.spi.Revision;
import dev.pmp.spi.Row;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} shares. A store's test extends this class and supplies
 * {@link #newStore()}; a store that keeps its data across close also overrides {@link #reopen(Store)}.
 * Each test gets a fresh, empty store with {@link SampleDatasets#SYSTEM_LOAD} and
 * {@link SampleDatasets#SETTLEMENT_POINT_PRICES} prepared, and closes it afterwards.
 *
 * <p>All instants used here are whole milliseconds and durations whole milliseconds, the precision
 * every store must keep.
 */
public abstract class StoreContract {

    /** Midnight of 2024-07-01 in the sample market zone (CDT). */
    protected static final Instant T0 = Instant.parse("2024-07-01T05:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private static final Window DAY = Window.of(T0, Duration.ofDays(1));
    private static final Window EVERYTHING = new Window(Instant.parse("2000-01-01T00:00:00Z"),
            Instant.parse("2100-01-01T00:00:00Z"));

    /** The store under test; replaced when a test reopens it. */
    protected Store store;
    private int fetchCounter;

    /** A new, empty store; called once before every test. */
    protected abstract Store newStore() throws Exception;

    /**
     * Closes {@code closed} and opens the same storage again, as a new process would. Stores that keep
     * nothing after close leave this default, which skips the persistence test.
     */
    protected Optional<Store> reopen(Store closed) throws Exception {
        closed.close();
        return Optional.empty();
    }

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
        store.prepare(SYSTEM_LOAD);
        store.prepare(SETTLEMENT_POINT_PRICES);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void rowsReadBackExactlyInNaturalKeyOrder() throws Exception {
        Row first = load(0, -1048.823, 42L, "normal", false, LocalDate.of(2024, 7, 1));
        Row second = load(1, 0.1 + 0.2, Long.MAX_VALUE, "", true, LocalDate.of(2024, 7, 1));
        Row third = load(2, null, null, null, null, null);
        Row fourth = load(3, Double.MIN_VALUE, Long.MIN_VALUE, "quote ' and \"", false, LocalDate.of(1999, 12, 31));
        Row fifth = load(4, -Double.MAX_VALUE, 0L, "Ünïcode ⚡", null, LocalDate.of(2024, 7, 2));
        WriteResult result = store.write(batch(SYSTEM_LOAD, List.of(fifth, third, first, fourth, second), DAY));

        assertThat(result).isEqualTo(new WriteResult(5, 0, 0));
        assertThat(scan(SYSTEM_LOAD, DAY)).containsExactly(first, second, third, fourth, fifth);
        Row back = scan(SYSTEM_LOAD, DAY).get(0);
        assertThat(back.get(0)).isInstanceOf(Instant.class);
        assertThat(back.get(1)).isEqualTo(-1048.823);
        assertThat(back.get(2)).isInstanceOf(Long.class);
        assertThat(back.get(4)).isInstanceOf(Boolean.class);
        assertThat(back.get(5)).isInstanceOf(LocalDate.class);
    }

    @Test
    void scanKeepsToTheHalfOpenWindow() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(load(i, (double) i, null, null, null, null));
        }
        store.write(batch(SYSTEM_LOAD, rows, DAY));

        Window middle = new Window(T0.plus(FIVE_MINUTES.multipliedBy(3)), T0.plus(FIVE_MINUTES.multipliedBy(6)));
        assertThat(scan(SYSTEM_LOAD, middle)).containsExactly(rows.get(3), rows.get(4), rows.get(5));
        assertThat(scan(SYSTEM_LOAD, Window.of(T0.minus(Duration.ofDays(1)), Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void aKeyFilteredScanKeepsTheNamedValuesAndPrefixesLiterally() throws Exception {
        Row north = price(0, "HB_NORTH", 30.0, null);
        Row south = price(0, "HB_SOUTH", 31.0, null);
        Row zone = price(0, "LZ_HOUSTON", 32.0, null);
        Row wild = price(0, "HXB_WEST", 33.0, null);
        Row percent = price(0, "A%B", 34.0, null);
        Row later = price(1, "HB_NORTH", 35.0, null);
        store.write(batch(SETTLEMENT_POINT_PRICES, List.of(north, south, zone, wild, percent, later), DAY));
        Window firstQuarter = new Window(quarter(0), quarter(1));

        assertThat(scan(SETTLEMENT_POINT_PRICES, DAY, new KeyFilter("settlement_point", Set.of("LZ_HOUSTON"),
                Set.of("HB_")))).containsExactly(north, south, zone, later);
        // "_" and "%" are plain characters in a prefix, not LIKE wildcards.
        assertThat(scan(SETTLEMENT_POINT_PRICES, DAY, new KeyFilter("settlement_point", Set.of(), Set.of("H_", "A%"))))
                .containsExactly(percent);
        assertThat(scan(SETTLEMENT_POINT_PRICES, firstQuarter, new KeyFilter("settlement_point", Set.of("HB_NORTH"),
                Set.of()))).containsExactly(north);
        assertThat(scan(SETTLEMENT_POINT_PRICES, DAY, new KeyFilter("settlement_point", Set.of(), Set.of()))).isEmpty();
        assertThatThrownBy(() -> scan(SETTLEMENT_POINT_PRICES, DAY, new KeyFilter("price", Set.of("1"), Set.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no text column price");
    }

    protected List<Row> scan(Dataset dataset, Window within, KeyFilter filter) throws StoreException {
        List<Row> rows = new ArrayList<>();
        store.view().scan(dataset, within, filter, rows::add);
        return rows;
    }

    @Test
    void compositeKeysScanInKeyOrder() throws Exception {
        Row hubLate = price(1, "HB_NORTH", 31.5, 0.0);
        Row hubEarly = price(0, "HB_NORTH", 30.25, null);
        Row loadZone = price(0, "LZ_HOUSTON", -1048.823, -2.5);
        Row busEarly = price(0, "BUS_1", 1e-9, 12.0);
        store.write(batch(SETTLEMENT_POINT_PRICES, List.of(hubLate, loadZone, hubEarly, busEarly), DAY));

        assertThat(scan(SETTLEMENT_POINT_PRICES, DAY)).containsExactly(busEarly, hubEarly, loadZone, hubLate);
    }

    @Test
    void upsertCountsNewChangedAndUnchangedRows() throws Exception {
        store.write(batch(SETTLEMENT_POINT_PRICES, List.of(
                price(0, "HB_NORTH", 30.0, 1.0),
                price(0, "HB_SOUTH", 31.0, null),
                price(1, "HB_NORTH", 32.0, 2.0)), DAY));

        WriteResult second = store.write(batch(SETTLEMENT_POINT_PRICES, List.of(
                price(0, "HB_NORTH", 30.0, 1.0),
                price(0, "HB_SOUTH", 31.0, 0.5),
                price(1, "HB_NORTH", 32.0, 2.0),
                price(1, "HB_SOUTH", 33.0, null),
                price(2, "HB_NORTH", 34.0, 3.0)), DAY));

        assertThat(second).isEqualTo(new WriteResult(2, 1, 2));
        assertThat(scan(SETTLEMENT_POINT_PRICES, DAY)).containsExactly(
                price(0, "HB_NORTH", 30.0, 1.0),
                price(0, "HB_SOUTH", 31.0, 0.5),
                price(1, "HB_NORTH", 32.0, 2.0),
                price(1, "HB_SOUTH", 33.0, null),
                price(2, "HB_NORTH", 34.0, 3.0));
    }

    @Test
    void changedRowKeepsItsOldVersionAsRevision() throws Exception {
        Row original = price(0, "HB_NORTH", 30.0, 1.0);
        Row untouched = price(0, "HB_SOUTH", 31.0, 1.5);
        store.write(batch(SETTLEMENT_POINT_PRICES, List.of(original, untouched), DAY));
        Batch correction = batch(SETTLEMENT_POINT_PRICES, List.of(price(0, "HB_NORTH", 29.5, 1.0), untouched), DAY);

        WriteResult result = store.write(correction);

        assertThat(result).isEqualTo(new WriteResult(0, 1, 1));
        List<Revision> revisions = store.view().revisions(SETTLEMENT_POINT_PRICES, 10);
        assertThat(revisions).containsExactly(
                new Revision(original, correction.ingestedAt(), correction.fetch().fetchId()));
        assertThat(scan(SETTLEMENT_POINT_PRICES, DAY)).containsExactly(price(0, "HB_NORTH", 29.5, 1.0), untouched);
    }

    @Test
    void nullAndValueReplacingEachOtherAreChanges() throws Exception {
        Row empty = load(0, null, 7L, "a", true, null);
        Row filled = load(1, 10.0, 7L, "a", true, LocalDate.of(2024, 7, 1));
        store.write(batch(SYSTEM_LOAD, List.of(empty, filled), DAY));
        Batch swap = batch(SYSTEM_LOAD, List.of(
                load(0, 5.0, 7L, "a", true, null),
                load(1, 10.0, 7L, "a", true, null)), DAY);

        assertThat(store.write(swap)).isEqualTo(new WriteResult(0, 2, 0));
        assertThat(store.view().revisions(SYSTEM_LOAD, 10)).extracting(Revision::old)
                .containsExactlyInAnyOrder(empty, filled);
    }

    @Test
    void revisionsComeNewestFirstAndObeyTheLimit() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), DAY));
        Batch second = batch(SYSTEM_LOAD, List.of(load(0, 2.0, null, null, null, null)), DAY);
        store.write(second);
        Batch third = batch(SYSTEM_LOAD, List.of(load(0, 3.0, null, null, null, null)), DAY);
        store.write(third);

        assertThat(store.view().revisions(SYSTEM_LOAD, 10)).containsExactly(
                new Revision(load(0, 2.0, null, null, null, null), third.ingestedAt(), third.fetch().fetchId()),
                new Revision(load(0, 1.0, null, null, null, null), second.ingestedAt(), second.fetch().fetchId()));
        assertThat(store.view().revisions(SYSTEM_LOAD, 1)).hasSize(1)
                .first().extracting(r -> r.old().get(1)).isEqualTo(2.0);
    }

    @Test
    void rewritingTheSameBatchChangesNothing() throws Exception {
        List<Row> rows = List.of(
                load(0, -1048.823, 1L, "x", false, LocalDate.of(2024, 7, 1)),
                load(1, null, null, null, null, null),
                load(2, 0.1 + 0.2, 3L, "z", true, LocalDate.of(2024, 7, 1)));
        store.write(batch(SYSTEM_LOAD, rows, DAY));

        WriteResult again = store.write(batch(SYSTEM_LOAD, rows, DAY));

        assertThat(again).isEqualTo(new WriteResult(0, 0, 3));
        assertThat(store.view().revisions(SYSTEM_LOAD, 10)).isEmpty();
        assertThat(scan(SYSTEM_LOAD, DAY)).containsExactlyElementsOf(rows);
        assertThat(store.view().fetches(SYSTEM_LOAD, 1).get(0).rowsUnchanged()).isEqualTo(3);
    }

    /**
     * Random overlapping batches (new keys, changed and unchanged rows, batches in any grid order, stored rows
     * in range that a batch leaves out) against a model of what must be stored: every key once, with the
     * newest batch's values, and the counts add up. A store that enforces key uniqueness itself, without a
     * database constraint, is held to it here.
     */
    @Test
    void randomOverlappingBatchesKeepOneRowPerKeyWithTheNewestValues() throws Exception {
        Random random = new Random(20261121L);
        String[] points = {"HB_NORTH", "HB_SOUTH", "LZ_WEST", "BUS_1", "BUS_2"};
        java.util.Map<List<Object>, Row> model = new java.util.HashMap<>();
        for (int b = 0; b < 40; b++) {
            int from = random.nextInt(80);
            int to = from + 1 + random.nextInt(16);
            List<Row> rows = new ArrayList<>();
            for (int q = from; q < to; q++) {
                for (String point : points) {
                    if (random.nextInt(4) > 0) {
                        rows.add(price(q, point, (double) random.nextInt(3), random.nextBoolean() ? null : 1.0));
                    }
                }
            }
            java.util.Collections.shuffle(rows, random);
            int inserted = 0;
            int updated = 0;
            for (Row r : rows) {
                Row before = model.put(List.of(r.get(0), r.get(2)), r);
                if (before == null) {
                    inserted++;
                } else if (!before.equals(r)) {
                    updated++;
                }
            }
            WriteResult result = store.write(batch(SETTLEMENT_POINT_PRICES, rows,
                    new Window(quarter(from), quarter(to))));
            assertThat(result).as("batch %d", b).isEqualTo(new WriteResult(inserted, updated,
                    rows.size() - inserted - updated));
        }
        List<Row> stored = scan(SETTLEMENT_POINT_PRICES, EVERYTHING);
        assertThat(stored).hasSize(model.size()).containsExactlyInAnyOrderElementsOf(model.values());
    }

    @Test
    void coverageMergesTouchingAndOverlappingWindows() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(), hours(0, 1)));
        store.write(batch(SYSTEM_LOAD, List.of(), hours(1, 2)));
        store.write(batch(SYSTEM_LOAD, List.of(), hours(5, 7)));
        store.write(batch(SYSTEM_LOAD, List.of(), hours(6, 8)));
        store.write(batch(SYSTEM_LOAD, List.of(), hours(10, 11)));

        assertThat(store.view().coverage(SYSTEM_LOAD, DAY)).containsExactly(hours(0, 2), hours(5, 8), hours(10, 11));
    }

    @Test
    void coverageBridgesAGapWithSeveralWindowsOfOneBatch() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(), hours(2, 3)));
        store.write(batch(SYSTEM_LOAD, List.of(), hours(6, 7)));

        store.write(batch(SYSTEM_LOAD, List.of(), List.of(hours(3, 4), hours(1, 2), hours(4, 6), hours(12, 13))));

        assertThat(store.view().coverage(SYSTEM_LOAD, DAY)).containsExactly(hours(1, 7), hours(12, 13));
    }

    @Test
    void coverageIsClippedToTheQueryWindow() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(), hours(0, 4)));
        store.write(batch(SYSTEM_LOAD, List.of(), hours(6, 10)));

        assertThat(store.view().coverage(SYSTEM_LOAD, hours(2, 7))).containsExactly(hours(2, 4), hours(6, 7));
        assertThat(store.view().coverage(SYSTEM_LOAD, hours(4, 6))).isEmpty();
        assertThat(store.view().coverage(SYSTEM_LOAD, hours(-5, 1))).containsExactly(hours(0, 1));
    }

    @Test
    void coverageIsWrittenEvenWhenABatchHasNoRows() throws Exception {
        WriteResult result = store.write(batch(SYSTEM_LOAD, List.of(), hours(0, 1)));

        assertThat(result).isEqualTo(WriteResult.NONE);
        assertThat(store.view().coverage(SYSTEM_LOAD, EVERYTHING)).containsExactly(hours(0, 1));
        assertThat(store.view().fetches(SYSTEM_LOAD, 10)).hasSize(1);
    }

    @Test
    void gridTimesAreDistinctAscendingAndInsideTheWindow() throws Exception {
        store.write(batch(SETTLEMENT_POINT_PRICES, List.of(
                price(3, "HB_NORTH", 1.0, null),
                price(0, "HB_NORTH", 1.0, null),
                price(0, "HB_SOUTH", 1.0, null),
                price(1, "HB_SOUTH", 1.0, null),
                price(8, "HB_SOUTH", 1.0, null)), DAY));

        assertThat(store.view().gridTimes(SETTLEMENT_POINT_PRICES, DAY))
                .containsExactly(quarter(0), quarter(1), quarter(3), quarter(8));
        assertThat(store.view().gridTimes(SETTLEMENT_POINT_PRICES, new Window(quarter(1), quarter(8))))
                .containsExactly(quarter(1), quarter(3));
    }

    @Test
    void summaryOfAnEmptyDataset() throws Exception {
        assertThat(store.view().summary(SYSTEM_LOAD)).isEqualTo(
                new DatasetSummary(0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void summaryCountsRowsAndFindsNewestFetches() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(4, 1.0, null, null, null, null),
                load(9, 2.0, null, null, null, null)), DAY));
        Batch success = batch(SYSTEM_LOAD, List.of(load(2, 3.0, null, null, null, null),
                load(4, 1.5, null, null, null, null)), DAY);
        store.write(success);
        FetchRecord failed = failure(SYSTEM_LOAD, Failure.TRANSIENT, 503);
        store.logFailure(failed);

        DatasetSummary summary = store.view().summary(SYSTEM_LOAD);

        assertThat(summary.rows()).isEqualTo(3);
        assertThat(summary.first()).contains(T0.plus(FIVE_MINUTES.multipliedBy(2)));
        assertThat(summary.last()).contains(T0.plus(FIVE_MINUTES.multipliedBy(9)));
        assertThat(summary.lastFetch()).contains(failed);
        assertThat(summary.lastSuccess()).contains(success.fetch().withCounts(new WriteResult(1, 1, 0)));
    }

    @Test
    void fetchLogKeepsEveryField() throws Exception {
        FetchRecord plain = new FetchRecord("fetch-a", SYSTEM_LOAD.id(), DAY, "https://example.test/sl?day=2024-07-01",
                Instant.parse("2024-07-02T05:01:02.345Z"), 200, 123_456L,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "raw/sample/system_load/2024/07/01/fetch-a.json.gz", Duration.ofMillis(1_234), 0, 0, 0, null,
                "quarantined 2 rows at 2024-07-01T05:10Z: negative load");
        Batch batch = new Batch(SYSTEM_LOAD, plain, List.of(load(0, 1.0, null, null, null, null)), List.of(DAY),
                Instant.parse("2024-07-02T05:01:03.5Z"));
        store.write(batch);
        FetchRecord failed = new FetchRecord("fetch-b", SYSTEM_LOAD.id(), hours(1, 2), "file:/imports/sl.csv",
                Instant.parse("2024-07-02T06:00:00Z"), 0, 0, null, null, Duration.ofMillis(20_000), 0, 0, 0,
                Failure.BAD_DATA, "");
        store.logFailure(failed);

        assertThat(store.view().fetches(SYSTEM_LOAD, 10))
                .containsExactly(failed, plain.withCounts(new WriteResult(1, 0, 0)));
        assertThat(store.view().fetches(SYSTEM_LOAD, 1)).containsExactly(failed);
    }

    @Test
    void everyFailureClassRoundTrips() throws Exception {
        List<FetchRecord> logged = new ArrayList<>();
        for (Failure f : Failure.values()) {
            FetchRecord line = failure(SYSTEM_LOAD, f, 500);
            store.logFailure(line);
            logged.add(0, line);
        }

        assertThat(store.view().fetches(SYSTEM_LOAD, 100)).containsExactlyElementsOf(logged);
        assertThat(store.view().summary(SYSTEM_LOAD).lastSuccess()).isEmpty();
        assertThat(store.view().coverage(SYSTEM_LOAD, EVERYTHING)).isEmpty();
    }

    @Test
    void batchWithAnInvalidRowChangesNothing() throws Exception {
        Row kept = load(0, 1.0, null, null, null, null);
        store.write(batch(SYSTEM_LOAD, List.of(kept), hours(0, 1)));
        State before = state(SYSTEM_LOAD);

        Batch nullKey = batch(SYSTEM_LOAD, List.of(
                load(0, 99.0, null, null, null, null),
                load(1, 2.0, null, null, null, null),
                Row.of(null, 3.0, null, null, null, null),
                load(3, 4.0, null, null, null, null)), hours(0, 2));
        assertThatThrownBy(() -> store.write(nullKey)).isInstanceOf(StoreException.class);
        assertThat(state(SYSTEM_LOAD)).isEqualTo(before);

        Batch wrongType = batch(SYSTEM_LOAD, List.of(
                load(0, 99.0, null, null, null, null),
                Row.of(T0.plus(FIVE_MINUTES), 5, null, null, null, null)), hours(0, 2));
        assertThatThrownBy(() -> store.write(wrongType)).isInstanceOf(StoreException.class);
        assertThat(state(SYSTEM_LOAD)).isEqualTo(before);

        Batch tooNarrow = batch(SYSTEM_LOAD, List.of(Row.of(T0.plus(FIVE_MINUTES), 5.0)), hours(0, 2));
        assertThatThrownBy(() -> store.write(tooNarrow)).isInstanceOf(StoreException.class);
        assertThat(state(SYSTEM_LOAD)).isEqualTo(before);
    }

    @Test
    void batchWithDuplicateKeysIsRejected() throws Exception {
        State before = state(SETTLEMENT_POINT_PRICES);
        Batch duplicate = batch(SETTLEMENT_POINT_PRICES, List.of(
                price(0, "HB_NORTH", 1.0, null),
                price(0, "HB_SOUTH", 1.0, null),
                price(0, "HB_NORTH", 2.0, null)), DAY);

        assertThatThrownBy(() -> store.write(duplicate)).isInstanceOf(StoreException.class);
        assertThat(state(SETTLEMENT_POINT_PRICES)).isEqualTo(before);
    }

    @Test
    void datasetsAreIsolated() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), hours(0, 1)));
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 2.0, null, null, null, null)), hours(0, 1)));
        store.logFailure(failure(SYSTEM_LOAD, Failure.NOT_PUBLISHED, 404));

        assertThat(state(SETTLEMENT_POINT_PRICES)).isEqualTo(new State(List.of(), List.of(), List.of(), List.of()));
        assertThat(store.view().gridTimes(SETTLEMENT_POINT_PRICES, EVERYTHING)).isEmpty();
        assertThat(store.view().summary(SETTLEMENT_POINT_PRICES).rows()).isZero();
        assertThat(state(SYSTEM_LOAD).rows()).hasSize(1);
    }

    @Test
    void preparingAgainKeepsTheData() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), hours(0, 1)));
        State before = state(SYSTEM_LOAD);

        store.prepare(SYSTEM_LOAD);

        assertThat(state(SYSTEM_LOAD)).isEqualTo(before);
    }

    @Test
    void dataSurvivesReopening() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, 2L, "a", true, LocalDate.of(2024, 7, 1))), hours(0, 1)));
        store.write(batch(SYSTEM_LOAD, List.of(load(0, -1048.823, 2L, "a", true, LocalDate.of(2024, 7, 1))),
                hours(1, 2)));
        store.logFailure(failure(SYSTEM_LOAD, Failure.CONFIG, 401));
        State before = state(SYSTEM_LOAD);
        Store closing = store;
        store = null;

        Optional<Store> reopened = reopen(closing);
        Assumptions.assumeTrue(reopened.isPresent(), "this store keeps nothing after close");
        store = reopened.get();
        store.prepare(SYSTEM_LOAD);

        assertThat(state(SYSTEM_LOAD)).isEqualTo(before);
        assertThat(store.view().coverage(SYSTEM_LOAD, EVERYTHING)).containsExactly(hours(0, 2));
        WriteResult next = store.write(batch(SYSTEM_LOAD, List.of(load(0, -1048.823, 2L, "a", true,
                LocalDate.of(2024, 7, 1)), load(1, 1.0, null, null, null, null)), hours(2, 3)));
        assertThat(next).isEqualTo(new WriteResult(1, 0, 1));
    }

    /** Everything a store holds for one dataset, compared before and after a failed write. */
    /**
     * A JDBC connection to the store under test, for the checks of its SQL views; empty for a store
     * without SQL (those checks are then skipped).
     */
    protected Optional<java.sql.Connection> sql() {
        return Optional.empty();
    }

    @Test
    void standardViewsUnionTheMappedDatasetsThatExist() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(sql().isPresent(), "a store without SQL has no views");
        Dataset prices = SampleDatasets.SETTLEMENT_POINT_PRICES;
        Dataset load = SampleDatasets.SYSTEM_LOAD;
        store.prepare(prices);
        store.write(batch(prices, List.of(price(0, "HB_NORTH", 31.5, 2.0), price(0, "LZ_O'HARE", -4.25, null)),
                new Window(quarter(0), quarter(1))));
        java.util.List<dev.pmp.spi.StandardMapping> mappings = List.of(
                dev.pmp.spi.StandardMapping.of(dev.pmp.spi.StandardTable.LMP, prices)
                        .column("interval_start_utc", "interval_start_utc").column("interval_end_utc", "interval_end_utc")
                        .constant("iso", "SAMPLE").constant("market", "RT15M").column("location", "settlement_point")
                        .constant("location_type", "hub").column("lmp", "price").column("congestion", "congestion")
                        .restAbsent().build(),
                // Not prepared, so its table does not exist yet: the view leaves it out instead of failing.
                dev.pmp.spi.StandardMapping.of(dev.pmp.spi.StandardTable.LOAD, load)
                        .column("interval_start_utc", "time_utc")
                        .shifted("interval_end_utc", "time_utc", java.time.Duration.ofMinutes(5))
                        .constant("iso", "SAMPLE").constant("area", "system").column("load_mw", "load_mw").build());

        store.refreshStandardViews(mappings);

        java.sql.Connection c = sql().orElseThrow();
        List<String> lmp = new java.util.ArrayList<>();
        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet r = st.executeQuery(
                "SELECT iso, market, location, location_type, lmp, energy, congestion, loss, "
                        + "interval_end_utc - interval_start_utc AS len FROM lmp ORDER BY location")) {
            while (r.next()) {
                lmp.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                        + r.getObject(5) + " " + r.getObject(6) + " " + r.getObject(7) + " " + r.getObject(8));
            }
        }
        assertThat(lmp).containsExactly("SAMPLE RT15M HB_NORTH hub 31.5 null 2.0 null",
                "SAMPLE RT15M LZ_O'HARE hub -4.25 null null null");
        try (java.sql.Statement st = c.createStatement();
                java.sql.ResultSet r = st.executeQuery("SELECT count(*) FROM load")) {
            r.next();
            assertThat(r.getLong(1)).isZero();
        }

        store.prepare(load);
        store.write(batch(load, List.of(load(0, 1234.5, 3L, "ok", false, null)), new Window(T0, T0.plusSeconds(300))));
        store.refreshStandardViews(mappings);
        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet r = st.executeQuery(
                "SELECT area, load_mw, interval_end_utc > interval_start_utc FROM load")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1) + " " + r.getDouble(2) + " " + r.getBoolean(3)).isEqualTo("system 1234.5 true");
            assertThat(r.next()).isFalse();
        }
        try (java.sql.Statement st = c.createStatement();
                java.sql.ResultSet r = st.executeQuery("SELECT count(*) FROM fuel_mix")) {
            r.next();
            assertThat(r.getLong(1)).isZero();
        }
    }

    @Test
    void outboxKeepsEventsInOrderUntilDeliveredAndAcrossReopening() throws Exception {
        Instant at = Instant.parse("2024-07-01T05:00:00.123456Z");
        store.appendEvents(List.of(
                new dev.pmp.spi.Event(0, "rows_arrived", "sample.system_load", at, "{\"n\":1}"),
                new dev.pmp.spi.Event(0, "fetch_failed", "sample.system_load", at.plusSeconds(1), "{\"n\":2}"),
                new dev.pmp.spi.Event(0, "gap_found", "sample.settlement_point_prices", at.plusSeconds(2), "{\"n\":3}")));
        List<dev.pmp.spi.Event> pending = store.pendingEvents(10);
        assertThat(pending).extracting(dev.pmp.spi.Event::type).containsExactly("rows_arrived", "fetch_failed", "gap_found");
        assertThat(pending.get(0).at()).isEqualTo(at);
        assertThat(pending.get(0).payload()).isEqualTo("{\"n\":1}");
        assertThat(pending.get(1).seq()).isGreaterThan(pending.get(0).seq());
        assertThat(store.pendingEvents(2)).hasSize(2);

        store.markDelivered(pending.get(1).seq());
        Optional<Store> reopened = reopen(store);
        if (reopened.isPresent()) {
            store = reopened.get();
        }
        assertThat(store.pendingEvents(10)).extracting(dev.pmp.spi.Event::type).containsExactly("gap_found");
        store.appendEvents(List.of(new dev.pmp.spi.Event(0, "rows_revised", "sample.system_load", at, "{}")));
        List<dev.pmp.spi.Event> after = store.pendingEvents(10);
        assertThat(after).hasSize(2);
        assertThat(after.get(1).seq()).isGreaterThan(after.get(0).seq());
        store.markDelivered(after.get(1).seq());
        assertThat(store.pendingEvents(10)).isEmpty();
    }

    @Test
    void aLeaseHasOneHolderUntilItLapsesOrIsReleased() throws Exception {
        Duration period = Duration.ofMillis(600);
        assertThat(store.acquireLease("dataset:a", "host-1:11", period)).isTrue();
        assertThat(store.acquireLease("dataset:a", "host-2:22", period)).isFalse();
        assertThat(store.acquireLease("dataset:a", "host-1:11", period)).isTrue();
        assertThat(store.acquireLease("dataset:b", "host-2:22", period)).isTrue();
        assertThat(store.leaseHolder("dataset:a")).contains("host-1:11");

        Thread.sleep(900);
        assertThat(store.leaseHolder("dataset:a")).isEmpty();
        assertThat(store.acquireLease("dataset:a", "host-2:22", Duration.ofMinutes(1))).isTrue();
        assertThat(store.acquireLease("dataset:a", "host-1:11", Duration.ofMinutes(1))).isFalse();

        store.releaseLeases("host-2:22");
        assertThat(store.leaseHolder("dataset:a")).isEmpty();
        assertThat(store.leaseHolder("dataset:b")).isEmpty();
        assertThat(store.acquireLease("dataset:a", "host-1:11", Duration.ofMinutes(1))).isTrue();
    }

    protected record State(List<Row> rows, List<Window> coverage, List<FetchRecord> fetches, List<Revision> revisions) {
    }

    protected State state(Dataset dataset) throws StoreException {
        return new State(scan(dataset, EVERYTHING), store.view().coverage(dataset, EVERYTHING),
                store.view().fetches(dataset, 1_000), store.view().revisions(dataset, 1_000));
    }

    protected List<Row> scan(Dataset dataset, Window within) throws StoreException {
        List<Row> rows = new ArrayList<>();
        store.view().scan(dataset, within, rows::add);
        return rows;
    }

    /** A batch with a fresh fetch id, ingested one second after the previous one. */
    protected Batch batch(Dataset dataset, List<Row> rows, Window covered) {
        return batch(dataset, rows, List.of(covered));
    }

    protected Batch batch(Dataset dataset, List<Row> rows, List<Window> covered) {
        fetchCounter++;
        Instant at = T0.plus(Duration.ofDays(1)).plusSeconds(fetchCounter);
        Window asked = covered.isEmpty() ? DAY : covered.get(0);
        FetchRecord fetch = new FetchRecord("fetch-" + fetchCounter, dataset.id(), asked,
                "https://example.test/" + dataset.name() + "?n=" + fetchCounter, at, 200, 1_000L + fetchCounter,
                "ab".repeat(32), null, Duration.ofMillis(15), 0, 0, 0, null, "");
        return new Batch(dataset, fetch, rows, covered, at.plusMillis(250));
    }

    protected FetchRecord failure(Dataset dataset, Failure failure, int httpStatus) {
        fetchCounter++;
        return new FetchRecord("fetch-" + fetchCounter, dataset.id(), DAY, "https://example.test/" + dataset.name(),
                T0.plus(Duration.ofDays(1)).plusSeconds(fetchCounter), httpStatus, 0, null, null,
                Duration.ofMillis(30_001), 0, 0, 0, failure, failure + " after " + fetchCounter + " attempts");
    }

    /** A {@link SampleDatasets#SYSTEM_LOAD} row at the {@code step}-th 5-minute point after {@link #T0}. */
    protected static Row load(int step, Double loadMw, Long units, String status, Boolean emergency, LocalDate day) {
        return Row.of(T0.plus(FIVE_MINUTES.multipliedBy(step)), loadMw, units, status, emergency, day);
    }

    /** A {@link SampleDatasets#SETTLEMENT_POINT_PRICES} row for the {@code step}-th quarter hour after {@link #T0}. */
    protected static Row price(int step, String settlementPoint, Double price, Double congestion) {
        return Row.of(quarter(step), quarter(step + 1), settlementPoint, price, congestion);
    }

    protected static Instant quarter(int step) {
        return T0.plus(QUARTER_HOUR.multipliedBy(step));
    }

    /** The window between two hour offsets from {@link #T0}. */
    protected static Window hours(int from, int to) {
        return new Window(T0.plus(Duration.ofHours(from)), T0.plus(Duration.ofHours(to)));
    }
}
