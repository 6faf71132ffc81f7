package dev.pmp.source.ercot.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.archive.RawArchive;
import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.sim.ercotapi.Disclosures;
import dev.pmp.sim.ercotapi.Disclosures.Product;
import dev.pmp.source.ercot.ErcotSource;
import dev.pmp.source.ercot.api.DisclosureFeed.Kind;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eight 60-day disclosure datasets backfilled through the engine ({@link Pipeline} + {@link HttpFetcher} +
 * {@link MemoryStore} + a real {@link RawArchive}) against the simulator's disclosure archives. The DAM zip feeds
 * three datasets and the SCED zip four: with the raw archive on, each daily zip is downloaded once.
 */
class DisclosureBackfillTest {

    private static final Instant NOW = Instant.parse("2026-02-15T18:00:00Z");
    /** Posted on 2026-02-08, after RTC+B: every file, ESR ones included. */
    private static final LocalDate DAY = LocalDate.of(2025, 12, 10);

    private final ManualClock clock = new ManualClock(NOW);
    @TempDir
    Path archiveRoot;
    private SimulatedApi api;
    private MemoryStore store;
    private Pipeline pipeline;
    private Settings settings;
    private ErcotSource source;

    @BeforeEach
    void start() throws Exception {
        api = new SimulatedApi(clock, Map.of());
        settings = api.settings;
        source = api.source;
        store = new MemoryStore();
        pipeline = new Pipeline(store, api.transport, new RawArchive(archiveRoot), clock, report -> { });
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static Window day(LocalDate d) {
        return new Window(d.atStartOfDay(Disclosures.ZONE).toInstant(), d.plusDays(1).atStartOfDay(Disclosures.ZONE).toInstant());
    }

    private List<Row> fill(Kind k, LocalDate d) throws Exception {
        Dataset dataset = k.report().dataset();
        RunReport report = pipeline.fill(source.feed(dataset, settings), List.of(day(d)), false);
        assertThat(report.failure()).as(k + ": " + report.message()).isNull();
        List<Row> rows = new ArrayList<>();
        store.scan(dataset, day(d), rows::add);
        return rows;
    }

    @Test
    void backfillsEveryDatasetAndDownloadsEachZipOnce() throws Exception {
        int hours = Disclosures.hours(DAY).size();
        int runs = Disclosures.scedRuns(DAY).size();
        int quarters = Disclosures.quarterHours(DAY).size();
        Map<Kind, Integer> expected = new java.util.EnumMap<>(Kind.class);
        expected.put(Kind.DAM_GEN, hours * Disclosures.generators(true).size());
        expected.put(Kind.DAM_LOAD, hours * Disclosures.loads(true).size());
        expected.put(Kind.DAM_ESR, hours * Disclosures.storage(true).size());
        expected.put(Kind.SCED_GEN, runs * Disclosures.generators(true).size());
        expected.put(Kind.SCED_LOAD, runs * Disclosures.loads(true).size());
        expected.put(Kind.SCED_ESR, runs * Disclosures.storage(true).size());
        expected.put(Kind.SCED_SMNE, quarters * Disclosures.metered(true).size());
        expected.put(Kind.COP, hours * Disclosures.planned(true).size());
        assertThat(expected.keySet()).containsExactly(Kind.values());
        for (Kind k : Kind.values()) {
            List<Row> rows = fill(k, DAY);
            assertThat(rows).as(k.toString()).hasSize(expected.get(k));
            Schema s = k.report().dataset().schema();
            rows.forEach(r -> assertThat(s.problemWith(r)).isNull());
        }

        // Values as the simulator wrote them.
        Instant firstHour = Disclosures.hours(DAY).get(0);
        List<Row> esr = new ArrayList<>();
        store.scan(Kind.DAM_ESR.report().dataset(), Window.of(firstHour, Duration.ofHours(1)), esr::add);
        Schema dam = Kind.DAM_ESR.report().dataset().schema();
        assertThat(esr).singleElement().satisfies(r -> {
            assertThat(r.get(dam.indexOf("resource_name"))).isEqualTo(Disclosures.ESR);
            assertThat(r.get(dam.indexOf("resource_type"))).isEqualTo("ESR");
            assertThat(r.get(dam.indexOf("awarded_mw"))).isEqualTo(Disclosures.value(Disclosures.ESR, firstHour, 2));
        });
        Instant firstRun = Disclosures.scedRuns(DAY).get(0);
        List<Row> gen = new ArrayList<>();
        store.scan(Kind.SCED_GEN.report().dataset(), Window.of(firstHour, Duration.ofMinutes(5)), gen::add);
        Schema sced = Kind.SCED_GEN.report().dataset().schema();
        assertThat(gen).singleElement().satisfies(r -> {
            assertThat(r.instant(1)).isEqualTo(firstRun);
            assertThat(r.get(sced.indexOf("base_point_mw"))).isEqualTo(Disclosures.value(Disclosures.GAS, firstRun, 2));
        });

        // One listing per dataset; one download per daily zip, however many datasets read it.
        for (Product p : Product.values()) {
            String download = "200 " + p.path() + "?{download=" + Disclosures.docId(p, DAY) + "}";
            assertThat(api.lines().stream().filter(download::equals)).as(p.toString()).hasSize(1);
        }
        assertThat(api.lines().stream().filter(s -> s.contains("postDatetimeFrom"))).hasSize(Kind.values().length);
    }

    /** A day whose disclosure is not posted yet (D+60 is after now) is not an error, only not published. */
    @Test
    void aDayNotPostedYetIsNotPublished() throws Exception {
        LocalDate late = LocalDate.of(2025, 12, 20);
        assertThat(Disclosures.postedAt(Product.SCED, late)).isAfter(NOW);
        RunReport report = pipeline.fill(source.feed(Kind.SCED_GEN.report().dataset(), settings), List.of(day(late)), false);
        assertThat(report.failure()).isEqualTo(Failure.NOT_PUBLISHED);
        assertThat(api.lines()).noneSatisfy(s -> assertThat(s).contains("download"));
    }
}
