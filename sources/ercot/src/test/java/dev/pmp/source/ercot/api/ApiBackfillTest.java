package dev.pmp.source.ercot.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.ercotapi.ErcotApiEndpoint;
import dev.pmp.sim.ercotapi.SppPostings;
import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.Auth;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import dev.pmp.testkit.http.FixtureServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real backfills through the engine: {@link Pipeline} + {@link HttpFetcher} + {@link MemoryStore} against
 * the simulator's Public API fake, signing in with the {@link Auth.BearerToken} the source describes (the
 * token form is POSTed to a {@link FixtureServer}, standing in for Azure B2C). Budgets and backoff
 * run on the manual clock, so the simulator's 30-per-minute limit and the source's budget share one time.
 */
class ApiBackfillTest {

    private static final Instant NOW = Instant.parse("2026-02-15T18:00:00Z");
    private static final Dataset RT = ErcotReport.NP6_905_CD.dataset();

    private final ManualClock clock = new ManualClock(NOW);
    private SimulatedApi api;
    private MemoryStore store;
    private Pipeline pipeline;
    private Feed feed;

    @BeforeEach
    void start() throws Exception {
        // Every call is recorded with its query, so a second download of one document would show.
        api = new SimulatedApi(clock, Map.of(ApiSettings.PAGE_SIZE, "2000"));
        store = new MemoryStore();
        pipeline = new Pipeline(store, api.transport, null, clock, report -> { });
        feed = api.source.feed(RT, api.settings);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** November 2025 (with the fall-back day) from its monthly bundle, the listing failing once with a 500. */
    @Test
    void backfillsAMonthFromItsBundle() throws Exception {
        api.sim.inject(ErcotApiEndpoint.BASE + "/bundle/np6-905-cd", Fault.of(FaultKind.STATUS_500), 1);
        Window november = new Window(Instant.parse("2025-11-01T05:00:00Z"), Instant.parse("2025-12-01T06:00:00Z"));

        RunReport report = pipeline.fill(feed, List.of(november), false);

        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(new Ledger(store.view()).gaps(RT, november)).isEmpty();
        List<Row> stored = scan(november);
        // 30 days x 96 intervals + the repeated hour's 4 = 2884 intervals of 28 points
        assertThat(stored).hasSize(2884 * SppPostings.points());
        assertThat(new HashSet<>(stored)).isEqualTo(new HashSet<>(expected(november)));
        assertThat(stored.stream().filter(r -> r.text(2).equals("HB_NORTH")
                && r.instant(0).isBefore(Instant.parse("2025-11-02T09:00:00Z"))
                && !r.instant(0).isBefore(Instant.parse("2025-11-02T05:00:00Z")))).hasSize(16);
        // The simulator answers a fault before the endpoint sees the call: the endpoint saw one listing and
        // one download, the simulator three calls on the path.
        assertThat(api.lines()).hasSize(2);
        assertThat(api.lines().get(0)).isEqualTo("200 " + ErcotApiEndpoint.BASE + "/bundle/np6-905-cd?{}");
        assertThat(api.lines().get(1)).matches("200 " + ErcotApiEndpoint.BASE + "/bundle/np6-905-cd\\?\\{download=\\d+}");
        assertThat(api.sim.requestCounts()).containsEntry(ErcotApiEndpoint.BASE + "/bundle/np6-905-cd", 3L);
        assertThat(api.b2c.requests("/token")).singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("POST"));
    }

    /** Three days through the query endpoint in pages, a 429 on the way, one hour never published. */
    @Test
    void backfillsDaysThroughQueryPagesWithASourceGap() throws Exception {
        Window days = new Window(Instant.parse("2026-02-01T06:00:00Z"), Instant.parse("2026-02-04T06:00:00Z"));
        Window withheld = Window.of(Instant.parse("2026-02-02T12:00:00Z"), Duration.ofHours(1));
        api.sim.withhold(withheld);
        api.sim.inject(ErcotApiEndpoint.BASE + "/np6-905-cd/spp_node_zone_hub", Fault.tooManyRequests(Duration.ofSeconds(2)), 1);

        RunReport report = pipeline.fill(feed, List.of(days), false);

        assertThat(report.failure()).as(report.message()).isNull();
        List<Gap> gaps = new Ledger(store.view()).gaps(RT, days);
        assertThat(gaps).extracting(Gap::kind).containsOnly(GapKind.SOURCE_GAP);
        assertThat(gaps.stream().mapToInt(Gap::points).sum()).isEqualTo(4);
        List<Row> expected = expected(days).stream().filter(r -> !withheld.contains(r.instant(0))).toList();
        List<Row> stored = scan(days);
        assertThat(stored).hasSize((3 * 96 - 4) * SppPostings.points());
        assertThat(new HashSet<>(stored)).isEqualTo(new HashSet<>(expected));
        // 284 intervals x 28 rows = 7952 rows: pages of 2000, each answered once; the 429 never reached the endpoint
        assertThat(api.lines().stream().filter(s -> s.startsWith("200 ")).map(s -> s.replaceAll(".*page=(\\d+).*", "$1")))
                .containsExactly("1", "2", "3", "4");
        assertThat(api.sim.requestCounts()).containsEntry(ErcotApiEndpoint.BASE + "/np6-905-cd/spp_node_zone_hub", 5L);
    }

