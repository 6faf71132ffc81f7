package dev.pmp.bench;

import dev.pmp.app.AppSettings;
import dev.pmp.app.Pmp;
import dev.pmp.engine.archive.RawArchive;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A store holding a catalog of a given size for {@code ercot.energy_storage_resources}: {@code rows}
 * five-minute samples of history ending where the simulator's two-day window starts, then one real update
 * from the simulator, so the catalog is in its warm, everyday state.
 */
final class CatalogFixture {
    static final String ESR = "ercot.energy_storage_resources";

    private CatalogFixture() {
    }

    /** The settings of a benchmark store in {@code dir} reading from the simulator at {@code simUri}. */
    static AppSettings settings(Path dir, String simUri) {
        return AppSettings.load(env(dir, simUri), Map.of());
    }

    /**
     * The environment of a benchmark run. The request budget is lifted: a daemon tick comes every five
     * minutes, so back-to-back ticks would otherwise measure the budget's one-per-second spacing.
     */
    static Map<String, String> env(Path dir, String simUri) {
        return Map.of("PMP_STORE", "duckdb:" + dir.resolve("pmp.duckdb"), "PMP_ERCOT_DASHBOARD_URL", simUri,
                "PMP_RATE_ERCOT", "1000 per second burst 1000");
    }

    /** Fills the store and runs one update; returns that update's report. */
    static RunReport build(AppSettings settings, Clock clock, int rows) throws Exception {
        try (Pmp pmp = Pmp.open(settings, clock, "benchmark setup")) {
            Feed feed = pmp.configured().get(ESR).feed().orElseThrow();
            Dataset d = feed.dataset();
            pmp.store().prepare(d);
            LocalDate today = LocalDate.ofInstant(clock.instant(), d.marketZone());
            Instant historyEnd = today.minusDays(1).atStartOfDay(d.marketZone()).toInstant();
            Instant historyStart = historyEnd.minus(d.cadence().multipliedBy(rows));
            int batch = 50_000;
            for (int done = 0; done < rows; done += batch) {
                int n = Math.min(batch, rows - done);
                List<Row> list = new ArrayList<>(n);
                Instant from = historyStart.plus(d.cadence().multipliedBy(done));
                for (int i = 0; i < n; i++) {
                    double charging = -400 - (done + i) % 997 * 0.731;
                    double discharging = 200 + (done + i) % 613 * 1.117;
                    list.add(Row.of(from.plus(d.cadence().multipliedBy(i)), round(charging), round(discharging),
                            round(charging + discharging)));
                }
                Window w = new Window(from, from.plus(d.cadence().multipliedBy(n)));
                FetchRecord f = new FetchRecord(UUID.randomUUID().toString(), ESR, w, "benchmark:history", clock.instant(),
                        0, 0, RawArchive.sha256(new byte[0]), null, Duration.ZERO, 0, 0, 0, null, "synthetic history");
                pmp.store().write(new Batch(d, f, list, List.of(w), clock.instant()));
            }
            RunReport first = pmp.pipeline(r -> { }).update(feed);
            if (!first.succeeded()) {
                throw new IllegalStateException("the fixture's first update failed: " + first.message());
            }
            return first;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
