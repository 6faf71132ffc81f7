package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.caiso.CaisoEndpoint;
import dev.pmp.sim.nyiso.MisEndpoint;
import dev.pmp.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pmp backfill} against the simulator's NYISO monthly archives and CAISO OASIS, with faults. */
class BackfillCliTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String NYISO_DAM = "nyiso.lmp_day_ahead_hourly";
    private static final String CAISO_DAM = "caiso.lmp_day_ahead_hourly";

    @TempDir
    Path dir;

    private Simulator sim;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        ManualClock clock = new ManualClock(NOW);
        sim = Simulator.start(clock, 0);
        cli = new Cli(clock);
        cli.env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
        cli.env.put("PMP_DATASETS", NYISO_DAM + "," + CAISO_DAM);
        cli.env.put("PMP_NYISO_MIS_URL", sim.baseUri() + MisEndpoint.CSV_ROOT);
        cli.env.put("PMP_CAISO_OASIS_URL", sim.baseUri() + CaisoEndpoint.OASIS_PATH);
        // The operators' own pacing (CAISO: one request per 5 s) would make the test wait for real.
        cli.env.put("PMP_RATE_CAISO", "100 per second");
        cli.env.put("PMP_HTTP_BACKOFF_MS", "20");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void monthlyArchivesAreFetchedOnceEachThroughAFaultAndAResumeFetchesOnlyWhatIsLeft() {
        sim.inject(MisEndpoint.PREFIX, Fault.of(FaultKind.STATUS_500), 1);

        Cli.Result first = cli.run("backfill", NYISO_DAM, "--from", "2026-09-01", "--to", "2026-10-01");
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.err()).contains(NYISO_DAM + ": 1 window to fetch");
        long afterFirst = requests();

        // As after a kill: the covered month is not asked for again, only the rest.
        Cli.Result second = cli.run("backfill", NYISO_DAM, "--from", "2026-09-01", "--to", "2026-11-01");
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.err()).contains(NYISO_DAM + ": 1 window to fetch");
        // A month is one archive per file kind (zones, generators); the first run also retried one 500.
        long perMonth = afterFirst - 1;
        assertThat(perMonth).isBetween(1L, 2L);
        assertThat(requests() - afterFirst).isEqualTo(perMonth);

        Cli.Result gaps = cli.run("gaps", NYISO_DAM, "--from", "2026-09-01", "--to", "2026-11-01");
        assertThat(gaps.out()).as(gaps.toString()).contains(": 0 gaps, 0 intervals");
        // The standard lmp view carries them, filtered like any export.
        Cli.Result lmp = cli.run("export", "lmp", "--iso", "nyiso", "--market", "DAM", "--location", "N.Y.C.",
                "--from", "2026-10-01T04:00:00Z", "--to", "2026-10-01T06:00:00Z");
        assertThat(lmp.exit()).as(lmp.toString()).isZero();
        assertThat(lmp.out().lines().toList()).hasSize(3).first().isEqualTo(
                "interval_start_utc,interval_end_utc,iso,market,location,location_type,lmp,energy,congestion,loss");
        assertThat(lmp.out().lines().skip(1).toList()).allSatisfy(line ->
                assertThat(line).contains(",NYISO,DAM,N.Y.C.,zone,"));
        Cli.Result wrong = cli.run("export", "lmp", "--area", "x");
        assertThat(wrong.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("--area does not apply to lmp");
        Cli.Result again = cli.run("backfill", NYISO_DAM, "--from", "2026-09-01", "--to", "2026-11-01");
        assertThat(again.err()).contains(NYISO_DAM + ": 0 windows to fetch");
        assertThat(requests() - afterFirst).isEqualTo(perMonth);
        // --force fetches a covered month again; the identical rows change nothing.
        Cli.Result forced = cli.run("backfill", NYISO_DAM, "--from", "2026-10-01", "--to", "2026-11-01", "--force");
        assertThat(forced.exit()).as(forced.toString()).isZero();
        assertThat(forced.err()).contains(NYISO_DAM + ": 1 window to fetch", "--force: covered windows included");
        assertThat(requests() - afterFirst).isEqualTo(2 * perMonth);
        Cli.Result after = cli.run("gaps", NYISO_DAM, "--from", "2026-09-01", "--to", "2026-11-01");
        assertThat(after.out()).contains(": 0 gaps, 0 intervals");
    }

    @Test
    void historyOlderThanOasisKeepsIsRecordedAsASourceGapAndTheRestIsFetched() {
        // OASIS keeps 1,180 days: from 2026-11-20 back to 2023-08-28.
        Cli.Result plan = cli.run("backfill", CAISO_DAM, "--from", "2023-08-20", "--to", "2023-09-05", "--dry-run");
        assertThat(plan.exit()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains(CAISO_DAM + "\tunavailable\t2023-08-20T07:00:00Z", CAISO_DAM + "\tfetch\t");
        assertThat(sim.requestCounts()).doesNotContainKey(CaisoEndpoint.OASIS_PATH);

        Cli.Result run = cli.run("backfill", CAISO_DAM, "--from", "2023-08-20", "--to", "2023-09-05");
        assertThat(run.exit()).as(run.toString()).isZero();
        Cli.Result gaps = cli.run("gaps", CAISO_DAM, "--from", "2023-08-20", "--to", "2023-09-05");
        assertThat(gaps.out()).as(gaps.toString()).contains("SOURCE_GAP").doesNotContain("MISSING");
        Map<String, Long> counts = sim.requestCounts();
        assertThat(counts.get(CaisoEndpoint.OASIS_PATH)).isPositive();
    }

    private long requests() {
        return sim.requestCounts().entrySet().stream().filter(e -> e.getKey().startsWith(MisEndpoint.PREFIX))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
