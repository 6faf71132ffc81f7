package dev.pmp.source.isone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.http.AuthCredentials;
import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.http.HttpResult;
import dev.pmp.engine.http.HttpSettings;
import dev.pmp.engine.http.MonotonicClock;
import dev.pmp.engine.http.Priority;
import dev.pmp.engine.http.Sleeper;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.isone.IsoneEndpoint;
import dev.pmp.sim.isone.IsoneSeries;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backfills through the real engine ({@link Pipeline}, {@link HttpFetcher}, {@link AuthCredentials}) from the
 * simulator's ISO-NE endpoints, with faults injected: the ledger ends without a missing interval and the stored
 * rows are the simulator's.
 */
class IsoneBackfillTest {
    /** 2024-11-04 10:30 EST, the day after the fall-back day. */
    private static final Instant NOW = Instant.parse("2024-11-04T15:30:00Z");
    private static final LocalDate FALL_BACK = LocalDate.of(2024, 11, 3);

    private ManualClock clock;
    private Simulator sim;
    private final MemoryStore store = new MemoryStore();
    private final IsoneSource source = new IsoneSource();

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(NOW);
        sim = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(new IsoneEndpoint("user", "pass")));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Settings settings(boolean api) {
        Map<String, String> m = new HashMap<>();
        m.put("PMP_ISONE_API_URL", sim.uri(IsoneEndpoint.API).toString());
        m.put("PMP_ISONE_EXPRESS_URL", sim.uri(IsoneEndpoint.EXPRESS).toString());
        if (api) {
            m.put("PMP_ISONE_USERNAME", "user");
            m.put("PMP_ISONE_PASSWORD", "pass");
        }
        return key -> Optional.ofNullable(m.get(key));
    }

    private Pipeline pipeline(Settings settings) throws Exception {
        HttpSettings http = HttpSettings.defaults().withRetries(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(20))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
        HttpFetcher fetcher = new HttpFetcher(http,
                new AuthCredentials(Map.of("isone", source.auth(settings).orElseThrow()), clock, Duration.ofSeconds(5)),
                clock, new MonotonicClock(), Sleeper.system());
        Transport transport = (name, request, live) -> {
            HttpResult r = fetcher.fetch(name, request, live ? Priority.LIVE : Priority.BACKFILL);
            return new Transfer(r.response(), r.raw(), r.attempts());
        };
        return new Pipeline(store, transport, null, clock, report -> { });
    }

    private List<Row> rows(Dataset d, Window w) throws Exception {
        List<Row> out = new ArrayList<>();
        store.view().scan(d, w, out::add);
        return out;
    }

    private void assertNoGaps(Dataset d, Window span) throws Exception {
        assertThat(new Ledger(store.view()).gaps(d, span)).isEmpty();
        assertThat(store.view().coverage(d, span)).containsExactly(span);
    }

    @Test
    void backfillsSystemLoadOverTheApiThroughA500AndA429() throws Exception {
        Settings s = settings(true);
        Feed feed = source.feed(Load.ACTUAL_HOURLY, s);
        Window span = new Window(Answers.day(FALL_BACK.minusDays(1)).start(), Answers.day(FALL_BACK).end());
        sim.inject(IsoneEndpoint.API + "/hourlysysload/day/20241103", Fault.of(FaultKind.STATUS_500), 1);
        sim.inject(IsoneEndpoint.API + "/hourlysysload/day/20241102", Fault.tooManyRequests(Duration.ofSeconds(1)), 1);

        RunReport report = pipeline(s).fill(feed, List.of(span), false);

        assertThat(report.succeeded()).as(report.message()).isTrue();
        assertThat(report.fetches()).isEqualTo(2);
        assertNoGaps(Load.ACTUAL_HOURLY, span);
        List<Row> rows = rows(Load.ACTUAL_HOURLY, span);
        assertThat(rows).hasSize(24 + 25);
        for (Row r : rows) {
            Instant start = r.instant(0);
            assertThat(r.values()).containsExactly(start, start.plus(Duration.ofHours(1)), "32", "NEPOOL AREA",
                    Double.parseDouble(IsoneSeries.load(start)), Double.parseDouble(IsoneSeries.nativeLoad(start)),
                    Double.parseDouble(IsoneSeries.ardDemand()));
        }
    }

    @Test
    void backfillsDayAheadPricesFromTheCsvInsideASessionThroughAnHtmlWall() throws Exception {
        Settings s = settings(false);
        Feed feed = source.feed(Lmp.DAY_AHEAD_HOURLY, s);
        Window day = Answers.day(FALL_BACK);
        sim.inject(IsoneEndpoint.EXPRESS + "/static-transform/csv/histRpts/da-lmp/WW_DALMP_ISO_20241103.csv",
                Fault.of(FaultKind.HTML_200), 1);

        RunReport report = pipeline(s).fill(feed, List.of(day), false);

        assertThat(report.succeeded()).as(report.message()).isTrue();
        assertNoGaps(Lmp.DAY_AHEAD_HOURLY, day);
        List<Row> rows = rows(Lmp.DAY_AHEAD_HOURLY, day);
        assertThat(rows).hasSize(25 * 3);
        assertThat(rows.stream().map(r -> r.instant(0)).distinct().count()).isEqualTo(25);
        for (Row r : rows) {
            int i = List.of("4000", "4001", "4002").indexOf(r.text(2));
            assertThat(r.get(6)).isEqualTo(Double.parseDouble(IsoneSeries.lmp(r.instant(0), i)));
            assertThat(r.get(7)).isEqualTo(Double.parseDouble(IsoneSeries.energy(r.instant(0))));
        }
        assertThat(sim.requestCounts()).containsKey(IsoneEndpoint.EXPRESS + IsoneEndpoint.LANDING);
    }

    @Test
    void aPreliminaryDayIsSupersededByTheFinalOneAndKeptAsRevision() throws Exception {
        Settings s = settings(true);
        Feed feed = source.feed(Lmp.REAL_TIME_HOURLY, s);
        Window day = Answers.day(FALL_BACK);

        RunReport first = pipeline(s).fill(feed, List.of(day), false);
        assertThat(first.succeeded()).as(first.message()).isTrue();
        assertThat(rows(Lmp.REAL_TIME_HOURLY, day)).hasSize(75).allSatisfy(r -> assertThat(r.get(10)).isEqualTo(false));

        clock.set(IsoneSeries.dayStart(FALL_BACK.plusDays(3)));
        RunReport again = pipeline(s).fill(feed, List.of(day), false);
        assertThat(again.succeeded()).as(again.message()).isTrue();
        // The preliminary answer, set aside because the final edition is due, then the final one.
        assertThat(again.fetches()).isEqualTo(2);
        assertThat(rows(Lmp.REAL_TIME_HOURLY, day)).hasSize(75).allSatisfy(r -> assertThat(r.get(10)).isEqualTo(true));
        assertThat(store.view().revisions(Lmp.REAL_TIME_HOURLY, 1000)).hasSize(75)
                .allSatisfy(rev -> assertThat(rev.old().get(10)).isEqualTo(false));
        assertNoGaps(Lmp.REAL_TIME_HOURLY, day);
    }
}
