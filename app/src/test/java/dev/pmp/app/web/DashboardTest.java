package dev.pmp.app.web;

import static dev.pmp.app.web.DashboardFixture.ESR;
import static dev.pmp.app.web.DashboardFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Window;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every API route, the auth rules, /metrics and /health, over HTTP against a daemon on the simulator. */
class DashboardTest {
    private static final String FUEL_MIX = "ercot.fuel_mix";
    private static final String PRICES = "ercot.system_wide_prices";

    @TempDir
    Path dir;

    private DashboardFixture pmp;

    @BeforeEach
    void start() throws Exception {
        pmp = new DashboardFixture(dir, Optional.of(TOKEN));
        // 09:00 to 09:30 CST is withheld by the operator: a source gap of six intervals.
        pmp.sim.withhold(new Window(Instant.parse("2026-11-20T15:00:00Z"), Instant.parse("2026-11-20T15:30:00Z")));
        pmp.startScheduler();
    }

    @AfterEach
    void stop() throws Exception {
        pmp.close();
    }

    @Test
    void theOverviewListsEveryDatasetWithStatusLagCoverageGapsAndLastFetch() throws Exception {
        HttpResponse<String> r = pmp.get("/api/datasets");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).contains("\"id\":\"" + ESR + "\"", "\"state\":\"fresh\"", "\"enabled\":true", "\"rows\":469",
                "\"newest\":\"2026-11-20T21:30:00Z\"", "\"lag_seconds\":0", "\"open_gap_ranges\":1",
                "\"source_gap_intervals\":6", "\"missing_intervals\":0", "\"outcome\":\"ok\"", "\"paused\":false",
                "\"coverage_all_pct\":98.7", "\"coverage_7d_pct\":98.7");
    }

    @Test
    void aDatasetPageHasSchemaCalendarGapsFetchLogAndRevisions() throws Exception {
        HttpResponse<String> r = pmp.get("/api/datasets/" + ESR);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"name\":\"net_output_mw\",\"type\":\"DOUBLE\",\"unit\":\"MW\"",
                "\"date\":\"2026-11-20\",\"from\":\"2026-11-20T06:00:00Z\",\"to\":\"2026-11-21T06:00:00Z\",\"expected\":186,"
                        + "\"present\":180,\"missing\":0,\"source_gap\":6",
                "\"date\":\"2026-11-19\",\"from\":\"2026-11-19T06:00:00Z\",\"to\":\"2026-11-20T06:00:00Z\",\"expected\":288,\"present\":288",
                "\"gaps\":[{\"dataset\":\"" + ESR + "\",\"from\":\"2026-11-20T15:00:00Z\",\"to\":\"2026-11-20T15:30:00Z\","
                        + "\"intervals\":6,\"kind\":\"SOURCE_GAP\",\"fillable\":true}]",
                "\"fetches\":[{", "\"rows_inserted\":469", "\"revisions\":[]");
        assertThat(pmp.get("/api/datasets/nope.nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void rowsAreOneColumnAsTimeAndValueArraysOverTheAskedWindow() throws Exception {
        HttpResponse<String> all = pmp.get("/api/datasets/" + ESR + "/rows?column=net_output_mw");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"column\":\"net_output_mw\"", "\"unit\":\"MW\"", "\"points\":469", "\"truncated\":false",
                "\"t\":[" + Instant.parse("2026-11-19T06:00:00Z").getEpochSecond() + ",");

        HttpResponse<String> hour = pmp.get("/api/datasets/" + ESR + "/rows?from=2026-11-20T20:00:00Z&to=2026-11-20T21:00:00Z");
        assertThat(hour.body()).contains("\"column\":\"total_charging_mw\"", "\"points\":12");
        HttpResponse<String> local = pmp.get("/api/datasets/" + ESR + "/rows?from=2026-11-20T14:00&to=2026-11-20T15:00");
        assertThat(local.body()).as("market time").contains("\"from\":\"2026-11-20T20:00:00Z\"", "\"points\":12");

        assertThat(pmp.get("/api/datasets/" + ESR + "/rows?column=nope").statusCode()).isEqualTo(400);
        assertThat(pmp.get("/api/datasets/" + ESR + "/rows?column=time_utc").statusCode()).isEqualTo(400);
        assertThat(pmp.get("/api/datasets/" + ESR + "/rows?from=2026-11-21&to=2026-11-20").statusCode()).isEqualTo(400);
        assertThat(pmp.get("/api/datasets/" + ESR + "/rows?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(pmp.get("/api/datasets/nope.nothing/rows").statusCode()).isEqualTo(404);
    }

    @Test
    void rowsOfADatasetKeyedBeyondTimeAreOneLocationAtATime() throws Exception {
        String rows = "/api/datasets/" + FUEL_MIX + "/rows?column=generation_mw";
        HttpResponse<String> solar = pmp.get(rows + "&fuel=Solar");
        assertThat(solar.statusCode()).as(solar.body()).isEqualTo(200);
        assertThat(solar.body()).contains("\"selection\":{\"fuel\":\"Solar\"}", "\"truncated\":false");
        List<Double> solarValues = numbers(solar.body(), "v");
        List<Double> solarTimes = numbers(solar.body(), "t");
        assertThat(solarTimes).as("one point per mark, no other fuel's").doesNotHaveDuplicates().isSorted()
                .hasSize((int) numberField(solar.body(), "points"));
        // The simulator's solar curve: zero at night, up to 21 000 MW by day; no other fuel looks like it.
        assertThat(solarValues).contains(0.0).allSatisfy(v -> assertThat(v).isBetween(0.0, 21_000.0));
        assertThat(solarValues.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isGreaterThan(1000);

        HttpResponse<String> nuclear = pmp.get(rows + "&fuel=Nuclear&from=2026-11-20T20:00:00Z&to=2026-11-20T21:00:00Z");
        assertThat(nuclear.body()).contains("\"selection\":{\"fuel\":\"Nuclear\"}", "\"points\":12");
        assertThat(numbers(nuclear.body(), "v")).containsOnly(4711.88);

        HttpResponse<String> chosen = pmp.get(rows);
        assertThat(chosen.body()).as("the first fuel in key order when none is asked")
                .contains("\"selection\":{\"fuel\":\"Coal and Lignite\"}");
        assertThat(numbers(chosen.body(), "t")).isEqualTo(solarTimes);

        HttpResponse<String> unknown = pmp.get(rows + "&fuel=Tidal");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("\"selection\":{\"fuel\":\"Tidal\"}", "\"points\":0", "\"t\":[]");

        HttpResponse<String> prices = pmp.get("/api/datasets/" + PRICES + "/rows");
        assertThat(prices.body()).contains("\"selection\":{\"settlement_point\":\"HB_BUSAVG\"}");
        HttpResponse<String> north = pmp.get("/api/datasets/" + PRICES + "/rows?settlement_point=HB_NORTH");
        assertThat(north.body()).contains("\"selection\":{\"settlement_point\":\"HB_NORTH\"}");
        assertThat(numbers(north.body(), "t")).doesNotHaveDuplicates().hasSize(numbers(prices.body(), "t").size()).isNotEmpty();
        assertThat(pmp.get("/api/datasets/" + ESR + "/rows").body()).contains("\"selection\":{}");
    }

    @Test
    void rowsRefuseAFilterOnAnythingButAKeyColumnBesidesTime() throws Exception {
        HttpResponse<String> other = pmp.get("/api/datasets/" + FUEL_MIX + "/rows?settlement_point=HB_NORTH");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("can be filtered by [fuel]", "not by settlement_point");
        assertThat(pmp.get("/api/datasets/" + FUEL_MIX + "/rows?generation_mw=5").statusCode()).isEqualTo(400);
        assertThat(pmp.get("/api/datasets/" + FUEL_MIX + "/rows?time_utc=2026-11-20T20:00:00Z").statusCode())
                .as("time is chosen with from and to").isEqualTo(400);
        HttpResponse<String> none = pmp.get("/api/datasets/" + ESR + "/rows?fuel=Solar");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("has no key column besides time");
    }

    @Test
    void aDatasetPageListsTheValuesOfItsKeyColumnsOverTheLastTwoDays() throws Exception {
        assertThat(pmp.get("/api/datasets/" + FUEL_MIX).body()).contains("\"key_values\":{\"fuel\":[\"Coal and Lignite\",\"Hydro\","
                + "\"Natural Gas\",\"Nuclear\",\"Other\",\"Power Storage\",\"Solar\",\"Wind\"]}");
        assertThat(pmp.get("/api/datasets/" + PRICES).body()).contains("\"key_values\":{\"settlement_point\":[\"HB_BUSAVG\","
                + "\"HB_HOUSTON\",\"HB_HUBAVG\",\"HB_NORTH\",\"HB_PAN\",\"HB_SOUTH\",\"HB_WEST\",\"LZ_AEN\",\"LZ_CPS\","
                + "\"LZ_HOUSTON\",\"LZ_LCRA\",\"LZ_NORTH\",\"LZ_RAYBN\",\"LZ_SOUTH\",\"LZ_WEST\"]}");
        assertThat(pmp.get("/api/datasets/" + ESR).body()).contains("\"key_values\":{}");
    }

    @Test
    void theLeaderboardIsServedAndItsParametersChecked() throws Exception {
        // The fixture collects no 60-day disclosures: no battery to rank, an empty table rather than zeros.
        HttpResponse<String> r = pmp.get("/api/leaderboard?year=2025&month=11&top=5");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body().strip()).isEqualTo("[]");
        assertThat(pmp.get("/api/leaderboard?year=2025&month=13").statusCode()).isEqualTo(400);
        assertThat(pmp.get("/api/leaderboard?year=soon").body()).contains("year must be a whole number");
        assertThat(pmp.get("/api/leaderboard?top=0").statusCode()).isEqualTo(400);
    }

    @Test
    void gapsAndFetchesListWhatTheLedgerAndTheFetchLogHold() throws Exception {
        assertThat(pmp.get("/api/gaps?dataset=" + ESR).body()).isEqualTo("[{\"dataset\":\"" + ESR + "\",\"from\":\"2026-11-20T15:00:00Z\","
                + "\"to\":\"2026-11-20T15:30:00Z\",\"intervals\":6,\"kind\":\"SOURCE_GAP\",\"fillable\":true}]");
        assertThat(pmp.get("/api/gaps").body()).contains("\"dataset\":\"" + ESR + "\"", "SOURCE_GAP");
        assertThat(pmp.get("/api/gaps?dataset=nope.nothing").statusCode()).isEqualTo(404);

        assertThat(pmp.post("/api/datasets/" + ESR + "/fill", TOKEN).statusCode()).isEqualTo(200);
        String fetches = pmp.get("/api/fetches?dataset=" + ESR).body();
        assertThat(count(fetches, "\"fetch_id\"")).isEqualTo(2);
        assertThat(count(pmp.get("/api/fetches").body(), "\"fetch_id\"")).isGreaterThanOrEqualTo(pmp.datasets + 1);
        String one = pmp.get("/api/fetches?dataset=" + ESR + "&limit=1").body();
        assertThat(count(one, "\"fetch_id\"")).isEqualTo(1);
        // The simulator answers the same payload again: the store's fetch log knows it, so nothing is written.
        assertThat(one).contains("\"rows_inserted\":0", "\"rows_unchanged\":0", "\"http_status\":200",
                "identical payload already ingested (the store's fetch log)");
        assertThat(pmp.get("/api/fetches?limit=0").statusCode()).isEqualTo(400);
        assertThat(pmp.get("/api/fetches?limit=many").statusCode()).isEqualTo(400);
    }

    @Test
    void fillRunsAPassNowAndClosesAGapTheOperatorHasSincePublished() throws Exception {
        pmp.sim.clearWithheld();

        HttpResponse<String> r = pmp.post("/api/datasets/" + ESR + "/fill", TOKEN);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"outcome\":\"ok\"", "\"rows_inserted\":6", "\"source_gap_intervals\":0");
        assertThat(pmp.get("/api/gaps?dataset=" + ESR).body()).isEqualTo("[]");
    }

    @Test
    void actionsNeedTheBearerTokenAndAPost() throws Exception {
        String fill = "/api/datasets/" + ESR + "/fill";
        HttpResponse<String> none = pmp.post(fill, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(pmp.post(fill, "wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(pmp.post("/api/datasets/" + ESR + "/pause", null).statusCode()).isEqualTo(401);
        assertThat(pmp.get(fill).statusCode()).isEqualTo(405);
        assertThat(pmp.post("/api/datasets", TOKEN).statusCode()).as("reads are GET only").isEqualTo(405);
        assertThat(pmp.post("/api/datasets/nope.nothing/fill", TOKEN).statusCode()).isEqualTo(404);
        assertThat(pmp.scheduler.passes()).as("no refused action ran a pass").isEqualTo(pmp.datasets);
    }

    @Test
    void pauseDropsTheDatasetsNextRunAndResumeRunsItAgain() throws Exception {
        assertThat(pmp.post("/api/datasets/" + ESR + "/pause", TOKEN).body()).contains("\"paused\":true");
        assertThat(pmp.get("/api/datasets").body()).contains("\"paused\":true", "\"next_run\":null");

        assertThat(pmp.post("/api/datasets/" + ESR + "/resume", TOKEN).statusCode()).isEqualTo(200);
        assertThat(pmp.get("/api/datasets").body()).contains("\"paused\":false", "\"next_run\":\"2026-11-");
    }

    @Test
    void withoutATokenConfiguredEveryActionIsRefused(@TempDir Path other) throws Exception {
        try (DashboardFixture readOnly = new DashboardFixture(other, Optional.empty())) {
            HttpResponse<String> r = readOnly.post("/api/datasets/" + ESR + "/fill", TOKEN);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("actions are off");
        }
    }

    @Test
    void metricsAreThePrometheusTextFormatAndMoveAfterAPass() throws Exception {
        HttpResponse<String> before = pmp.get("/metrics");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        String m = before.body();
        assertThat(m).contains("# TYPE pmp_fetches_total counter\n",
                "pmp_fetches_total{dataset=\"" + ESR + "\",outcome=\"ok\"} 1\n",
                "pmp_fetch_duration_seconds_count{dataset=\"" + ESR + "\"} 1\n",
                "pmp_rows_written_total{dataset=\"" + ESR + "\",kind=\"inserted\"} 469\n",
                "pmp_rows_written_total{dataset=\"" + ESR + "\",kind=\"unchanged\"} 0\n",
                "# TYPE pmp_lag_seconds gauge\n", "pmp_lag_seconds{dataset=\"" + ESR + "\"} 0\n",
                "pmp_open_gap_intervals{dataset=\"" + ESR + "\",kind=\"SOURCE_GAP\"} 6\n",
                "pmp_open_gap_intervals{dataset=\"" + ESR + "\",kind=\"MISSING\"} 0\n",
                "pmp_request_budget_wait_seconds_total{source=\"ercot\"} ",
                "pmp_http_attempts_total{source=\"ercot\"} ", "pmp_scheduler_passes_total " + pmp.datasets + "\n");
        assertThat(value(m, "pmp_fetch_bytes_total\\{dataset=\"" + ESR + "\"}")).isPositive();
        for (String line : m.split("\n")) {
            assertThat(line).as("exposition line").matches("# (HELP|TYPE) .*|[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*})? -?[0-9.E-]+");
        }

        pmp.sim.clearWithheld();
        pmp.post("/api/datasets/" + ESR + "/fill", TOKEN);
        String after = pmp.get("/metrics").body();
        assertThat(after).contains("pmp_fetches_total{dataset=\"" + ESR + "\",outcome=\"ok\"} 2\n",
                "pmp_rows_written_total{dataset=\"" + ESR + "\",kind=\"inserted\"} 475\n",
                "pmp_rows_written_total{dataset=\"" + ESR + "\",kind=\"unchanged\"} 469\n",
                "pmp_open_gap_intervals{dataset=\"" + ESR + "\",kind=\"SOURCE_GAP\"} 0\n",
                "pmp_scheduler_passes_total " + (pmp.datasets + 1) + "\n");
    }

    @Test
    void aFailedFetchIsCountedUnderItsFailureClass() throws Exception {
        pmp.sim.inject(dev.pmp.sim.Fault.of(dev.pmp.sim.FaultKind.TRUNCATED), -1);
        pmp.post("/api/datasets/" + ESR + "/fill", TOKEN);
        assertThat(pmp.get("/metrics").body()).contains("pmp_fetches_total{dataset=\"" + ESR + "\",outcome=\"bad_data\"} 1\n");
        assertThat(pmp.get("/api/datasets").body()).contains("\"state\":\"failing\"", "\"outcome\":\"bad_data\"");
    }

    @Test
    void healthIs200WhileTheSchedulerRunsAnd503AfterItStopped() throws Exception {
        HttpResponse<String> ok = pmp.get("/health");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"status\":\"ok\"", "\"scheduler_alive\":true", "\"store\":\"ok\"");

        pmp.scheduler.close();
        HttpResponse<String> down = pmp.get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"scheduler_alive\":false");
        assertThat(pmp.get("/api/datasets").statusCode()).isEqualTo(503);
    }

    @Test
    void thePagesAndVendoredFilesComeFromTheJarAndNothingElseDoes() throws Exception {
        HttpResponse<String> index = pmp.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(index.body()).contains("vendor/uPlot.iife.min.js", "app.js");
        assertThat(pmp.get("/app.js").body()).contains("data-points");
        assertThat(pmp.get("/vendor/uPlot.iife.min.js").statusCode()).isEqualTo(200);
        assertThat(pmp.get("/vendor/uPlot.LICENSE").body()).contains("MIT");
        assertThat(pmp.get("/vendor/../Dashboard.class").statusCode()).isEqualTo(404);
        assertThat(pmp.get("/api/sql?q=select").statusCode()).isEqualTo(404);
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    /** The numbers of a JSON array field written by the API (no nesting, nulls left out). */
    private static List<Double> numbers(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\\[([^\\]]*)]").matcher(body);
        assertThat(m.find()).as(field).isTrue();
        return m.group(1).isEmpty() ? List.of() : Arrays.stream(m.group(1).split(",")).filter(x -> !x.equals("null"))
                .map(Double::parseDouble).toList();
    }

    /** A number field of a JSON answer. */
    private static double numberField(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.E]+)").matcher(body);
        assertThat(m.find()).as(field).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static double value(String metrics, String sample) {
        Matcher m = Pattern.compile("(?m)^" + sample + " (\\S+)$").matcher(metrics);
        assertThat(m.find()).as(sample).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
