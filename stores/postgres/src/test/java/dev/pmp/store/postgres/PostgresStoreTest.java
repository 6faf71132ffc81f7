package dev.pmp.store.postgres;

import static dev.pmp.testkit.SampleDatasets.SYSTEM_LOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Access;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on an embedded PostgreSQL server (a new database per test), plus what is
 * particular to PostgreSQL: the layout, binary staging, rollback of a half-done write, plain tables
 * when TimescaleDB is not available.
 */
class PostgresStoreTest extends StoreContract {
    private static final Window EVERYTHING = new Window(Instant.parse("1900-01-01T00:00:00Z"),
            Instant.parse("2100-01-01T00:00:00Z"));

    private static EmbeddedServer server;
    private String jdbcUrl;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected Optional<java.sql.Connection> sql() {
        return Optional.of(((PostgresStore) store).connection());
    }

    @Override
    protected Store newStore() throws Exception {
        jdbcUrl = server.migratedDatabase();
        return PostgresStore.open(jdbcUrl, EmbeddedServer.USER, null);
    }

    @Override
    protected Optional<Store> reopen(Store closed) throws Exception {
        closed.close();
        return Optional.of(PostgresStore.open(jdbcUrl, EmbeddedServer.USER, null));
    }

    @Test
    void writesTheDocumentedLayout() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), hours(0, 1)));
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 2.0, null, null, null, null)), hours(1, 2)));

        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedServer.USER, null);
                Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            assertThat(single(s, "SELECT fetch_id || ' ' || ingested_at_utc FROM sample.system_load"))
                    .isEqualTo("fetch-2 2024-07-02 05:00:02.25+00");
            assertThat(single(s, "SELECT fetch_id || ' ' || superseded_by_fetch_id || ' ' || load_mw || ' ' "
                    + "|| superseded_at_utc FROM sample.system_load__revisions"))
                    .isEqualTo("fetch-1 fetch-2 1 2024-07-02 05:00:02.25+00");
            assertThat(single(s, "SELECT count(*) || ' ' || min(start_utc) || ' ' || max(end_utc) FROM pmp.coverage"))
                    .isEqualTo("1 2024-07-01 05:00:00+00 2024-07-01 07:00:00+00");
            assertThat(single(s, "SELECT string_agg(rows_inserted || '/' || rows_updated || '/' || rows_unchanged, ' ' "
                    + "ORDER BY line) FROM pmp.fetches")).isEqualTo("1/0/0 0/1/0");
            assertThat(single(s, "SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) "
                    + "FROM information_schema.columns WHERE table_schema = 'sample' AND table_name = 'system_load'"))
                    .isEqualTo("time_utc timestamp with time zone, load_mw double precision, reporting_units bigint, "
                            + "status text, emergency boolean, operating_day date, "
                            + "ingested_at_utc timestamp with time zone, fetch_id text");
            assertThat(single(s, "SELECT string_agg(a.attname, ', ') FROM pg_index i JOIN pg_attribute a "
                    + "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                    + "WHERE i.indrelid = 'sample.settlement_point_prices'::regclass AND i.indisprimary"))
                    .contains("interval_start_utc").contains("settlement_point");
            assertThat(single(s, "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'")).isEqualTo("0");
        }
    }

    @Test
    void newRowsAreCopiedStraightInAndOverlappingOnesGoThroughTheStagedUpsert() throws Exception {
        store.prepare(SYSTEM_LOAD);
        // Nanoseconds in the ingestion time: the straight COPY truncates them like every other path.
        Instant ingested = Instant.parse("2024-07-01T06:00:00.123456789Z");
        Window w = new Window(T0, T0.plus(Duration.ofMinutes(15)));
        List<Row> rows = List.of(load(0, 1.5, 1L, "a", false, null), load(1, 2.5, 2L, "b", true, null),
                load(2, null, null, null, null, null));
        dev.pmp.spi.FetchRecord f = new dev.pmp.spi.FetchRecord("copy-1", SYSTEM_LOAD.id(), w, "test:", ingested, 200, 0,
                null, null, Duration.ZERO, 0, 0, 0, null, "");
        assertThat(store.write(new Batch(SYSTEM_LOAD, f, rows, List.of(w), ingested))).isEqualTo(new WriteResult(3, 0, 0));
        assertThat(scan(SYSTEM_LOAD, w)).containsExactlyElementsOf(rows);

        List<Row> changed = List.of(load(1, 2.75, 2L, "b", true, null), load(3, 4.0, 4L, "d", false, null));
        dev.pmp.spi.FetchRecord g = new dev.pmp.spi.FetchRecord("copy-2", SYSTEM_LOAD.id(), w, "test:", ingested, 200, 0,
                null, null, Duration.ZERO, 0, 0, 0, null, "");
        assertThat(store.write(new Batch(SYSTEM_LOAD, g, changed, List.of(w), ingested))).isEqualTo(new WriteResult(1, 1, 0));
        assertThat(store.view().revisions(SYSTEM_LOAD, 10)).hasSize(1);
        assertThat(scan(SYSTEM_LOAD, new Window(T0, T0.plus(Duration.ofHours(1))))).hasSize(4);
    }

    @Test
    void collectorsSharingTheDatabaseCreateTheSameNewTablesAtOnceWithoutFailing() throws Exception {
        // Three daemons starting together each prepare the same datasets of a source no one has created
        // yet. Unserialized, PostgreSQL's CREATE SCHEMA IF NOT EXISTS fails in all but one of them on
        // pg_namespace_nspname_index; CI saw exactly that.
        int collectors = 4;
        int rounds = 6;
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < collectors; i++) {
            stores.add(PostgresStore.open(jdbcUrl, EmbeddedServer.USER, null));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(collectors);
        try {
            for (int round = 0; round < rounds; round++) {
                Dataset fresh = renamed(SYSTEM_LOAD, "race" + round + ".system_load");
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(collectors);
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (Store each : stores) {
                    done.add(pool.submit(() -> {
                        start.await();
                        each.prepare(fresh);
                        each.refreshStandardViews(List.of());
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                stores.get(round % collectors).write(batch(fresh, List.of(load(0, 1.0, null, null, null, null)),
                        hours(0, 1)));
                assertThat(stores.get((round + 1) % collectors).view().coverage(fresh, EVERYTHING)).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
            for (Store each : stores) {
                each.close();
            }
        }
    }

    private static Dataset renamed(Dataset d, String id) {
        return new Dataset(id, d.title(), d.operatorReference(), d.schema(), d.timeShape(), d.access(), d.cadence(),
                d.marketZone(), d.publicationDelay(), d.grace(), d.earliest(), d.sourceRetention(), d.revisable(),
                d.maxWindow(), d.pollInterval());
    }

    @Test
    void usesPlainTablesWhenTimescaleIsNotAvailable() throws Exception {
        assertThat(store.toString()).doesNotContain("TimescaleDB");
        assertThat(PostgresStore.timescaleAvailable(((PostgresStore) store).connection())).isFalse();
    }

    @Test
    void failureAfterRowsWereWrittenRollsEverythingBack() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), hours(0, 1)));
        State before = state(SYSTEM_LOAD);
        PostgresStore postgres = (PostgresStore) store;
        try (Statement s = postgres.connection().createStatement()) {
            s.execute("ALTER TABLE pmp.coverage RENAME TO coverage_elsewhere");
        }

        Batch failing = batch(SYSTEM_LOAD, List.of(load(0, 2.0, null, null, null, null),
                load(1, 3.0, null, null, null, null)), hours(0, 2));
        assertThatThrownBy(() -> store.write(failing))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("rolled back");

        try (Statement s = postgres.connection().createStatement()) {
            s.execute("ALTER TABLE pmp.coverage_elsewhere RENAME TO coverage");
        }
        assertThat(state(SYSTEM_LOAD)).isEqualTo(before);
        assertThat(store.write(failing)).isEqualTo(new WriteResult(1, 1, 0));
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
    void refusesATableWhoseColumnsDifferFromTheDataset() {
        Dataset changed = new Dataset(SYSTEM_LOAD.id(), SYSTEM_LOAD.title(), SYSTEM_LOAD.operatorReference(),
                Schema.builder(TimeShape.POINT).value("load_mw", ColumnType.DOUBLE, "MW", "system load").build(),
                SYSTEM_LOAD.timeShape(), SYSTEM_LOAD.access(), SYSTEM_LOAD.cadence(), SYSTEM_LOAD.marketZone(),
                SYSTEM_LOAD.publicationDelay(), SYSTEM_LOAD.grace(), SYSTEM_LOAD.earliest(),
                SYSTEM_LOAD.sourceRetention(), SYSTEM_LOAD.revisable(), SYSTEM_LOAD.maxWindow());

        assertThatThrownBy(() -> store.prepare(changed))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("\"sample\".\"system_load\"")
                .hasMessageContaining("does not migrate");
    }

    @Test
    void readsADatasetNotPreparedInThisProcess() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null)), hours(0, 1)));
        store.close();
        store = PostgresStore.open(jdbcUrl, EmbeddedServer.USER, null);

        assertThat(scan(SYSTEM_LOAD, hours(0, 1))).containsExactly(load(0, 1.0, null, null, null, null));
        assertThatThrownBy(() -> store.write(batch(SYSTEM_LOAD, List.of(), hours(1, 2))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not prepared");
    }

    @Test
    void negativeZeroReadsBackButDoesNotReplaceAStoredZero() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 0.0, null, null, null, null),
                load(1, -0.0, null, null, null, null)), hours(0, 1)));

        assertThat(scan(SYSTEM_LOAD, hours(0, 1))).extracting(r -> r.get(1)).containsExactly(0.0, -0.0);
        WriteResult again = store.write(batch(SYSTEM_LOAD, List.of(load(0, -0.0, null, null, null, null),
                load(1, 0.0, null, null, null, null)), hours(0, 1)));

        assertThat(again).isEqualTo(new WriteResult(0, 0, 2));
        assertThat(scan(SYSTEM_LOAD, hours(0, 1))).extracting(r -> r.get(1)).containsExactly(0.0, -0.0);
    }

    @Test
    void aLargeBatchOfArbitraryDoublesReadsBackBitForBit() throws Exception {
        Random random = new Random(20240701);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double value;
            do {
                value = Double.longBitsToDouble(random.nextLong());
            } while (Double.isNaN(value) || Double.isInfinite(value));
            rows.add(Row.of(T0.plus(Duration.ofMinutes(5L * i)), value, random.nextLong(), "row " + i + " ✓",
                    random.nextBoolean(), LocalDate.ofEpochDay(random.nextInt(200_000) - 100_000)));
        }

        WriteResult result = store.write(batch(SYSTEM_LOAD, rows, hours(0, 1)));

        assertThat(result).isEqualTo(new WriteResult(20_000, 0, 0));
        assertThat(scan(SYSTEM_LOAD, EVERYTHING)).containsExactlyElementsOf(rows);
        assertThat(store.write(batch(SYSTEM_LOAD, rows, hours(0, 1)))).isEqualTo(new WriteResult(0, 0, 20_000));
    }

    @Test
    void aDatasetOfKeyColumnsOnlyAndKeywordNames() throws Exception {
        Dataset events = new Dataset("sample.events", "Events (sample)", "sample", Schema.builder(TimeShape.POINT)
                .key("user", ColumnType.VARCHAR, "a keyword as column name")
                .key("order", ColumnType.BIGINT, "another")
                .build(), TimeShape.POINT, Access.WINDOWED, Duration.ofMinutes(5), SYSTEM_LOAD.marketZone(),
                Duration.ZERO, Duration.ZERO, LocalDate.of(1960, 1, 1), Optional.empty(), false, Duration.ofDays(1));
        store.prepare(events);
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999Z");
        List<Row> rows = List.of(Row.of(beforeEpoch, "a", 1L), Row.of(T0, "a", 2L), Row.of(T0, "b", 1L));

        assertThat(store.write(batch(events, rows, hours(0, 1)))).isEqualTo(new WriteResult(3, 0, 0));
        assertThat(store.write(batch(events, rows, hours(0, 1)))).isEqualTo(new WriteResult(0, 0, 3));
        assertThat(scan(events, EVERYTHING)).containsExactlyElementsOf(rows);
        assertThat(store.view().revisions(events, 10)).isEmpty();
    }

    @Test
    void textKeysScanInByteOrderWhateverTheLocale() throws Exception {
        List<Row> rows = List.of(price(0, "A_B", 1.0, null), price(0, "AB", 1.0, null), price(0, "a", 1.0, null),
                price(0, "Ä", 1.0, null));
        store.write(batch(dev.pmp.testkit.SampleDatasets.SETTLEMENT_POINT_PRICES, List.of(rows.get(3), rows.get(2),
                rows.get(1), rows.get(0)), hours(0, 1)));

        assertThat(scan(dev.pmp.testkit.SampleDatasets.SETTLEMENT_POINT_PRICES, hours(0, 1)))
                .containsExactly(rows.get(1), rows.get(0), rows.get(2), rows.get(3));
    }

    @Test
    void aReaderThatFailsStopsTheScan() throws Exception {
        store.write(batch(SYSTEM_LOAD, List.of(load(0, 1.0, null, null, null, null),
                load(1, 2.0, null, null, null, null)), hours(0, 1)));

        assertThatThrownBy(() -> store.view().scan(SYSTEM_LOAD, hours(0, 1), row -> {
            throw new IllegalStateException("disk full");
        })).isInstanceOf(StoreException.class).hasMessageContaining("disk full");
        assertThat(scan(SYSTEM_LOAD, hours(0, 1))).hasSize(2);
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }
}
