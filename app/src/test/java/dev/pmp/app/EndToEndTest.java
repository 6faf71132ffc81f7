package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.Simulator;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI against the simulator, in-process, on a driven clock. */
class EndToEndTest {
    private static final String ESR = "ercot.energy_storage_resources";
    /** 15:31:10 CST: the simulator has published through 15:30. */
    private static final Instant NOW = Instant.parse("2026-11-20T21:31:10Z");

    @TempDir
    Path dir;

    private ManualClock clock;
    private Simulator sim;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(NOW);
        sim = Simulator.start(clock, 0);
        cli = new Cli(clock);
        cli.env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
        cli.env.put("PMP_ERCOT_DASHBOARD_URL", sim.baseUri().toString());
        cli.env.put("PMP_HTTP_BACKOFF_MS", "20");
        cli.env.put("PMP_HTTP_ATTEMPTS", "3");
        cli.env.put("PMP_HTTP_TIMEOUT", "1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void firstRunStoresYesterdayAndTodayArchivesThePayloadAndLogsOneLine() throws Exception {
        Cli.Result r = cli.run("update");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains(ESR + ": fetched 475 rows, inserted 475, updated 0, unchanged 0, gaps 0 missing + 0 not published");
        assertThat(rows()).isEqualTo(475);
        try (Stream<Path> raw = Files.walk(dir.resolve("data/raw/ercot/energy_storage_resources/2026/11/20"))) {
            assertThat(raw.filter(p -> p.toString().endsWith(".json.gz")).count()).isEqualTo(1);
        }
        Cli.Result status = cli.run("status");
        assertThat(status.out()).contains(ESR + "  [fresh]", "rows        475", "first       2026-11-19T06:00:00Z",
                "last        2026-11-20T21:30:00Z", "open gaps   0 ranges");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("data");
    }

    @Test
    void aSecondRunFiveMinutesLaterAddsOneSampleAndUpsertsTheRest() {
        assertThat(cli.run("update").exit()).isZero();
        clock.advance(Duration.ofMinutes(5));

        Cli.Result r = cli.run("update", "--log-format", "json");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("\"rows_inserted\":1", "\"rows_updated\":0", "\"rows_unchanged\":475", "\"gaps_missing\":0");
        assertThat(rows()).isEqualTo(476);
    }

    @Test
    void aWithheldStretchIsASourceGapUntilTheOperatorPublishesIt() {
        Instant from = Instant.parse("2026-11-20T15:00:00Z");
        Instant to = Instant.parse("2026-11-20T15:30:00Z");
        sim.withhold(new Window(from, to));
        assertThat(cli.run("update").exit()).isZero();

        Cli.Result gaps = cli.run("gaps", ESR, "--json");
        assertThat(gaps.out()).contains("\"from\" : \"2026-11-20T15:00:00Z\"", "\"to\" : \"2026-11-20T15:30:00Z\"",
                "\"intervals\" : 6", "\"kind\" : \"SOURCE_GAP\"");

        sim.clearWithheld();
        clock.advance(Duration.ofMinutes(5));
        Cli.Result update = cli.run("update");
        assertThat(update.err()).contains("inserted 7,");
        assertThat(cli.run("gaps", ESR).out()).contains(": 0 gaps, 0 intervals");
    }

    @Test
    void daysTheCollectorMissedAreMissingGapsAfterTheSourceRolledThemOff() {
        assertThat(cli.run("update").exit()).isZero();
        clock.advance(Duration.ofDays(3));
        assertThat(cli.run("update").exit()).isZero();

        Cli.Result gaps = cli.run("gaps", ESR);
        // 2026-11-21 00:00 CST to 2026-11-22 00:00 CST was never fetched: the dashboard keeps two days.
        assertThat(gaps.out()).contains("2026-11-20T21:35:00Z  2026-11-22T06:00:00Z     389  MISSING");
    }

