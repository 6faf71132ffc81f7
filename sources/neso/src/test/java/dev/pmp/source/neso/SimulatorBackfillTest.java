package dev.pmp.source.neso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.http.Credentials;
import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.http.HttpResult;
import dev.pmp.engine.http.HttpSettings;
import dev.pmp.engine.http.Priority;
import dev.pmp.engine.http.RequestRate;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.sim.neso.NesoEndpoint;
import dev.pmp.sim.neso.PortalTables;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Row;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real backfill through the engine's {@link Pipeline} and {@link HttpFetcher} against the NESO endpoint of
 * the loopback simulator, with NESO's published budgets (budget waits are recorded on a manual clock, not
 * slept) and faults injected.
 */
class SimulatorBackfillTest {

    private static final Instant NOW = Instant.parse("2024-11-05T10:10:00Z");
    /** 21 October to 3 November 2024, local days: the autumn clock change inside. */
    private static final Window WEEKS = new Window(Instant.parse("2024-10-20T23:00:00Z"), Instant.parse("2024-11-04T00:00:00Z"));
    private static final String DATASTORE_SEARCH = "/neso/api/3/action/datastore_search";

    private final ManualClock clock = new ManualClock(NOW);
    private final ManualClock budgetClock = new ManualClock(Instant.EPOCH);
    private final MemoryStore store = new MemoryStore();
    private final List<FetchRequest> sent = new ArrayList<>();
    private Simulator sim;
    private HttpFetcher fetcher;
    private Pipeline pipeline;
    private Settings settings;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(new NesoEndpoint()));
        NesoSource source = new NesoSource();
        HttpSettings http = HttpSettings.defaults().withRetries(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50));
        for (Map.Entry<String, String> rate : source.requestRates().entrySet()) {
            String lane = rate.getKey().isEmpty() ? "neso" : "neso/" + rate.getKey();
            http = http.withSourceRate(lane, RequestRate.parse(rate.getValue()));
        }
        fetcher = new HttpFetcher(http, Credentials.none(), clock, budgetClock, budgetClock::advance);
        Transport transport = (name, request, live) -> {
            sent.add(request);
            HttpResult r = fetcher.fetch(name, request, live ? Priority.LIVE : Priority.BACKFILL);
            return new Transfer(r.response(), r.raw(), r.attempts());
        };
        pipeline = new Pipeline(store, transport, null, clock, report -> { });
        String base = sim.baseUri().toString().replaceAll("/$", "");
        settings = key -> switch (key) {
            case "PMP_NESO_API_URL" -> Optional.of(base + "/neso");
            case "PMP_CARBON_INTENSITY_URL" -> Optional.of(base + "/neso/carbonintensity");
            default -> Optional.empty();
        };
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void historicDemandIsFilledAcrossTheClockChangeDespiteFaultsAndPacedOnTheDatastoreBudget() throws Exception {
        Dataset dataset = HistoricDemand.DATASET;
        var feed = new NesoSource().feed(dataset, settings);
        sim.inject(DATASTORE_SEARCH, Fault.of(FaultKind.TRUNCATED), 1);

        RunReport failed = pipeline.fill(feed, List.of(WEEKS), false);

        assertThat(failed.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(failed.message()).contains("ends early");
        assertThat(store.coverage(dataset, WEEKS)).isEmpty();

        sim.inject(DATASTORE_SEARCH, Fault.of(FaultKind.STATUS_500), 1);
        RunReport report = pipeline.fill(feed, List.of(WEEKS), false);

        assertThat(report.succeeded()).as(report.message()).isTrue();
        assertThat(new Ledger(store).gaps(dataset, WEEKS)).isEmpty();
        assertThat(store.coverage(dataset, WEEKS)).containsExactly(WEEKS);
        List<Row> rows = new ArrayList<>();
        store.scan(dataset, WEEKS, rows::add);
        // 14 local days, one of them 50 periods long.
        assertThat(rows).hasSize(14 * 48 + 2);
        for (Row r : rows) {
            assertThat(r.get(4)).isEqualTo((double) PortalTables.nd(r.instant(0)));
            assertThat(r.get(5)).isEqualTo((double) PortalTables.tsd(r.instant(0)));
        }
        assertThat(rows.get(0).instant(0)).isEqualTo(WEEKS.start());
        assertThat(rows.get(rows.size() - 1).instant(0)).isEqualTo(Instant.parse("2024-11-03T23:30:00Z"));

        // The year holds 14,834 rows, served 5,000 a page: each pass reads the catalogue, then pages.
        assertThat(sent).extracting(r -> r.uri().getPath().substring(r.uri().getPath().lastIndexOf('/') + 1))
                .containsExactly("package_show", "datastore_search", "package_show", "datastore_search",
                        "datastore_search", "datastore_search");
        assertThat(sent).filteredOn(r -> r.uri().getPath().endsWith("datastore_search"))
                .allSatisfy(r -> assertThat(r.budget()).contains("datastore"));
        assertThat(sent).filteredOn(r -> r.uri().getPath().endsWith("package_show"))
                .allSatisfy(r -> assertThat(r.budget()).isEmpty());
        assertThat(sent.get(4).uri().getRawQuery()).endsWith("&offset=5000");
        // Five datastore attempts (one retried 500) at 2 per minute: four waits of 30 s, less the backoff slept.
        assertThat(fetcher.stats("neso/datastore").attempts()).isEqualTo(5);
        assertThat(fetcher.stats("neso/datastore").budgetWaited()).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120));
    }

    @Test
    void theGenerationMixAndCarbonIntensityFillTheirWindows() throws SourceException, Exception {
        Window day = new Window(Instant.parse("2024-10-26T23:00:00Z"), Instant.parse("2024-10-28T00:00:00Z"));
        for (Dataset dataset : List.of(HistoricGenerationMix.DATASET, CarbonIntensityNational.DATASET,
                CarbonIntensityRegional.DATASET)) {
            var feed = new NesoSource().feed(dataset, settings);
            RunReport report = pipeline.fill(feed, List.of(day), false);
            assertThat(report.succeeded()).as(dataset.id() + ": " + report.message()).isTrue();
            assertThat(new Ledger(store).gaps(dataset, day)).as(dataset.id()).isEmpty();
            assertThat(store.gridTimes(dataset, day)).as(dataset.id()).hasSize(50);
        }
        List<Row> regional = new ArrayList<>();
        store.scan(CarbonIntensityRegional.DATASET, day, regional::add);
        assertThat(regional).hasSize(50 * 18);
        assertThat(regional).allSatisfy(r -> assertThat(r.get(5))
                .isEqualTo((double) NesoEndpoint.regionalForecast(((Long) r.get(2)).intValue(), r.instant(0))));
    }

    @Test
    void aWithheldStretchBecomesASourceGapAndIsFilledWhenPublished() throws Exception {
        Window day = new Window(Instant.parse("2024-11-04T00:00:00Z"), Instant.parse("2024-11-05T00:00:00Z"));
        var feed = new NesoSource().feed(HistoricGenerationMix.DATASET, settings);
        sim.withhold(Window.of(Instant.parse("2024-11-04T06:00:00Z"), Duration.ofHours(1)));

        assertThat(pipeline.fill(feed, List.of(day), false).succeeded()).isTrue();
        assertThat(new Ledger(store).gaps(HistoricGenerationMix.DATASET, day)).singleElement()
                .satisfies(g -> assertThat(g.points()).isEqualTo(2));

        sim.clearWithheld();
        assertThat(pipeline.fill(feed, List.of(day), false).succeeded()).isTrue();
        assertThat(new Ledger(store).gaps(HistoricGenerationMix.DATASET, day)).isEmpty();
        assertThat(store.gridTimes(HistoricGenerationMix.DATASET, day)).hasSize(48);
    }

    @Test
    void aNonNumericValueIsHeldBackAndAnEmptyAnswerIsNotPublishedUntilTheSourceRecovers() throws Exception {
        Window day = new Window(Instant.parse("2024-11-04T00:00:00Z"), Instant.parse("2024-11-05T00:00:00Z"));
        Dataset dataset = HistoricGenerationMix.DATASET;
        var feed = new NesoSource().feed(dataset, settings);
        String sql = "/neso/api/3/action/datastore_search_sql";

        sim.inject(sql, Fault.of(FaultKind.EMPTY_DATA), 1);
        RunReport empty = pipeline.fill(feed, List.of(day), false);
        assertThat(empty.failure()).isEqualTo(Failure.NOT_PUBLISHED);
        assertThat(store.coverage(dataset, day)).isEmpty();

        sim.inject(sql, Fault.of(FaultKind.NOT_A_NUMBER), 1);
        RunReport spoilt = pipeline.fill(feed, List.of(day), false);
        assertThat(spoilt.succeeded()).isTrue();
        assertThat(spoilt.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(day.start(), Duration.ofMinutes(30)));
            assertThat(q.reason()).contains("column GAS", "\"abc\" is not a number");
        });
        assertThat(store.coverage(dataset, day)).containsExactly(new Window(Instant.parse("2024-11-04T00:30:00Z"), day.end()));

        assertThat(pipeline.fill(feed, List.of(day), false).succeeded()).isTrue();
        assertThat(new Ledger(store).gaps(dataset, day)).isEmpty();
        assertThat(store.gridTimes(dataset, day)).hasSize(48);
    }
}
