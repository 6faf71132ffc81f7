package dev.pmp.source.ercot.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.sim.ercotapi.ErcotApiEndpoint;
import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backfills of every query report through the bulk route: {@link Pipeline} + {@link HttpFetcher} +
 * {@link MemoryStore} against the simulator, a month whose bundle is not listed yet (bundles lag two months), so
 * the feed lists the month's postings and downloads them in bulk. March 2026 holds the spring-forward day,
 * November 2025 the fall-back day (NP6-331-CD starts only on 2025-12-05).
 */
class ApiBulkBackfillTest {

    /** March 2026 in Central Prevailing Time: 743 hours. */
    private static final Window MARCH = new Window(Instant.parse("2026-03-01T06:00:00Z"), Instant.parse("2026-04-01T05:00:00Z"));
    /** November 2025 in Central Prevailing Time: 721 hours. */
    private static final Window NOVEMBER = new Window(Instant.parse("2025-11-01T05:00:00Z"),
            Instant.parse("2025-12-01T06:00:00Z"));
    private static final Pattern DOC_ID = Pattern.compile("\\d+");

    private SimulatedApi api;
    private MemoryStore store;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ErcotReport.class, names = {"NP6_905_CD", "NP4_190_CD", "NP4_188_CD", "NP6_331_CD", "NP6_345_CD",
        "NP6_346_CD", "NP6_322_CD", "NP6_788_CD"})
    void backfillsTheSpringForwardMonthByBulkDownload(ErcotReport report) throws Exception {
        backfill(report, MARCH, Instant.parse("2026-04-20T12:00:00Z"), 743);
    }

    @ParameterizedTest
    @EnumSource(value = ErcotReport.class, names = {"NP6_905_CD", "NP4_190_CD", "NP4_188_CD", "NP6_345_CD", "NP6_346_CD",
        "NP6_322_CD", "NP6_788_CD"})
    void backfillsTheFallBackMonthByBulkDownload(ErcotReport report) throws Exception {
        backfill(report, NOVEMBER, Instant.parse("2025-12-20T12:00:00Z"), 721);
    }

    private void backfill(ErcotReport report, Window month, Instant now, int hours) throws Exception {
        Feed feed = start(report, now);
        Dataset dataset = report.dataset();

        RunReport run = new Pipeline(store, transport(), null, clock, r -> { }).fill(feed, List.of(month), false);

        assertThat(run.failure()).as(run.message()).isNull();
        assertThat(new Ledger(store.view()).gaps(dataset, month)).as("gaps").isEmpty();
        List<Row> rows = new ArrayList<>();
        store.scan(dataset, month, rows::add);
        Schema schema = dataset.schema();
        Set<List<Object>> keys = new HashSet<>();
        for (Row r : rows) {
            keys.add(schema.naturalKey().stream().map(c -> r.get(schema.indexOf(c))).toList());
        }
        assertThat(keys).as("distinct keys").hasSize(rows.size());
        // One grid point per 15 minutes, hour or SCED run (one run per 5 minutes in the simulator).
        long points = rows.stream().map(r -> r.instant(0)).distinct().count();
        long perHour = dataset.cadence().equals(Duration.ofHours(1)) ? 1 : 60 / dataset.cadence().toMinutes();
        assertThat(points).isEqualTo(hours * perHour);
        assertThat(rows.size() % points).isZero();

        int limit = ArchiveProduct.of(report).orElseThrow().downloadLimit();
        List<SimulatedApi.Served> posts = api.served.stream().filter(s -> s.method().equals("POST")).toList();
        assertThat(posts).isNotEmpty().allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.path()).isEqualTo(ErcotApiEndpoint.BASE + "/archive/" + report.emil() + "/download");
        });
        List<Long> asked = new ArrayList<>();
        for (SimulatedApi.Served p : posts) {
            List<Long> ids = docIds(p.body());
            assertThat(ids).hasSizeBetween(1, limit);
            asked.addAll(ids);
        }
        assertThat(new HashSet<>(asked)).as("each document downloaded once").hasSize(asked.size());
        // A download of more postings than one write takes is written in parts: one fetch-log line per part.
        boolean large = posts.stream().anyMatch(p -> docIds(p.body()).size() > BulkDownload.POSTINGS_PER_WRITE);
        assertThat(store.fetches(dataset, 100_000).stream().anyMatch(f -> f.message().startsWith("part 2")))
                .as("written in parts").isEqualTo(large);
        assertThat(posts.stream().map(SimulatedApi.Served::body).distinct()).as("each bulk POST sent once").hasSize(posts.size());
        assertThat(api.served).as("no single downloads").noneMatch(s -> s.query().containsKey("download"));
        assertThat(api.served).first().satisfies(s -> assertThat(s.path()).endsWith("/bundle/" + report.emil()));
    }

    private ManualClock clock;

    private Feed start(ErcotReport report, Instant now) throws Exception {
        clock = new ManualClock(now);
        api = new SimulatedApi(clock, Map.of());
        store = new MemoryStore();
        return api.source.feed(report.dataset(), api.settings);
    }

    private Transport transport() {
        return api.transport;
    }

    private static List<Long> docIds(String body) {
        List<Long> ids = new ArrayList<>();
        Matcher m = DOC_ID.matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group()));
        }
        return ids;
    }
}