    @Test
    void theFallBackDayIsRepairedByRuleAndHolds300Samples() {
        clock.set(Instant.parse("2026-11-02T21:31:10Z"));
        Cli.Result r = cli.run("update");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("note: ", "2026-11-01 01:00:00-0600");
        Cli.Result gaps = cli.run("gaps", ESR, "--from", "2026-11-01", "--to", "2026-11-02");
        assertThat(gaps.out()).contains(": 0 gaps, 0 intervals");
        assertThat(count("2026-11-01T05:00:00Z", "2026-11-02T06:00:00Z")).isEqualTo(300);
    }

    @Test
    void theSpringForwardDayHolds276Samples() {
        clock.set(Instant.parse("2026-03-09T20:31:10Z"));
        assertThat(cli.run("update").exit()).isZero();
        assertThat(count("2026-03-08T06:00:00Z", "2026-03-09T05:00:00Z")).isEqualTo(276);
        assertThat(cli.run("gaps", ESR, "--from", "2026-03-08", "--to", "2026-03-09").out()).contains(": 0 gaps, 0 intervals");
    }

    @Test
    void importOfTheOldJobsCsvIsIdempotentAndExportRoundTrips() throws Exception {
        Path seed = dir.resolve("bess_catalog.csv");
        Files.writeString(seed, """
                timestamp,total_charging_mw,total_discharging_mw,net_output_mw
                2026-11-01 00:55:00-05:00,-691.654,23.456,-668.198
                2026-11-01 01:00:00-05:00,-720.415,120.01,-600.405
                2026-11-01 01:00:00-06:00,-1048.823,0,-1048.823
                2026-11-01 01:00:00-05:00,-720.415,120.01,-600.405
                """, StandardCharsets.UTF_8);
        Cli.Result first = cli.run("import", ESR, "--csv", seed.toString());
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).contains("imported 3 rows into " + ESR + ": inserted 3, updated 0, unchanged 0");
        assertThat(cli.run("import", ESR, "--csv", seed.toString()).out()).contains("inserted 0, updated 0, unchanged 3");

        Cli.Result csv = cli.run("export", ESR, "--format", "csv");
        assertThat(csv.out()).isEqualTo("""
                time_utc,total_charging_mw,total_discharging_mw,net_output_mw
                2026-11-01T05:55:00Z,-691.654,23.456,-668.198
                2026-11-01T06:00:00Z,-720.415,120.01,-600.405
                2026-11-01T07:00:00Z,-1048.823,0,-1048.823
                """);
        assertThat(csv.err()).contains("3 rows");

        Path exported = dir.resolve("export.csv");
        Files.write(exported, csv.outBytes());
        assertThat(cli.run("import", ESR, "--csv", exported.toString()).out()).contains("inserted 0, updated 0, unchanged 3");

        Cli.Result json = cli.run("export", ESR, "--format", "json", "--from", "2026-11-01T06:00:00Z");
        assertThat(json.out()).contains("{\"time_utc\":\"2026-11-01T06:00:00Z\",\"total_charging_mw\":-720.415,"
                + "\"total_discharging_mw\":120.01,\"net_output_mw\":-600.405}").doesNotContain("05:55");

