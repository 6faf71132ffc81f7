package dev.pmp.lake;

import static dev.pmp.testkit.SampleDatasets.SETTLEMENT_POINT_PRICES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Batch;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.store.duckdb.DuckDbStore;
import dev.pmp.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DuckDB store exports and fingerprints partitions itself; the lake then never reads a row out. */
class NativeExportTest {
    private static final Instant START = Instant.parse("2024-06-30T20:00:00Z");

    @TempDir
    Path dir;

    @Test
    void duckDbPartitionsAreExportedNativelySkippedWhenUnchangedAndRewrittenWhenARowChanges() throws Exception {
        try (DuckDbStore store = DuckDbStore.open(dir.resolve("pmp.duckdb"))) {
            store.prepare(SETTLEMENT_POINT_PRICES);
            write(store, rows(0.0), 1);
            Lake lake = new Lake(dir.resolve("lake"), new ManualClock(Instant.parse("2024-07-02T00:00:00Z")));

            assertThat(lake.sync(SETTLEMENT_POINT_PRICES, store.view()))
                    .isEqualTo(new SyncReport(SETTLEMENT_POINT_PRICES.id(), 2, 0, 48));
            Path june = lake.partition(SETTLEMENT_POINT_PRICES, YearMonth.of(2024, 6));
            PartitionManifest m = PartitionManifest.parse(Files.readString(june.resolve(Lake.MANIFEST)));
            assertThat(m.checksum()).startsWith("duckdb-hash-sum:");
            assertThat(m.rows()).isEqualTo(32);
            assertThat(m.minTime()).isEqualTo(START);
            assertThat(m.maxTime()).isEqualTo(Instant.parse("2024-06-30T23:45:00Z"));
            assertThat(lake.sync(SETTLEMENT_POINT_PRICES, store.view()))
                    .isEqualTo(new SyncReport(SETTLEMENT_POINT_PRICES.id(), 0, 2, 48));

            List<Row> changed = rows(0.0);
            changed.set(40, rows(0.25).get(40));
            write(store, changed, 2);
            assertThat(lake.sync(SETTLEMENT_POINT_PRICES, store.view()))
                    .isEqualTo(new SyncReport(SETTLEMENT_POINT_PRICES.id(), 1, 1, 48));
            assertThat(PartitionManifest.parse(Files.readString(june.resolve(Lake.MANIFEST)))).isEqualTo(m);

            List<String> back = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT epoch_us(interval_start_utc), settlement_point, price FROM "
                            + "read_parquet('" + dir.resolve("lake") + "/**/*.parquet') ORDER BY 1, 2")) {
                while (r.next()) {
                    back.add(r.getLong(1) + " " + r.getString(2) + " " + r.getDouble(3));
                }
            }
            List<String> expected = new ArrayList<>();
            for (Row row : changed) {
                expected.add(row.instant(0).toEpochMilli() * 1000 + " " + row.text(2) + " " + row.number(3));
            }
            assertThat(back).isEqualTo(expected);
        }
    }

    /** 24 quarter hours across the turn of the month for two points, in natural-key order. */
    private static List<Row> rows(double offset) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Instant s = START.plus(Duration.ofMinutes(15L * i));
            for (String p : List.of("HB_HOUSTON", "HB_NORTH")) {
                rows.add(Row.of(s, s.plus(Duration.ofMinutes(15)), p, 30.5 + i + offset, i % 3 == 0 ? null : 1.25));
            }
        }
        return rows;
    }

    private static void write(DuckDbStore store, List<Row> rows, int n) throws Exception {
        Window w = new Window(START, START.plus(Duration.ofHours(6)));
        FetchRecord f = new FetchRecord("f" + n, SETTLEMENT_POINT_PRICES.id(), w, "test:", w.end(), 200, 0, null, null,
                Duration.ZERO, 0, 0, 0, null, "");
        store.write(new Batch(SETTLEMENT_POINT_PRICES, f, rows, List.of(w), w.end()));
    }
}
