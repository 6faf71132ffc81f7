package dev.pmp.source.elexon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.http.Credentials;
import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.http.HttpResult;
import dev.pmp.engine.http.HttpSettings;
import dev.pmp.engine.http.MonotonicClock;
import dev.pmp.engine.http.Priority;
import dev.pmp.engine.http.RequestRate;
import dev.pmp.engine.http.Sleeper;
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
import dev.pmp.sim.elexon.InsightsEndpoint;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real backfill over the fall-back day 2024-10-27 (50 settlement periods) through the engine's
 * {@link Pipeline} and {@link HttpFetcher} against the simulator's Insights endpoint, with faults
 * injected: the ledger ends without a missing interval and the stored rows equal what the simulator serves.
 */
class BackfillThroughSimulatorTest {
    private static final Instant DAY_START = Instant.parse("2024-10-26T23:00:00Z");
    private static final Instant DAY_END = Instant.parse("2024-10-28T00:00:00Z");

    private ManualClock clock;
    private Simulator sim;
    private MemoryStore store;
    private Pipeline pipeline;
    private final ElexonSource source = new ElexonSource();

    /** The pipeline's transport over the engine's fetcher, as the app's own adapter does. */
    private record FetcherTransport(HttpFetcher fetcher) implements Transport {
        @Override
        public Transfer fetch(String name, dev.pmp.spi.FetchRequest request, boolean live) throws SourceException {
            HttpResult r = fetcher.fetch(name, request, live ? Priority.LIVE : Priority.BACKFILL);
            return new Transfer(r.response(), r.raw(), r.attempts());
        }
    }

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(Instant.parse("2024-10-28T06:00:00Z"));
        sim = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(new InsightsEndpoint(Duration.ofMinutes(1))));
        HttpSettings http = HttpSettings.defaults().withRetries(4, Duration.ofMillis(5), 2, Duration.ofMillis(20))
                .withDefaultRate(RequestRate.parse("1000 per second burst 100")).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        HttpFetcher fetcher = new HttpFetcher(http, Credentials.none(), clock, new MonotonicClock(), Sleeper.system());
        store = new MemoryStore();
        pipeline = new Pipeline(store, new FetcherTransport(fetcher), null, clock, report -> { });
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Feed feed(String code) throws SourceException {
        String api = sim.baseUri() + InsightsEndpoint.API_ROOT;
        return source.feed(ElexonCatalogue.byCode(code).orElseThrow(),
                key -> key.equals(ElexonSettings.API_URL) ? Optional.of(api) : Optional.empty());
    }

    private static List<Window> plan(Dataset d, Instant from, Instant to) {
        List<Window> out = new ArrayList<>();
        for (Instant s = from; s.isBefore(to); s = s.plus(d.maxWindow()).isAfter(to) ? to : s.plus(d.maxWindow())) {
            Instant e = s.plus(d.maxWindow()).isAfter(to) ? to : s.plus(d.maxWindow());
            out.add(new Window(s, e));
        }
        return out;
    }

    private List<Row> stored(Dataset d) throws Exception {
        List<Row> rows = new ArrayList<>();
        store.scan(d, new Window(DAY_START, DAY_END), rows::add);
        return rows;
    }

    @Test
    void midFallBackDayWithA500AndA429EndsGapFreeWithTheSimulatorsPrices() throws Exception {
        Feed mid = feed("MID");
        Dataset d = mid.dataset();
        String path = InsightsEndpoint.API_ROOT + "/datasets/MID/stream";
        sim.inject(path, Fault.of(FaultKind.STATUS_500), 1);
        sim.inject(path, new Fault(FaultKind.STATUS_429, Duration.ZERO, Duration.ZERO), 1);

        List<Window> windows = plan(d, DAY_START, DAY_END);
        RunReport report = pipeline.fill(mid, windows, false);

        assertThat(report.failure()).as(report.message()).isNull();
        // Both faults were answered and retried: two more requests than windows.
        assertThat(sim.requestCounts()).containsEntry(path, (long) windows.size() + 2);
        List<Gap> gaps = new Ledger(store.view()).gaps(d, new Window(DAY_START, DAY_END));
        assertThat(gaps).isEmpty();
        List<Row> rows = stored(d);
        assertThat(rows).hasSize(50 * 2);
        for (Row r : rows) {
            Instant start = r.instant(0);
            boolean apx = "APXMIDP".equals(Payloads.value("MID", r, "data_provider"));
            assertThat(Payloads.value("MID", r, "price")).isEqualTo(apx ? Double.parseDouble(InsightsEndpoint.price(start)) : 0.0);
        }
        assertThat(rows.get(rows.size() - 1).instant(0)).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
    }

    @Test
    void truncatedAnswerStopsTheFillAndARerunCompletesIt() throws Exception {
        Feed fuelhh = feed("FUELHH");
        Dataset d = fuelhh.dataset();
        sim.inject(InsightsEndpoint.API_ROOT + "/datasets/FUELHH/stream", Fault.of(FaultKind.TRUNCATED), 1);

        RunReport first = pipeline.fill(fuelhh, plan(d, DAY_START, DAY_END), false);
        assertThat(first.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(new Ledger(store.view()).gaps(d, new Window(DAY_START, DAY_END))).extracting(Gap::kind).containsOnly(GapKind.MISSING);

        RunReport second = pipeline.fill(fuelhh, plan(d, DAY_START, DAY_END), false);
        assertThat(second.failure()).as(second.message()).isNull();
        assertThat(new Ledger(store.view()).gaps(d, new Window(DAY_START, DAY_END))).isEmpty();
        List<Row> rows = stored(d);
        assertThat(rows).hasSize(50 * InsightsEndpoint.FUELS.size());
        for (Row r : rows) {
            String fuel = (String) Payloads.value("FUELHH", r, "fuel_type");
            assertThat(Payloads.value("FUELHH", r, "generation")).isEqualTo(InsightsEndpoint.generation(fuel, r.instant(0)));
        }
    }

    @Test
    void liveFuelinstUpdateAfterAWithheldIntervalFillsItOnceReleased() throws Exception {
        Feed fuelinst = feed("FUELINST");
        Dataset d = fuelinst.dataset();
        clock.set(Instant.parse("2024-10-27T01:17:00Z"));
        Window withheld = new Window(Instant.parse("2024-10-27T00:30:00Z"), Instant.parse("2024-10-27T00:35:00Z"));
        sim.withhold(withheld);
        Window hour = new Window(Instant.parse("2024-10-27T00:10:00Z"), Instant.parse("2024-10-27T01:10:00Z"));

        assertThat(pipeline.fill(fuelinst, List.of(hour), true).failure()).isNull();
        assertThat(new Ledger(store.view()).gaps(d, hour)).extracting(Gap::window, Gap::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(withheld, GapKind.SOURCE_GAP));

        sim.clearWithheld();
        assertThat(pipeline.fill(fuelinst, List.of(withheld), false).failure()).isNull();
        assertThat(new Ledger(store.view()).gaps(d, hour)).isEmpty();
        assertThat(stored(d)).filteredOn(r -> hour.contains(r.instant(0))).hasSize(12 * InsightsEndpoint.FUELS.size());
    }
}
