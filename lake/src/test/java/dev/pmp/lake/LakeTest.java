package dev.pmp.lake;

import static dev.pmp.testkit.SampleDatasets.SETTLEMENT_POINT_PRICES;
import static dev.pmp.testkit.SampleDatasets.SYSTEM_LOAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncing a {@link MemoryStore} to a lake: partitions, manifests, skipped unchanged months, read-back. */
class LakeTest {
    /** Two hours either side of the turn of the month (UTC): rows in June and in July. */
    private static final Instant START = Instant.parse("2024-06-30T22:00:00Z");
    private static final Instant NOW = Instant.parse("2024-07-02T00:00:00Z");

    @TempDir
    Path dir;

    private MemoryStore store;
    private ManualClock clock;
    private Lake lake;
    private int fetches;

    @BeforeEach
    void setUp() {
        store = new MemoryStore();
        store.prepare(SYSTEM_LOAD);
        store.prepare(SETTLEMENT_POINT_PRICES);
        clock = new ManualClock(NOW);
        lake = new Lake(dir.resolve("lake"), clock);
    }

    @Test
    void aDatasetSpanningTwoMonthsBecomesTwoPartitionsWithManifests() throws Exception {
        write(SYSTEM_LOAD, loadRows(48, 0));

        SyncReport r = lake.sync(SYSTEM_LOAD, store);

        assertThat(r).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 2, 0, 48));
        Path june = lake.partition(SYSTEM_LOAD, YearMonth.of(2024, 6));
        assertThat(june).isEqualTo(dir.resolve("lake/dataset=sample.system_load/year=2024/month=06"));
        assertThat(june.resolve(Lake.PART)).exists();
        PartitionManifest m = PartitionManifest.parse(Files.readString(june.resolve(Lake.MANIFEST)));
        assertThat(m.rows()).isEqualTo(24);
        assertThat(m.minTime()).isEqualTo(START);
        assertThat(m.maxTime()).isEqualTo(Instant.parse("2024-06-30T23:55:00Z"));
        assertThat(m.writtenAt()).isEqualTo(NOW);
        assertThat(m.checksum()).hasSize(64);
        assertThat(PartitionManifest.parse(m.toJson())).isEqualTo(m);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aSecondSyncWithoutChangesWritesNothingAndAChangedRowRewritesOnlyItsMonth() throws Exception {
        write(SYSTEM_LOAD, loadRows(48, 0));
        lake.sync(SYSTEM_LOAD, store);
        Path june = lake.partition(SYSTEM_LOAD, YearMonth.of(2024, 6)).resolve(Lake.PART);
        Path july = lake.partition(SYSTEM_LOAD, YearMonth.of(2024, 7)).resolve(Lake.PART);
        var juneWritten = Files.getLastModifiedTime(june);
        String julyManifest = Files.readString(july.resolveSibling(Lake.MANIFEST));

        clock.advance(Duration.ofHours(1));
        assertThat(lake.sync(SYSTEM_LOAD, store)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 0, 2, 48));
        assertThat(Files.readString(july.resolveSibling(Lake.MANIFEST))).isEqualTo(julyManifest);

        Row revised = Row.of(START.plus(Duration.ofMinutes(30 * 5)), 999.25, 3L, "revised", true, LocalDate.of(2024, 7, 1));
        write(SYSTEM_LOAD, List.of(revised));
        clock.advance(Duration.ofHours(1));

        assertThat(lake.sync(SYSTEM_LOAD, store)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 1, 1, 48));
        assertThat(Files.readString(july.resolveSibling(Lake.MANIFEST))).isNotEqualTo(julyManifest)
                .contains("\"written_at_utc\": \"2024-07-02T02:00:00Z\"");
        assertThat(Files.getLastModifiedTime(june)).isEqualTo(juneWritten);
        assertThat(readBack(SYSTEM_LOAD, "time_utc")).isEqualTo(storeRows(SYSTEM_LOAD));
    }

    @Test
    void theFilesReadBackThroughDuckDbAsTheStoreRowsWithExactDoublesAndInstants() throws Exception {
        List<Row> rows = loadRows(48, 0);
        rows.set(3, Row.of(rows.get(3).instant(0), null, null, null, null, null));
        rows.set(5, Row.of(rows.get(5).instant(0), 0.1 + 0.2, Long.MAX_VALUE, "quote \" and, comma", false,
                LocalDate.of(2024, 6, 30)));
        write(SYSTEM_LOAD, rows);
        lake.sync(SYSTEM_LOAD, store);

        assertThat(readBack(SYSTEM_LOAD, "time_utc")).isEqualTo(storeRows(SYSTEM_LOAD)).hasSize(48);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT month), min(dataset) FROM read_parquet('"
                        + dir.resolve("lake/dataset=sample.system_load") + "/**/*.parquet', hive_partitioning=true)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(48);
            assertThat(rs.getLong(2)).isEqualTo(2);
            assertThat(rs.getString(3)).isEqualTo(SYSTEM_LOAD.id());
        }
    }

    @Test
    void anIntervalDatasetWithATextKeyIsPartitionedByIntervalStart() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Instant t = START.plus(Duration.ofMinutes(15L * i));
            for (String point : List.of("HB_NORTH", "LZ_HOUSTON", "BUS \"7\"")) {
                rows.add(Row.of(t, t.plus(Duration.ofMinutes(15)), point, 20.125 + i, i % 3 == 0 ? null : -0.5 * i));
            }
        }
        write(SETTLEMENT_POINT_PRICES, rows);

        assertThat(lake.sync(SETTLEMENT_POINT_PRICES, store)).isEqualTo(new SyncReport(SETTLEMENT_POINT_PRICES.id(), 2, 0, 48));
        PartitionManifest july = PartitionManifest.parse(Files.readString(
                lake.partition(SETTLEMENT_POINT_PRICES, YearMonth.of(2024, 7)).resolve(Lake.MANIFEST)));
        assertThat(july.rows()).isEqualTo(24);
        assertThat(july.minTime()).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
        assertThat(readBack(SETTLEMENT_POINT_PRICES, "interval_start_utc, settlement_point"))
                .isEqualTo(storeRows(SETTLEMENT_POINT_PRICES));
        assertThat(lake.sync(SETTLEMENT_POINT_PRICES, store)).isEqualTo(new SyncReport(SETTLEMENT_POINT_PRICES.id(), 0, 2, 48));
    }

    @Test
    void anEmptyDatasetWritesNothingAndAMissingFileIsWrittenAgain() throws Exception {
        assertThat(lake.sync(SYSTEM_LOAD, store)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 0, 0, 0));
        assertThat(dir.resolve("lake")).doesNotExist();

        write(SYSTEM_LOAD, loadRows(48, 0));
        lake.sync(SYSTEM_LOAD, store);
        Files.delete(lake.partition(SYSTEM_LOAD, YearMonth.of(2024, 6)).resolve(Lake.PART));
        assertThat(lake.sync(SYSTEM_LOAD, store)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 1, 1, 48));
    }

    @Test
    void annualRollupWritesOneFilePerYearAndSkipsAnUnchangedYear() throws Exception {
        write(SYSTEM_LOAD, loadRows(48, 0));

        assertThat(lake.rollup(SYSTEM_LOAD, store, 2024)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 1, 0, 48));
        assertThat(lake.rollup(SYSTEM_LOAD, store, 2024)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 0, 1, 48));
        assertThat(lake.rollup(SYSTEM_LOAD, store, 2023)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 0, 0, 0));

        Path annual = dir.resolve("lake").resolve(Lake.annualDir(SYSTEM_LOAD, 2024));
        assertThat(annual).isEqualTo(dir.resolve("lake/annual/dataset=sample.system_load/year=2024"));
        PartitionManifest m = PartitionManifest.parse(Files.readString(annual.resolve(Lake.MANIFEST)));
        assertThat(m.month()).isZero();
        assertThat(m.rows()).isEqualTo(48);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), min(time_utc) < max(time_utc) FROM read_parquet('"
                        + annual.resolve(Lake.PART) + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(48);
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    private List<Row> loadRows(int count, double offset) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Row.of(START.plus(Duration.ofMinutes(5L * i)), -1048.823 + i + offset, (long) i, "ok", i % 2 == 0,
                    LocalDate.of(2024, 6, 30)));
        }
        return rows;
    }

    private void write(Dataset d, List<Row> rows) throws Exception {
        fetches++;
        Window covered = new Window(START, NOW);
        FetchRecord f = new FetchRecord("fetch-" + fetches, d.id(), covered, "https://example.test/" + d.name(), NOW, 200,
                10, null, null, Duration.ofMillis(5), 0, 0, 0, null, "");
        store.write(new Batch(d, f, rows, List.of(covered), NOW));
    }

    private List<Row> storeRows(Dataset d) throws Exception {
        List<Row> rows = new ArrayList<>();
        store.scan(d, new Window(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")), rows::add);
        return rows;
    }

    /** The lake's rows of a dataset, typed back into {@link Row}s; times through their epoch microseconds. */
    private List<Row> readBack(Dataset d, String orderBy) throws Exception {
        List<String> select = new ArrayList<>();
        for (var col : d.schema().columns()) {
            String q = '"' + col.name() + '"';
            select.add(switch (col.type()) {
                case TIMESTAMP -> "epoch_us(" + q + ")";
                case DATE, DOUBLE, BIGINT, VARCHAR, BOOLEAN -> q;
            });
        }
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + String.join(", ", select) + " FROM read_parquet('"
                        + dir.resolve("lake/dataset=" + d.id()) + "/**/*.parquet', hive_partitioning=true) ORDER BY " + orderBy)) {
            while (rs.next()) {
                Object[] values = new Object[d.schema().width()];
                for (int i = 0; i < values.length; i++) {
                    Object v = rs.getObject(i + 1);
                    values[i] = v == null ? null : switch (d.schema().columns().get(i).type()) {
                        case TIMESTAMP -> Instant.EPOCH.plus(Duration.ofNanos(((Number) v).longValue() * 1000));
                        case DATE -> rs.getObject(i + 1, LocalDate.class);
                        case DOUBLE -> ((Number) v).doubleValue();
                        case BIGINT -> ((Number) v).longValue();
                        case VARCHAR -> v.toString();
                        case BOOLEAN -> (Boolean) v;
                    };
                }
                rows.add(Row.of(values));
            }
        }
        return rows;
    }
}
