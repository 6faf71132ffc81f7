package dev.pmp.store.duckdb;

import static dev.pmp.testkit.SampleDatasets.SETTLEMENT_POINT_PRICES;
import static dev.pmp.testkit.SampleDatasets.SYSTEM_LOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Batch;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import dev.pmp.testkit.StoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a DuckDB file, plus what is particular to DuckDB: the file layout and its version. */
class DuckDbStoreTest extends StoreContract {

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("data").resolve("pmp.duckdb");
    }

    @Override
    protected Optional<java.sql.Connection> sql() {
        return Optional.of(((DuckDbStore) store).connection());
    }

    @Override
    protected Store newStore() throws Exception {
        return DuckDbStore.open(file());
    }

    @Override
    protected Optional<Store> reopen(Store closed) throws Exception {
        closed.close();
        return Optional.of(DuckDbStore.open(file()));
    }

    @Test
    void opensInParentDirectoriesItCreates() {
        assertThat(file()).exists();
    }

    @Test
    void refusesAFileOfAnotherLayoutVersion() throws Exception {
        store.close();
        store = null;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file());
                Statement s = c.createStatement()) {
            s.execute("UPDATE pmp.pmp.schema_version SET version = 99");
        }

        assertThatThrownBy(() -> DuckDbStore.open(file()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("layout version [99]");
    }

    @Test
    void refusesATableWhoseColumnsDifferFromTheDataset() throws Exception {
        Dataset changed = new Dataset(SYSTEM_LOAD.id(), SYSTEM_LOAD.title(), SYSTEM_LOAD.operatorReference(),
                Schema.builder(TimeShape.POINT).value("load_mw", ColumnType.DOUBLE, "MW", "system load").build(),
                SYSTEM_LOAD.timeShape(), SYSTEM_LOAD.access(), SYSTEM_LOAD.cadence(), SYSTEM_LOAD.marketZone(),
                SYSTEM_LOAD.publicationDelay(), SYSTEM_LOAD.grace(), SYSTEM_LOAD.earliest(),
                SYSTEM_LOAD.sourceRetention(), SYSTEM_LOAD.revisable(), SYSTEM_LOAD.maxWindow());

        assertThatThrownBy(() -> store.prepare(changed))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("\"sample\".\"system_load\"");
    }

    @Test
    void writesTheDocumentedLayout() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), hours(0, 1)));
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 2.0, null, null, null, null)), hours(1, 2)));
        store.close();
        store = null;

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file());
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT fetch_id || ' ' || ingested_at_utc FROM pmp.sample.system_load"))
                    .isEqualTo("fetch-2 2024-07-02 05:00:02.25");
            assertThat(single(s, "SELECT fetch_id || ' ' || superseded_by_fetch_id || ' ' || load_mw "
                    + "FROM pmp.sample.system_load__revisions")).isEqualTo("fetch-1 fetch-2 1.0");
            assertThat(single(s, "SELECT count(*) || ' ' || min(start_utc) || ' ' || max(end_utc) FROM pmp.pmp.coverage"))
                    .isEqualTo("1 2024-07-01 05:00:00 2024-07-01 07:00:00");
            assertThat(single(s, "SELECT string_agg(rows_inserted || '/' || rows_updated || '/' || rows_unchanged, ' ' "
                    + "ORDER BY line) FROM pmp.pmp.fetches")).isEqualTo("1/0/0 0/1/0");
            assertThat(single(s, "SELECT version FROM pmp.pmp.schema_version")).isEqualTo("1");
            // No primary-key index: the write's own checks keep one row per natural key (see the README).
            assertThat(single(s, "SELECT count(*) FROM duckdb_constraints() WHERE schema_name = 'sample' "
                    + "AND table_name = 'system_load' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')")).isEqualTo("0");
            assertThat(single(s, "SELECT count(*) FROM duckdb_indexes() WHERE schema_name = 'sample'")).isEqualTo("0");
        }
    }

    /** Files written before the tables lost their primary key keep it, and are read and written the same. */
    @Test
    void aTableWithThePrimaryKeyOfEarlierBuildsWorksTheSame() throws Exception {
        store.close();
        store = null;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file());
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE pmp.sample.settlement_point_prices");
            s.execute("CREATE TABLE pmp.sample.settlement_point_prices (interval_start_utc TIMESTAMP NOT NULL, "
                    + "interval_end_utc TIMESTAMP NOT NULL, settlement_point VARCHAR NOT NULL, price DOUBLE, "
                    + "congestion DOUBLE, ingested_at_utc TIMESTAMP NOT NULL, fetch_id VARCHAR NOT NULL, "
                    + "PRIMARY KEY (interval_start_utc, settlement_point))");
        }
        store = DuckDbStore.open(file());
        store.prepare(SETTLEMENT_POINT_PRICES);
        DuckDbStore duck = (DuckDbStore) store;
        Window day = Window.of(T0, java.time.Duration.ofDays(1));
        store.write(batch(SETTLEMENT_POINT_PRICES, List.of(price(0, "HB_NORTH", 30.0, 1.0),
                price(1, "HB_NORTH", 31.0, null)), day));
        assertThat(store.write(batch(SETTLEMENT_POINT_PRICES, List.of(price(0, "HB_NORTH", 30.5, 1.0),
                price(1, "HB_NORTH", 31.0, null), price(2, "HB_NORTH", 32.0, null)), day)))
                .isEqualTo(new WriteResult(1, 1, 1));
        assertThat(scan(SETTLEMENT_POINT_PRICES, day)).containsExactly(price(0, "HB_NORTH", 30.5, 1.0),
                price(1, "HB_NORTH", 31.0, null), price(2, "HB_NORTH", 32.0, null));
        try (Statement s = duck.connection().createStatement()) {
            assertThat(single(s, "SELECT count(*) FROM duckdb_constraints() WHERE schema_name = 'sample' "
                    + "AND table_name = 'settlement_point_prices' AND constraint_type = 'PRIMARY KEY'")).isEqualTo("1");
        }
    }

    @Test
    void failureAfterRowsWereWrittenRollsEverythingBack() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), hours(0, 1)));
        State before = state(SYSTEM_LOAD);
        DuckDbStore duck = (DuckDbStore) store;
        String coverage = duck.catalogTable("coverage");
        try (Statement s = duck.connection().createStatement()) {
            s.execute("ALTER TABLE " + coverage + " RENAME TO coverage_elsewhere");
        }

        Batch failing = batch(SYSTEM_LOAD, List.of(load(0, 2.0, null, null, null, null),
                load(1, 3.0, null, null, null, null)), hours(0, 2));
        assertThatThrownBy(() -> store.write(failing))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("rolled back");

        try (Statement s = duck.connection().createStatement()) {
            s.execute("ALTER TABLE " + duck.catalogTable("coverage_elsewhere") + " RENAME TO coverage");
        }
        assertThat(state(SYSTEM_LOAD)).isEqualTo(before);
        assertThat(store.write(failing)).isEqualTo(new WriteResult(1, 1, 0));
    }

    /** A batch of new time is appended straight into the table inside the transaction: a rollback removes it. */
    @Test
    void failureAfterNewRowsWereAppendedRemovesThem() throws Exception {
        DuckDbStore duck = (DuckDbStore) store;
        try (Statement s = duck.connection().createStatement()) {
            s.execute("ALTER TABLE " + duck.catalogTable("coverage") + " RENAME TO coverage_elsewhere");
        }
        List<Row> rows = List.of(load(0, 1.0, null, null, null, null), load(1, 2.0, null, null, null, null));
        assertThatThrownBy(() -> store.write(batch(SYSTEM_LOAD, rows, hours(0, 1))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("rolled back");
        try (Statement s = duck.connection().createStatement()) {
            assertThat(single(s, "SELECT count(*) FROM pmp.sample.system_load")).isEqualTo("0");
            s.execute("ALTER TABLE " + duck.catalogTable("coverage_elsewhere") + " RENAME TO coverage");
        }
        assertThat(store.write(batch(SYSTEM_LOAD, rows, hours(0, 1)))).isEqualTo(new WriteResult(2, 0, 0));
        assertThat(scan(SYSTEM_LOAD, hours(0, 1))).containsExactlyElementsOf(rows);
    }

    @Test
    void rejectsInstantsFinerThanAMicrosecond() throws Exception {
        Row fine = Row.of(load(0, 1.0, null, null, null, null).instant(0).plusNanos(1), 1.0, null, null, null, null);

        assertThatThrownBy(() -> store.write(batch(SYSTEM_LOAD, List.of(fine), hours(0, 1))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("microsecond");
        assertThat(store.view().summary(SYSTEM_LOAD).lastFetch()).isEmpty();
    }

    @Test
    void inMemoryStoreStartsEmpty() throws Exception {
        try (DuckDbStore memory = DuckDbStore.inMemory()) {
            memory.prepare(SYSTEM_LOAD);
            assertThat(memory.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), hours(0, 1))))
                    .isEqualTo(new WriteResult(1, 0, 0));
            assertThat(memory.view().summary(SYSTEM_LOAD).rows()).isEqualTo(1);
        }
        try (DuckDbStore memory = DuckDbStore.inMemory()) {
            assertThat(memory.view().summary(SYSTEM_LOAD).rows()).isZero();
        }
    }

    @Test
    void readsADatasetNotPreparedInThisProcess() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), hours(0, 1)));
        store.close();
        store = DuckDbStore.open(file());

        assertThat(scan(SYSTEM_LOAD, hours(0, 1))).containsExactly(load(0, 1.0, null, null, null, null));
        assertThatThrownBy(() -> store.write(batch(SYSTEM_LOAD, List.of(), hours(1, 2))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not prepared");
        assertThat(Files.exists(file())).isTrue();
    }

    /** A backfill of new time: the table holds nothing in the batch's range, so rows go straight in. */
    @Test
    void writesANewRangeWithoutComparing() throws Exception {
        store.write(batch(SETTLEMENT_POINT_PRICES, List.of(price(0, "HB_NORTH", 20.0, 1.0)), hours(0, 1)));
        List<Row> later = new ArrayList<>();
        for (int step = 8; step < 12; step++) {
            for (String point : List.of("HB_NORTH", "HB_WEST", "LZ_AEN")) {
                later.add(price(step, point, 20.0 + step, null));
            }
        }

        assertThat(store.write(batch(SETTLEMENT_POINT_PRICES, later, hours(2, 3)))).isEqualTo(new WriteResult(12, 0, 0));

        State after = state(SETTLEMENT_POINT_PRICES);
        assertThat(after.rows()).hasSize(13).containsAll(later);
        assertThat(after.revisions()).isEmpty();
        assertThat(after.coverage()).containsExactly(hours(0, 1), hours(2, 3));
        assertThat(after.fetches().get(0).rowsInserted()).isEqualTo(12);
        assertThat(after.fetches().get(0).fetchId()).isEqualTo("fetch-2");
    }

    /** Rows already stored in the batch's range: values compared, changed ones kept as revisions. */
    @Test
    void aRangeWithStoredRowsStillKeepsRevisions() throws Exception {
        store.write(batch(SETTLEMENT_POINT_PRICES, List.of(price(0, "HB_NORTH", 20.0, 1.0),
                price(1, "HB_NORTH", 21.0, 1.0)), hours(0, 1)));

        WriteResult r = store.write(batch(SETTLEMENT_POINT_PRICES, List.of(price(0, "HB_NORTH", 20.0, 1.0),
                price(1, "HB_NORTH", 25.0, 1.0), price(2, "HB_NORTH", 22.0, null)), hours(0, 1)));

        assertThat(r).isEqualTo(new WriteResult(1, 1, 1));
        State after = state(SETTLEMENT_POINT_PRICES);
        assertThat(after.rows()).containsExactly(price(0, "HB_NORTH", 20.0, 1.0), price(1, "HB_NORTH", 25.0, 1.0),
                price(2, "HB_NORTH", 22.0, null));
        assertThat(after.revisions()).singleElement().satisfies(v -> {
            assertThat(v.old()).isEqualTo(price(1, "HB_NORTH", 21.0, 1.0));
            assertThat(v.supersededByFetch()).isEqualTo("fetch-2");
        });
    }

    /**
     * Batches one after another: into a gap between stored rows (nothing stored in its range), then across
     * stored rows (new, changed and unchanged together), then a repeat of everything (all unchanged).
     */
    @Test
    void mixedBatchesCountAndKeepRevisionsAsOneByOne() throws Exception {
        store.write(batch(SETTLEMENT_POINT_PRICES, List.of(price(0, "A", 1.0, null), price(8, "A", 8.0, null)),
                hours(0, 1)));

        WriteResult gap = store.write(batch(SETTLEMENT_POINT_PRICES, List.of(price(3, "A", 3.0, null),
                price(3, "B", 3.5, null), price(4, "A", 4.0, null)), hours(0, 1)));
        WriteResult across = store.write(batch(SETTLEMENT_POINT_PRICES, List.of(price(4, "A", 4.0, null),
                price(8, "A", 8.5, null), price(8, "B", 8.25, null), price(9, "A", 9.0, null)), hours(0, 1)));
        WriteResult again = store.write(batch(SETTLEMENT_POINT_PRICES, scan(SETTLEMENT_POINT_PRICES, hours(0, 24)),
                hours(0, 1)));

        assertThat(gap).isEqualTo(new WriteResult(3, 0, 0));
        assertThat(across).isEqualTo(new WriteResult(2, 1, 1));
        assertThat(again).isEqualTo(new WriteResult(0, 0, 7));
        assertThat(state(SETTLEMENT_POINT_PRICES).revisions()).extracting(v -> v.old())
                .containsExactly(price(8, "A", 8.0, null));
    }

    /** The key check of a bulk batch: a repeat is found even when the grid goes back to an earlier run. */
    @Test
    void aRepeatedKeyAnywhereInABigBatchWritesNothing() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int step = 0; step < 96; step++) {
            for (int p = 0; p < 100; p++) {
                rows.add(price(step, "NODE_" + p, step + p / 100.0, null));
            }
        }
        rows.add(price(5, "NODE_42", 0.0, null));

        assertThatThrownBy(() -> store.write(batch(SETTLEMENT_POINT_PRICES, rows, hours(0, 24))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("two rows for natural key")
                .hasMessageContaining("NODE_42");
        assertThat(state(SETTLEMENT_POINT_PRICES).rows()).isEmpty();
        assertThat(store.view().summary(SETTLEMENT_POINT_PRICES).lastFetch()).isEmpty();

        rows.remove(rows.size() - 1);
        assertThat(store.write(batch(SETTLEMENT_POINT_PRICES, rows, hours(0, 24)))).isEqualTo(new WriteResult(9600, 0, 0));
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }
}
