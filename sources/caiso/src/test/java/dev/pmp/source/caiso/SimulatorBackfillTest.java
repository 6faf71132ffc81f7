package dev.pmp.source.caiso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.http.HttpResult;
import dev.pmp.engine.http.HttpSettings;
import dev.pmp.engine.http.Priority;
import dev.pmp.engine.http.RequestRate;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.sim.caiso.CaisoEndpoint;
import dev.pmp.sim.caiso.SimPrices;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Settings;
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
 * A real backfill through the engine's {@link Pipeline} and {@link HttpFetcher} against the simulator's
 * CAISO endpoint, across the 2024 fall-back day, with faults injected: the ledger must end without a
 * missing interval and the stored rows must be the simulator's.
 */
class SimulatorBackfillTest {
    /** 2024-11-04 12:02 PST. */
    private static final Instant NOW = Instant.parse("2024-11-04T20:02:00Z");
    /** 2024-11-02 00:00 PDT to 2024-11-04 12:00 PST: across the fall-back day. */
    private static final Window RANGE = new Window(Instant.parse("2024-11-02T07:00:00Z"),
            Instant.parse("2024-11-04T20:00:00Z"));

    private ManualClock clock;
    private Simulator sim;
    private MemoryStore store;
    private Pipeline pipeline;
    private Settings settings;

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(NOW);
        sim = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(new CaisoEndpoint()));
        HttpFetcher fetcher = new HttpFetcher(HttpSettings.defaults()
                .withDefaultRate(RequestRate.parse("1000 per second burst 100"))
                .withRetries(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)), clock);
        Transport transport = (source, request, live) -> {
            HttpResult r = fetcher.fetch(source, request, live ? Priority.LIVE : Priority.BACKFILL);
            return new Transfer(r.response(), r.raw(), r.attempts());
        };
        store = new MemoryStore();
        pipeline = new Pipeline(store, transport, null, clock, report -> { });
        Map<String, String> values = Map.of(CaisoSettings.OASIS_URL, sim.uri(CaisoEndpoint.OASIS_PATH).toString(),
                CaisoSettings.OUTLOOK_URL, sim.uri(CaisoEndpoint.OUTLOOK_BASE).toString());
        settings = key -> Optional.ofNullable(values.get(key));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static List<Window> plan(Dataset dataset, Duration step) {
        List<Window> out = new ArrayList<>();
        for (Instant from = RANGE.start(); from.isBefore(RANGE.end()); from = from.plus(step)) {
            Instant to = from.plus(step);
            out.add(new Window(from, to.isAfter(RANGE.end()) ? RANGE.end() : to));
        }
        assertThat(step).isLessThanOrEqualTo(dataset.maxWindow());
        return out;
    }

    private List<Row> rows(Dataset dataset) throws Exception {
        List<Row> rows = new ArrayList<>();
        store.scan(dataset, RANGE, rows::add);
        return rows;
    }

    private List<Gap> gaps(Dataset dataset) throws Exception {
        return new Ledger(store.view()).gaps(dataset, RANGE);
    }

    @Test
    void oasisRequestsAreSpacedFiveSecondsApartByTheSourcesOwnBudget() throws Exception {
        // The fetcher paced by CaisoSource's declared rate; its waits move the manual clock instead of sleeping.
        List<Duration> waits = new ArrayList<>();
        HttpSettings http = HttpSettings.defaults();
        for (Map.Entry<String, String> e : new CaisoSource().requestRates().entrySet()) {
            http = http.withSourceRate(e.getKey().isEmpty() ? "caiso" : "caiso/" + e.getKey(), RequestRate.parse(e.getValue()));
        }
        HttpFetcher paced = new HttpFetcher(http, dev.pmp.engine.http.Credentials.none(), clock, clock, d -> {
            waits.add(d);
            clock.advance(d);
        });
        Feed feed = new CaisoSource().feed(LocationalMarginalPrices.DAY_AHEAD_HOURLY, settings);
        Instant[] sent = new Instant[3];
        for (int i = 0; i < 3; i++) {
            Window day = new Window(RANGE.start().plus(Duration.ofDays(i)), RANGE.start().plus(Duration.ofDays(i + 1)));
            paced.fetch("caiso", feed.request(day), Priority.BACKFILL);
            sent[i] = clock.instant();
        }

        assertThat(Duration.between(sent[0], sent[1])).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(Duration.between(sent[1], sent[2])).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(paced.stats("caiso").budgetWaited()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(sim.requestCounts().get(CaisoEndpoint.OASIS_PATH)).isEqualTo(3);
    }

    @Test
    void fiveMinuteLmpSurvivesAServerErrorAndACutZipAndEndsWithoutGaps() throws Exception {
        Feed feed = new CaisoSource().feed(LocationalMarginalPrices.REAL_TIME_5MIN, settings);
        List<Window> windows = plan(feed.dataset(), Duration.ofDays(1));
        sim.inject(CaisoEndpoint.OASIS_PATH, Fault.of(FaultKind.STATUS_500), 1);
        sim.inject(CaisoEndpoint.OASIS_PATH, Fault.of(FaultKind.TRUNCATED), 1);

        RunReport first = pipeline.fill(feed, windows, false);

        // the 500 is retried by the fetcher; the cut zip is bad data and stops the pass
        assertThat(first.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(first.message()).contains("OASIS zip cannot be read");
        assertThat(gaps(feed.dataset())).extracting(Gap::kind).contains(GapKind.MISSING);

        RunReport second = pipeline.fill(feed, windows, false);

        assertThat(second.failure()).as(second.message()).isNull();
        assertThat(gaps(feed.dataset())).isEmpty();
        List<Row> rows = rows(feed.dataset());
        // 2024-11-02 (24 h) + 2024-11-03 (25 h) + 2024-11-04 until 12:00 PST (12 h) = 61 h of 12 intervals
        assertThat(rows).hasSize(61 * 12 * CaisoSettings.DEFAULT_NODES.size());
        assertThat(rows).allSatisfy(r -> {
            int node = CaisoSettings.DEFAULT_NODES.indexOf(r.text(2));
            Instant start = r.instant(0);
            assertThat(r.values()).containsExactly(start, start.plusSeconds(300), r.text(2),
                    LmpPivot.locationType(r.text(2)), SimPrices.lmp(node, start), SimPrices.energy(node, start),
                    SimPrices.congestion(node, start), SimPrices.loss(node, start), SimPrices.ghg(node, start));
        });
    }

    @Test
    void dayAheadLmpNotYetPublishedIsRetriedAtTheNextPass() throws Exception {
        Feed feed = new CaisoSource().feed(LocationalMarginalPrices.DAY_AHEAD_HOURLY, settings);
        sim.inject(CaisoEndpoint.OASIS_PATH, Fault.of(FaultKind.EMPTY_DATA), 1);

        RunReport first = pipeline.fill(feed, List.of(RANGE), false);
        assertThat(first.failure()).isEqualTo(Failure.NOT_PUBLISHED);

        RunReport second = pipeline.fill(feed, List.of(RANGE), false);
        assertThat(second.failure()).as(second.message()).isNull();
        assertThat(gaps(feed.dataset())).isEmpty();
        assertThat(rows(feed.dataset())).hasSize(61 * CaisoSettings.DEFAULT_NODES.size());
    }

    @Test
    void fuelMixSurvivesAnHtmlPageAndHolds300IntervalsOnTheFallBackDay() throws Exception {
        Feed feed = new CaisoSource().feed(FuelMix.DATASET, settings);
        sim.inject(CaisoEndpoint.PREFIX + "outlook/history/20241103/fuelsource.csv", Fault.of(FaultKind.HTML_200), 1);

        RunReport report = pipeline.fill(feed, plan(feed.dataset(), Duration.ofDays(1)), false);

        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(gaps(feed.dataset())).isEmpty();
        Window fallBack = new Window(Instant.parse("2024-11-03T07:00:00Z"), Instant.parse("2024-11-04T08:00:00Z"));
        List<Row> rows = new ArrayList<>();
        store.scan(feed.dataset(), fallBack, rows::add);
        assertThat(rows).hasSize(300 * 13);
        assertThat(rows).allSatisfy(r -> assertThat(r.number(3)).isEqualTo(SimPrices.fuel(
                FuelMix.KNOWN_FUELS.indexOf(r.text(2)), r.instant(0))));
    }

    @Test
    void loadForecastPagesThroughItsVintagesAgainstTheSimulator() throws Exception {
        Feed feed = new CaisoSource().feed(LoadForecast.DATASET, settings);

        RunReport report = pipeline.fill(feed, List.of(RANGE), false);

        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(report.fetches()).isEqualTo(3);
        assertThat(gaps(feed.dataset())).isEmpty();
        assertThat(rows(feed.dataset())).hasSize(61 * 4 * 3);
    }
}