    /** The live tail: a window reaching past what is posted covers only what is posted. */
    @Test
    void coversOnlyWhatIsPostedOfToday() throws Exception {
        Window today = new Window(Instant.parse("2026-02-15T06:00:00Z"), Instant.parse("2026-02-15T18:00:00Z"));
        RunReport report = pipeline.fill(feed, List.of(today), true);
        assertThat(report.failure()).as(report.message()).isNull();
        // 17:45-18:00Z is posted at 18:02Z: it stays missing, to be fetched again
        assertThat(new Ledger(store.view()).gaps(RT, today)).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(GapKind.MISSING);
            assertThat(g.window().start()).isEqualTo(Instant.parse("2026-02-15T17:45:00Z"));
        });
    }

    /** One interval from its archive posting: listing, then the single download; not posted yet is not an error. */
    @Test
    void fillsOneIntervalFromItsArchivePosting() throws Exception {
        Window interval = Window.of(Instant.parse("2026-02-15T17:30:00Z"), SppPostings.INTERVAL);
        RunReport report = pipeline.fill(feed, List.of(interval), false);
        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(scan(interval)).hasSize(SppPostings.points()).containsExactlyInAnyOrderElementsOf(expected(interval));
        assertThat(new Ledger(store.view()).gaps(RT, interval)).isEmpty();
        assertThat(api.lines()).hasSize(2);
        assertThat(api.lines().get(1)).isEqualTo("200 " + ErcotApiEndpoint.BASE + "/archive/np6-905-cd?{download="
                + SppPostings.docId(interval.start()) + "}");

        Window next = Window.of(Instant.parse("2026-02-15T17:45:00Z"), SppPostings.INTERVAL);
        RunReport early = pipeline.fill(feed, List.of(next), false);
        assertThat(early.failure()).isEqualTo(Failure.NOT_PUBLISHED);
        assertThat(new Ledger(store.view()).gaps(RT, next)).extracting(Gap::kind).containsExactly(GapKind.MISSING);
    }

    /** A live pass from an empty store: the last week through the query endpoint, caught up. */
    @Test
    void aLiveUpdateCatchesUp() throws Exception {
        RunReport report = pipeline.update(feed);
        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(report.caughtUp()).isTrue();
        assertThat(report.gaps()).isEmpty();
        Window week = new Window(NOW.minus(Duration.ofDays(7)), Instant.parse("2026-02-15T17:45:00Z"));
        assertThat(scan(week)).hasSize((int) (week.length().toMinutes() / 15) * SppPostings.points());
    }

    @Test
    void aWrongSubscriptionKeyIsAConfigurationError() throws Exception {
        api.close();
        api = new SimulatedApi(clock, Map.of(ApiSettings.KEY, "wrong"));
        pipeline = new Pipeline(store, api.transport, null, clock, report -> { });
        feed = api.source.feed(RT, api.settings);
        Window day = new Window(Instant.parse("2026-02-01T06:00:00Z"), Instant.parse("2026-02-02T06:00:00Z"));
        RunReport report = pipeline.fill(feed, List.of(day), false);
        assertThat(report.failure()).isEqualTo(Failure.CONFIG);
        assertThat(report.message()).doesNotContain("s3cret").doesNotContain(ErcotApiEndpoint.DEFAULT_TOKEN);
        assertThat(api.lines()).allSatisfy(s -> assertThat(s).startsWith("401 "));
    }

    private List<Row> scan(Window w) throws Exception {
        List<Row> rows = new ArrayList<>();
        store.scan(RT, w, rows::add);
        return rows;
    }

    private static List<Row> expected(Window w) {
        List<Row> rows = new ArrayList<>();
        for (Instant s = w.start(); s.isBefore(w.end()); s = s.plus(SppPostings.INTERVAL)) {
            for (SppPostings.Price p : SppPostings.prices(s)) {
                rows.add(Row.of(s, s.plus(SppPostings.INTERVAL), p.point(), p.type(), p.price(),
                        ErcotReport.locationType(p.point())));
            }
        }
        return rows;
    }
}