        Path parquet = dir.resolve("out.parquet");
        assertThat(cli.run("export", ESR, "--format", "parquet", "--out", parquet.toString()).exit()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), min(total_charging_mw) FROM read_parquet('" + parquet + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
            assertThat(rs.getDouble(2)).isEqualTo(-1048.823);
        }
    }

    @Test
    void anImportWithConflictingRowsIsRefusedAndImportsNothing() throws Exception {
        Path seed = dir.resolve("bad.csv");
        Files.writeString(seed, "timestamp,total_charging_mw,total_discharging_mw,net_output_mw\n"
                + "2026-11-01 00:55:00-05:00,-1,1,0\n2026-11-01 00:55:00-05:00,-2,1,-1\n", StandardCharsets.UTF_8);
        Cli.Result r = cli.run("import", ESR, "--csv", seed.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(r.err()).contains("two different rows", "nothing was imported");
        assertThat(rows()).isZero();
    }

    @Test
    void eachFaultEndsInAClearMessageItsExitCodeAndAnUnchangedStore() {
        assertThat(cli.run("update").exit()).isZero();
        clock.advance(Duration.ofMinutes(5));
        long before = rows();
        record Case(Fault fault, int exit, String message) {
        }
        List<Case> cases = List.of(
                new Case(Fault.of(FaultKind.STATUS_500), ExitCodes.SOURCE_FAILED, "500"),
                new Case(Fault.tooManyRequests(Duration.ofSeconds(1)), ExitCodes.SOURCE_FAILED, "429"),
                new Case(Fault.of(FaultKind.HTML_200), ExitCodes.SOURCE_FAILED, "HTML"),
                new Case(Fault.of(FaultKind.TRUNCATED), ExitCodes.BAD_DATA, "BAD_DATA"),
                new Case(Fault.of(FaultKind.EMPTY_DATA), ExitCodes.BAD_DATA, "no samples"),
                new Case(Fault.of(FaultKind.NOT_A_NUMBER), ExitCodes.BAD_DATA, "\"abc\""),
                new Case(Fault.timeout(Duration.ofMillis(2500)), ExitCodes.SOURCE_FAILED, "no answer within 1000 ms"));
        for (Case c : cases) {
            sim.inject(c.fault(), -1);
            Cli.Result r = cli.run("update");
            sim.clearFaults();
            assertThat(r.exit()).as(c.fault() + "\n" + r).isEqualTo(c.exit());
            assertThat(r.err()).as(c.fault() + "\n" + r).contains("ERROR", c.message());
            assertThat(rows()).as(c.fault().toString()).isEqualTo(before);
            assertThat(cli.run("status").out()).contains("[failing]");
        }
        Cli.Result healed = cli.run("update");
        assertThat(healed.exit()).isZero();
        assertThat(healed.err()).contains("inserted 1,");
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndThenSucceeds() {
        sim.inject(Fault.tooManyRequests(Duration.ofSeconds(1)), 1);
        long t0 = System.nanoTime();
        Cli.Result r = cli.run("update");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(rows()).isEqualTo(475);
    }

    @Test
    void gzipBodiesWithAndWithoutTheHeaderAreRead() {
        sim.inject(Fault.of(FaultKind.GZIP_NO_HEADER), 1);
        assertThat(cli.run("update").exit()).isZero();
        clock.advance(Duration.ofMinutes(5));
        sim.inject(Fault.of(FaultKind.GZIP), 1);
        assertThat(cli.run("update").err()).contains("inserted 1,");
    }

    @Test
    void datasetsListsCadenceZoneAndReference() {
        Cli.Result r = cli.run("datasets");
        assertThat(r.out()).contains(ESR, "5m", "America/Chicago", "energy-storage-resources.json", "enabled");
        assertThat(cli.run("datasets", "--json").out()).contains("\"id\" : \"" + ESR + "\"", "\"cadence\" : \"PT5M\"");
        assertThat(cli.run("update", "nope.nothing").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("--help").out()).contains("Exit codes");
    }

    @Test
    void aBadStoreSettingIsAConfigurationError() {
        cli.env.put("PMP_STORE", "mysql://nowhere");
        Cli.Result r = cli.run("update");
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("unsupported store");

        cli.env.remove("PMP_STORE");
        cli.env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
        cli.env.put("PMP_DUCKDB_THREADS", "0");
        Cli.Result threads = cli.run("update");
        assertThat(threads.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(threads.err()).contains("PMP_DUCKDB_THREADS must be a whole number of at least 1, not 0");
        cli.env.put("PMP_DUCKDB_THREADS", "2");
        assertThat(cli.run("update").exit()).isZero();
    }

    private long rows() {
        return count("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z");
    }

    private long count(String from, String to) {
        Cli.Result r = cli.run("export", ESR, "--from", from, "--to", to);
        assertThat(r.exit()).as(r.toString()).isZero();
        return r.out().lines().count() - 1;
    }
}
