package dev.pmp.source.nyiso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.http.Credentials;
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
import dev.pmp.sim.nyiso.MisEndpoint;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A month backfilled through the real {@link Pipeline} and {@link HttpFetcher} from the simulator's monthly
 * archives, with a fault injected: the ledger ends without a missing interval and the store holds exactly
 * what the simulator served. November 2024 holds the fall-back day.
 */
class SimulatorBackfillTest {

    private static final YearMonth NOV = YearMonth.of(2024, 11);
    private static final Instant NOW = Instant.parse("2024-12-10T15:00:00Z");

    private ManualClock clock;
    private Simulator simulator;
    private MemoryStore store;
    private Pipeline pipeline;
    private Settings settings;

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(NOW);
        simulator = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(new MisEndpoint()));
        settings = key -> key.equals(NyisoSettings.MIS_URL)
                ? Optional.of(simulator.uri(MisEndpoint.CSV_ROOT).toString()) : Optional.empty();
        HttpSettings http = HttpSettings.defaults().withDefaultRate(RequestRate.parse("1000 per second burst 100"))
                .withRetries(4, Duration.ofMillis(1), 2, Duration.ofMillis(10));
        // the sleeper moves the manual clock instead of waiting
        HttpFetcher fetcher = new HttpFetcher(http, Credentials.none(), clock, d -> clock.advance(d));
        Transport transport = (source, request, live) -> {
            HttpResult r = fetcher.fetch(source, request, live ? Priority.LIVE : Priority.BACKFILL);
            return new Transfer(r.response(), r.raw(), r.attempts());
        };
        store = new MemoryStore();
        pipeline = new Pipeline(store, transport, null, clock, report -> { });
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void backfillsAMonthOfDayAheadLbmpThroughA500() throws Exception {
        Dataset dataset = NyisoDatasets.LMP_DAY_AHEAD_HOURLY;
        Feed feed = new NyisoSource().feed(dataset, settings);
        simulator.inject(MisEndpoint.CSV_ROOT + "/damlbmp/20241101damlbmp_zone_csv.zip", Fault.of(FaultKind.STATUS_500), 1);

        RunReport report = pipeline.fill(feed, List.of(Payloads.month(NOV)), false);

        assertThat(report.failure()).isNull();
        assertThat(report.fetches()).isEqualTo(2);
        List<Gap> gaps = new Ledger(store.view()).gaps(dataset, Payloads.month(NOV));
        assertThat(gaps).isEmpty();
        // 30 days of 24 hours plus the repeated hour; 15 zone-file locations plus the reference bus
        int intervals = 30 * 24 + 1;
        List<Row> stored = scan(dataset);
        assertThat(stored).hasSize(intervals * 16);
        // the 500 and its retry
        assertThat(simulator.requestCounts()).containsEntry(MisEndpoint.CSV_ROOT + "/damlbmp/20241101damlbmp_zone_csv.zip", 2L);
        assertSameRows(stored, served(feed, Payloads.month(NOV)));
    }

    @Test
    void aWithheldHourBecomesASourceGapAndTheRestIsStored() throws Exception {
        Dataset dataset = NyisoDatasets.AS_PRICES_DAY_AHEAD;
        Feed feed = new NyisoSource().feed(dataset, settings);
        Window hour = new Window(Instant.parse("2024-11-12T15:00:00Z"), Instant.parse("2024-11-12T16:00:00Z"));
        simulator.withhold(hour);
        simulator.inject(MisEndpoint.CSV_ROOT + "/damasp/20241101damasp_csv.zip", Fault.of(FaultKind.TRUNCATED), 1);

        RunReport first = pipeline.fill(feed, List.of(Payloads.month(NOV)), false);
        // a truncated archive is bad data: nothing stored, the month stays missing
        assertThat(first.failure()).isNotNull();
        assertThat(new Ledger(store.view()).gaps(dataset, Payloads.month(NOV)))
                .allSatisfy(g -> assertThat(g.kind()).isEqualTo(GapKind.MISSING));

        RunReport second = pipeline.fill(feed, List.of(Payloads.month(NOV)), false);
        assertThat(second.failure()).isNull();
        List<Gap> gaps = new Ledger(store.view()).gaps(dataset, Payloads.month(NOV));
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(GapKind.SOURCE_GAP);
            assertThat(g.window()).isEqualTo(hour);
            assertThat(g.points()).isEqualTo(1);
        });
        assertSameRows(scan(dataset), served(feed, Payloads.month(NOV)));
    }

    @Test
    void recentDaysComeFromDailyFiles() throws Exception {
        Dataset dataset = NyisoDatasets.LOAD_ACTUAL;
        Feed feed = new NyisoSource().feed(dataset, settings);
        Window days = new Window(Payloads.day(LocalDate.of(2024, 12, 8)).start(), Instant.parse("2024-12-10T14:00:00Z"));

        RunReport report = pipeline.fill(feed, List.of(days), true);

        assertThat(report.failure()).isNull();
        assertThat(report.fetches()).isEqualTo(3);
        assertThat(new Ledger(store.view()).gaps(dataset, days)).isEmpty();
        // Dec 8 and 9 whole, Dec 10 00:00 ... 09:55 EST (published by 10:00 EST, past the window's end)
        assertThat(scan(dataset)).hasSize((288 + 288 + 120) * 11);
    }

    /**
     * A live pass over real-time LBMP: daily files of the last days (generator then zone file), RTC
     * advisory rows left out, coverage of the growing day held behind the fetch; a later pass catches up.
     */
    @Test
    void livePassesReadTheGrowingRealtimeFiles() throws Exception {
        Dataset dataset = NyisoDatasets.LMP_REAL_TIME_5MIN;
        Feed feed = new NyisoSource().feed(dataset, settings);

        RunReport first = pipeline.update(feed);

        assertThat(first.failure()).isNull();
        List<Row> stored = scan(dataset);
        // no RTC row: every stored interval ended before the simulator's cutoff (15:00Z minus 2 minutes)
        assertThat(stored).isNotEmpty().allSatisfy(r -> assertThat(r.instant(1)).isBefore(NOW.minusSeconds(120)));
        Window today = Payloads.day(LocalDate.of(2024, 12, 10));
        // covered up to 15 minutes before the fetch (rows after it are stored, but the span is fetched again)
        assertThat(store.view().coverage(dataset, today)).last()
                .satisfies(w -> assertThat(w.end()).isEqualTo(Instant.parse("2024-12-10T14:45:00Z")));
        assertThat(new Ledger(store.view()).gaps(dataset, new Window(today.start(), NOW.minusSeconds(300)))).isEmpty();

        clock.advance(Duration.ofMinutes(30));
        RunReport second = pipeline.update(feed);
        assertThat(second.failure()).isNull();
        assertThat(store.view().coverage(dataset, today)).last()
                .satisfies(w -> assertThat(w.end()).isEqualTo(Instant.parse("2024-12-10T15:15:00Z")));
        assertThat(scan(dataset).stream().filter(r -> r.text(2).equals("NYISO_LBMP_REFERENCE"))).isNotEmpty();
    }

    private static void assertSameRows(List<Row> stored, List<Row> served) {
        assertThat(stored).hasSameSizeAs(served);
        assertThat(new HashSet<>(stored)).isEqualTo(new HashSet<>(served));
    }

    private List<Row> scan(Dataset dataset) throws Exception {
        List<Row> rows = new ArrayList<>();
        store.view().scan(dataset, new Window(Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")),
                rows::add);
        return rows;
    }

    /** What the simulator serves for the window now, read straight over HTTP and parsed by the feed. */
    private List<Row> served(Feed feed, Window window) throws Exception {
        List<Row> rows = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        Optional<FetchRequest> request = Optional.of(feed.request(window));
        while (request.isPresent()) {
            URI uri = request.get().uri();
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            Parsed p = feed.parse(window, new FetchResponse(uri, 200, "", r.body(), clock.instant()));
            rows.addAll(p.rows());
            request = p.next();
        }
        return rows;
    }
}
