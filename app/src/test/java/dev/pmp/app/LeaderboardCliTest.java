package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.catalog.Catalog;
import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.store.duckdb.DuckDbStore;
import dev.pmp.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pmp leaderboard} in-process on a DuckDB store holding one hand-computed pre-RTC+B day of a PWRSTR + load
 * resource pair, written in the ERCOT source's own dataset schemas; and the derived dataset in the catalog.
 */
class LeaderboardCliTest {
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final LocalDate DAY = LocalDate.of(2024, 7, 10);
    private static final String NODE = "BAT2_RN";

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void store() throws Exception {
        cli = new Cli(new ManualClock(Instant.parse("2026-11-21T00:00:00Z")));
        Path db = dir.resolve("pmp.duckdb");
        cli.env.put("PMP_STORE", "duckdb:" + db);
        Catalog catalog = Catalog.load();
        Instant start = DAY.atStartOfDay(ZONE).toInstant();
        Instant end = DAY.plusDays(1).atStartOfDay(ZONE).toInstant();
        Map<String, List<Row>> rows = new HashMap<>();
        for (Instant h = start; h.isBefore(end); h = h.plusSeconds(3600)) {
            int i = (int) ((h.getEpochSecond() - start.getEpochSecond()) / 3600);
            add(rows, catalog, "ercot.dam_gen_resources_60d", "interval_start_utc", h, "interval_end_utc",
                    h.plusSeconds(3600), "resource_name", "BAT2_UNIT1", "resource_type", "PWRSTR", "settlement_point",
                    NODE, "hsl_mw", 50.0, "awarded_mw", i == 18 ? 10.0 : 0.0, "regup_awarded_mw", i == 0 ? 4.0 : 0.0);
            add(rows, catalog, "ercot.dam_load_resources_60d", "interval_start_utc", h, "interval_end_utc",
                    h.plusSeconds(3600), "resource_name", "BAT2_LD1", "rrsufr_awarded_mw", i == 0 ? 3.0 : 0.0);
            add(rows, catalog, "ercot.spp_day_ahead_hourly", "interval_start_utc", h, "interval_end_utc",
                    h.plusSeconds(3600), "settlement_point", NODE, "price_usd_per_mwh", 50.0);
            for (String product : List.of("REGUP", "RRS")) {
                add(rows, catalog, "ercot.as_prices_day_ahead", "interval_start_utc", h, "interval_end_utc",
                        h.plusSeconds(3600), "ancillary_type", product, "mcpc_usd_per_mw", product.equals("REGUP") ? 10.0 : 8.0);
            }
        }
        for (Instant q = start; q.isBefore(end); q = q.plusSeconds(900)) {
            int i = (int) ((q.getEpochSecond() - start.getEpochSecond()) / 900);
            add(rows, catalog, "ercot.sced_smne_60d", "interval_start_utc", q, "interval_end_utc", q.plusSeconds(900),
                    "resource_name", "BAT2_UNIT1", "metered_net_energy_mwh", i >= 72 && i < 76 ? 3.0 : 0.0);
            add(rows, catalog, "ercot.spp_real_time_15min", "interval_start_utc", q, "interval_end_utc",
                    q.plusSeconds(900), "settlement_point", NODE, "settlement_point_type", "RN", "price_usd_per_mwh",
                    i >= 12 && i < 16 ? 20.0 : i >= 72 && i < 76 ? 100.0 : 40.0);
        }
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(300)) {
            long s = t.getEpochSecond() - start.getEpochSecond();
            add(rows, catalog, "ercot.sced_load_resources_60d", "time_utc", t, "sced_time_utc", t, "resource_name",
                    "BAT2_LD1", "real_power_consumption_mw", s >= 3 * 3600 && s < 4 * 3600 ? 20.0 : 0.0);
        }
        try (DuckDbStore duck = DuckDbStore.open(db)) {
            for (Dataset d : catalog.datasets()) {
                if (!d.id().startsWith("ercot.") || !(d.id().contains("60d") || d.id().startsWith("ercot.spp_")
                        || d.id().startsWith("ercot.as_prices_"))) {
                    continue;
                }
                duck.prepare(d);
                Window w = new Window(start, end);
                FetchRecord f = new FetchRecord("f-" + d.id(), d.id(), w, "test:" + d.id(), Instant.EPOCH, 200, 0, null,
                        null, Duration.ZERO, 0, 0, 0, null, "");
                duck.write(new Batch(d, f, rows.getOrDefault(d.id(), List.of()), List.of(w), Instant.EPOCH));
            }
        }
    }

    private static void add(Map<String, List<Row>> rows, Catalog catalog, String id, Object... pairs) {
        Dataset d = catalog.dataset(id);
        Object[] v = new Object[d.schema().width()];
        for (int i = 0; i < pairs.length; i += 2) {
            int c = d.schema().indexOf((String) pairs[i]);
            if (c >= 0) {
                v[c] = pairs[i + 1];
            } else if (!pairs[i].equals("sced_time_utc")) {
                throw new IllegalArgumentException(id + " has no column " + pairs[i]);
            }
        }
        rows.computeIfAbsent(id, k -> new ArrayList<>()).add(Row.of(v));
    }

    @Test
    void theDashboardsTableIsTheCommandsJson() throws Exception {
        Cli.Result r = cli.run("leaderboard", "--year", "2024", "--month", "7", "--format", "json", "--top", "5");
        assertThat(r.exit()).as(r.toString()).isZero();
        String dashboard;
        try (Pmp pmp = Pmp.open(AppSettings.load(cli.env, Map.of()), new ManualClock(Instant.parse("2026-11-21T00:00:00Z")),
                "test")) {
            dashboard = BatteryLeaderboard.json(pmp, 2024, 7, 5);
        }
        assertThat(dashboard).isEqualTo(r.out()).contains("\"resource_name\": \"BAT2_UNIT1\"", "364");
    }

    @Test
    void ranksThePairWithLoadSideChargingAndWritesTheDerivedDataset() {
        Cli.Result r = cli.run("leaderboard", "--year", "2024", "--month", "7", "--format", "csv", "--write");
        assertThat(r.exit()).as(r.toString()).isZero();
        // DA 10 MW x 50 = 500; RT +0.5 MWh x 100 x 4 - 5 MWh x 20 x 4 = -200; RegUp 4 x 10 = 40; RRS (load UFR) 3 x 8 = 24.
        String line = r.out().lines().filter(l -> l.contains("BAT2_UNIT1")).findFirst().orElseThrow();
        assertThat(line).contains(",500.00,-200.00,40.00,0.00,24.00,0.00,0.00,364.00,");
        assertThat(r.err()).contains("analytics.bess_revenue_daily 22 inserted");

        Cli.Result explain = cli.run("leaderboard", "explain", "BAT2_LD1", "--day", "2024-07-10");
        assertThat(explain.exit()).as(explain.toString()).isZero();
        assertThat(explain.out()).contains("BAT2_UNIT1  2024-07-10", "SMNE 3.0000 MWh - load 0.0000 MWh", "TOTAL",
                "364.00", "QSE energy bids");

        // The derived dataset goes to the lake like any other.
        Path lake = dir.resolve("lake");
        Cli.Result sync = cli.run("lake", "sync", "analytics.bess_revenue_daily", "--to", lake.toString());
        assertThat(sync.exit()).as(sync.toString()).isZero();
        assertThat(lake.resolve("dataset=analytics.bess_revenue_daily/year=2024/month=07/part.parquet")).isRegularFile();
    }

    @Test
    void theWriteSendsRowsArrivedThroughTheWebhook() throws Exception {
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
        try {
            cli.env.put("PMP_WEBHOOK_URL", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
            Cli.Result r = cli.run("leaderboard", "--year", "2024", "--month", "7", "--write");
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(received).singleElement().asString().contains("\"type\":\"rows_arrived\"",
                    "analytics.bess_revenue_daily", "\"inserted\":22");
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void aPairingOverrideFileChangesWhatIsCounted() throws Exception {
        Path pairs = Files.writeString(dir.resolve("pairs.txt"), "BAT2_LD1 = -\n");
        Cli.Result r = cli.run("leaderboard", "--year", "2024", "--month", "7", "--format", "csv", "--pairs",
                pairs.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        // Without the load: DA 500, RT +200, RegUp 40.
        assertThat(r.out()).contains(",500.00,200.00,40.00,0.00,0.00,0.00,0.00,740.00,");
    }

    @Test
    void theDerivedDatasetIsInTheCatalogDisabledWithItsReason() {
        Cli.Result r = cli.run("datasets");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("analytics\\.bess_revenue_daily\\s+1d\\s+America/Chicago\\s+disabled")
                .contains("    disabled: derived dataset: computed by pmp leaderboard --write, not fetched");
    }
}
