package dev.pmp.source.miso.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.miso.MisoEndpoint;
import dev.pmp.source.miso.EngineHarness;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.testkit.MemoryStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A day-ahead LMP backfill through the real engine ({@link Pipeline}, HTTP fetcher) against the
 * simulator's MISO market reports, with faults injected: 500s that the fetcher retries, and a cut-off
 * file that stops the pass until the next one.
 */
class MarketReportBackfillTest {

    private static final Instant NOW = Instant.parse("2026-10-10T12:00:00Z");
    private static final Instant OCT1 = Instant.parse("2026-10-01T05:00:00Z");
    private static final Dataset DATASET = HourlyLmpReport.DAY_AHEAD;

    private EngineHarness engine;
    private Simulator simulator;
    private MemoryStore store;
    private Pipeline pipeline;
    private Feed feed;

    @BeforeEach
    void start() throws Exception {
        engine = new EngineHarness(NOW);
        simulator = engine.simulator;
        store = engine.store;
        pipeline = engine.pipeline;
        feed = engine.feed(DATASET);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private static List<Window> days(int count) {
        List<Window> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            out.add(Window.of(OCT1.plus(Duration.ofDays(d)), Duration.ofDays(1)));
        }
        return out;
    }

    /** What the simulator serves for one day, read by the same feed. */
    private List<Row> served(Window day) throws Exception {
        URI uri = feed.request(day).uri();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return feed.parse(day, new FetchResponse(uri, r.statusCode(), "text/csv", r.body(), NOW)).rows();
    }

    private List<Row> stored(Window range) throws Exception {
        List<Row> rows = new ArrayList<>();
        store.scan(DATASET, range, rows::add);
        return rows;
    }

    @Test
    void retriedServerErrorsLeaveNoMissingInterval() throws Exception {
        simulator.inject(MisoEndpoint.REPORTS + "/20261002_da_expost_lmp.csv", Fault.of(FaultKind.STATUS_500), 2);
        Window range = new Window(OCT1, OCT1.plus(Duration.ofDays(4)));
        RunReport report = pipeline.fill(feed, days(4), false);
        assertThat(report.failure()).isNull();
        assertThat(report.fetches()).isEqualTo(4);
        assertThat(report.rowsFetched()).isEqualTo(4 * 24 * 11);
        List<Gap> gaps = new Ledger(store.view()).gaps(DATASET, range);
        assertThat(gaps).isEmpty();
        List<Row> expected = new ArrayList<>();
        for (Window day : days(4)) {
            expected.addAll(served(day));
        }
        assertThat(stored(range)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(simulator.requestCounts()).containsEntry(MisoEndpoint.REPORTS + "/20261002_da_expost_lmp.csv", 4L);
    }

    @Test
    void aCutOffFileStopsThePassAndTheNextPassFillsTheRest() throws Exception {
        simulator.inject(MisoEndpoint.REPORTS + "/20261003_da_expost_lmp.csv", Fault.of(FaultKind.TRUNCATED), 1);
        Window range = new Window(OCT1, OCT1.plus(Duration.ofDays(4)));
        RunReport first = pipeline.fill(feed, days(4), false);
        assertThat(first.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(first.message()).contains("20261003_da_expost_lmp.csv");
        Ledger ledger = new Ledger(store.view());
        assertThat(ledger.gaps(DATASET, range)).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(GapKind.MISSING);
            assertThat(g.window()).isEqualTo(new Window(OCT1.plus(Duration.ofDays(2)), range.end()));
            assertThat(g.points()).isEqualTo(48);
        });
        RunReport second = pipeline.fill(feed, days(4).subList(2, 4), false);
        assertThat(second.failure()).isNull();
        assertThat(ledger.gaps(DATASET, range)).isEmpty();
        assertThat(stored(range)).hasSize(4 * 24 * 11);
    }

    @Test
    void ancillaryMcpBackfillSurvivesAnHtmlPage() throws Exception {
        Feed mcp = engine.feed(AncillaryMcpReport.DAY_AHEAD);
        simulator.inject(MisoEndpoint.REPORTS + "/20261001_asm_expost_damcp.csv", Fault.of(FaultKind.HTML_200), 1);
        RunReport report = pipeline.fill(mcp, days(3), false);
        assertThat(report.failure()).isNull();
        assertThat(report.rowsFetched()).isEqualTo(3 * 24 * 8 * 6);
        assertThat(new Ledger(store.view()).gaps(AncillaryMcpReport.DAY_AHEAD, new Window(OCT1,
                OCT1.plus(Duration.ofDays(3))))).isEmpty();
    }

    @Test
    void weeklyFiveMinuteBackfillReadsTwoWeeksOfHubs() throws Exception {
        Feed weekly = engine.feed(WeeklyFiveMinuteLmp.DATASET);
        Instant monday = Instant.parse("2026-09-14T05:00:00Z");
        List<Window> weeks = List.of(Window.of(monday, Duration.ofDays(7)),
                Window.of(monday.plus(Duration.ofDays(7)), Duration.ofDays(7)));
        simulator.inject(MisoEndpoint.REPORTS + "/20260928_5MIN_LMP.zip", Fault.of(FaultKind.STATUS_500), 1);
        RunReport report = pipeline.fill(weekly, weeks, false);
        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(report.rowsFetched()).isEqualTo(2 * 2016 * 8);
        assertThat(new Ledger(store.view()).gaps(WeeklyFiveMinuteLmp.DATASET, new Window(monday,
                monday.plus(Duration.ofDays(14))))).isEmpty();
        assertThat(simulator.requestCounts()).containsEntry(MisoEndpoint.REPORTS + "/20260928_5MIN_LMP.zip", 2L)
                .containsEntry(MisoEndpoint.REPORTS + "/20261005_5MIN_LMP.zip", 1L);
    }

    @Test
    void aReportMissingAtMisoStopsThePassAsNotPublishedWhileItMayStillCome() {
        simulator.withhold(Window.of(OCT1.plus(Duration.ofDays(1)), Duration.ofHours(1)));
        RunReport report = pipeline.fill(feed, days(3), false);
        assertThat(report.failure()).isEqualTo(Failure.NOT_PUBLISHED);
        assertThat(report.fetches()).isEqualTo(1);
    }

    @Test
    void aReportStillMissingAMonthAfterItWasDueIsASourceGapAndThePassGoesOn() throws Exception {
        // The engine's clock is ten days after October; ask for August, whose second day MISO "never posted".
        Instant aug1 = Instant.parse("2026-08-01T05:00:00Z");
        simulator.withhold(Window.of(aug1.plus(Duration.ofDays(1)), Duration.ofHours(1)));
        List<Window> august = List.of(Window.of(aug1, Duration.ofDays(1)),
                Window.of(aug1.plus(Duration.ofDays(1)), Duration.ofDays(1)),
                Window.of(aug1.plus(Duration.ofDays(2)), Duration.ofDays(1)));
        RunReport report = pipeline.fill(feed, august, false);
        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(report.notes()).anyMatch(n -> n.contains("marked unavailable at the source"));
        List<Gap> gaps = new Ledger(store.view()).gaps(feed.dataset(), Window.of(aug1, Duration.ofDays(3)));
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(GapKind.SOURCE_GAP);
            assertThat(g.window()).isEqualTo(Window.of(aug1.plus(Duration.ofDays(1)), Duration.ofDays(1)));
        });
    }
}
