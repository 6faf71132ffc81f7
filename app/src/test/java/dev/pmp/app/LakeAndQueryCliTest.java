package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Simulator;
import dev.pmp.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pmp lake sync} and {@code pmp query} in-process, after an update from the simulator. */
class LakeAndQueryCliTest {
    private static final String ESR = "ercot.energy_storage_resources";
    /** 15:31:10 CST on the last day of November: the stored two days end in December UTC. */
    private static final Instant NOW = Instant.parse("2026-11-30T21:31:10Z");

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
        Cli.Result update = cli.run("update", ESR);
        assertThat(update.exit()).as(update.toString()).isZero();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void lakeRollupWritesOneFilePerDatasetAndYearAndSkipsItWhenUnchanged() throws Exception {
        Path lake = dir.resolve("lake");
        Cli.Result first = cli.run("lake", "rollup", "--year", "2026", "--to", lake.toString());
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo(ESR + " 2026: written, 475 rows\n");
        assertThat(lake.resolve("annual/dataset=" + ESR + "/year=2026/part.parquet")).exists();
        assertThat(cli.run("lake", "rollup", "--year", "2026", "--to", lake.toString()).out())
                .isEqualTo(ESR + " 2026: unchanged, 475 rows\n");
        assertThat(cli.run("lake", "rollup", ESR, "--year", "2025", "--to", lake.toString()).out())
                .isEqualTo(ESR + " 2025: no rows, 0 rows\n");
    }

    @Test
    void lakeSyncWritesEachMonthOnceAndThenOnlyWhatChanged() throws Exception {
        Path lake = dir.resolve("lake");
        Cli.Result first = cli.run("lake", "sync", "--to", lake.toString());
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo(ESR + ": 1 partitions written, 0 unchanged, 475 rows\n");
        assertThat(lake.resolve("dataset=" + ESR + "/year=2026/month=11/part.parquet")).exists();
        assertThat(lake.resolve("dataset=" + ESR + "/year=2026/month=11/_manifest.json")).exists();

        assertThat(cli.run("lake", "sync", ESR, "--to", lake.toString()).out())
                .isEqualTo(ESR + ": 0 partitions written, 1 unchanged, 475 rows\n");

        clock.advance(Duration.ofHours(3));
        assertThat(cli.run("update", ESR).exit()).isZero();
        Cli.Result later = cli.run("lake", "sync", "--to", lake.toString());
        assertThat(later.out()).isEqualTo(ESR + ": 2 partitions written, 0 unchanged, 511 rows\n");

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), epoch_us(min(time_utc)) FROM read_parquet('"
                        + lake + "/dataset=" + ESR + "/**/*.parquet', hive_partitioning=true)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(511);
            assertThat(rs.getLong(2)).isEqualTo(Instant.parse("2026-11-29T06:00:00Z").toEpochMilli() * 1000);
        }
        assertThat(cli.run("lake", "sync", "nope.nothing", "--to", lake.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void queryPrintsATableCsvOrJson() {
        String count = "select count(*) as n from ercot.energy_storage_resources";
        Cli.Result table = cli.run("query", count);
        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.out()).isEqualTo("  n\n---\n475\n(1 row)\n");
        assertThat(cli.run("query", count, "--format", "csv").out()).isEqualTo("n\n475\n");
        assertThat(cli.run("query", count + ";", "--format", "json").out()).isEqualTo("[\n{\"n\":475}\n]\n");

        Cli.Result first = cli.run("query", "select time_utc, net_output_mw from ercot.energy_storage_resources"
                + " order by time_utc limit 1", "--format", "csv");
        assertThat(first.out()).isEqualTo("time_utc,net_output_mw\n2026-11-29T06:00:00Z,-1035.249\n");
        Cli.Result fetches = cli.run("query", "select dataset_id, count(*) as fetches from \"pmp\".\"pmp\".\"fetches\" group by 1");
        assertThat(fetches.exit()).as(fetches.toString()).isZero();
        assertThat(fetches.out()).contains(ESR, "1");
        // The file pmp.duckdb is the catalog "pmp", which also holds the schema "pmp": two-part names are ambiguous.
        assertThat(cli.run("query", "select count(*) from pmp.fetches").err()).contains("Ambiguous reference", "pmp.pmp");
        assertThat(cli.run("query", "select count(*) from pmp.pmp.coverage").exit()).isZero();
    }

    @Test
    void aWriteStatementIsRefusedAndChangesNothing() throws Exception {
        Cli.Result delete = cli.run("query", "delete from ercot.energy_storage_resources");
        assertThat(delete.exit()).as(delete.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(delete.err()).contains("read-only", "nothing changed");

        Cli.Result two = cli.run("query", "select 1; drop table ercot.energy_storage_resources");
        assertThat(two.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("one statement");

        Cli.Result copy = cli.run("query", "copy ercot.energy_storage_resources to '" + dir.resolve("out.csv") + "'");
        assertThat(copy.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("out.csv")).doesNotExist();

        assertThat(cli.run("query", "select count(*) from ercot.energy_storage_resources", "--format", "csv").out())
                .isEqualTo("count_star()\n475\n");
        assertThat(cli.run("query", "select from nowhere").err()).contains("the store refused the statement");
        assertThat(Files.exists(dir.resolve("data/pmp.duckdb"))).isTrue();
    }
}
