package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Simulator;
import dev.pmp.testkit.ManualClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on a real PostgreSQL (embedded binaries): init, update, status, export, gaps. */
class PostgresCliTest {
    private static final String ESR = "ercot.energy_storage_resources";
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void initThenUpdateStatusExportAndGapsWorkOnPostgres() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-20T21:31:10Z"));
        try (Simulator sim = Simulator.start(clock, 0)) {
            Cli cli = new Cli(clock);
            cli.env.put("PMP_STORE", "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres");
            cli.env.put("PMP_STORE_PASSWORD", "not-needed-but-never-printed");
            cli.env.put("PMP_DATA_DIR", dir.toString());
            cli.env.put("PMP_ERCOT_DASHBOARD_URL", sim.baseUri().toString());

            Cli.Result before = cli.run("update", ESR);
            assertThat(before.exit()).as(before.toString()).isEqualTo(ExitCodes.CONFIG);
            assertThat(before.err()).contains("pmp init").doesNotContain("not-needed-but-never-printed");

            Cli.Result init = cli.run("init");
            assertThat(init.exit()).as(init.toString()).isZero();
            assertThat(init.out()).contains("applied");
            assertThat(cli.run("init").out()).contains("up to date");

            Cli.Result update = cli.run("update", ESR);
            assertThat(update.exit()).as(update.toString()).isZero();
            assertThat(update.err()).contains("inserted 475,");
            clock.advance(Duration.ofMinutes(5));
            assertThat(cli.run("update", ESR).err()).contains("inserted 1, updated 0, unchanged 475");

            assertThat(cli.run("status", ESR).out()).contains("[fresh]", "rows        476");
            Cli.Result csv = cli.run("export", ESR, "--from", "2026-11-19T06:00:00Z", "--to", "2026-11-19T06:10:00Z");
            assertThat(csv.out()).isEqualTo("""
                    time_utc,total_charging_mw,total_discharging_mw,net_output_mw
                    2026-11-19T06:00:00Z,-1048.823,13.575,-1035.249
                    2026-11-19T06:05:00Z,-925.149,31.145,-894.003
                    """);
            assertThat(cli.run("gaps", ESR).out()).contains(": 0 gaps, 0 intervals");

            Cli.Result count = cli.run("query", "select count(*) as n from ercot.energy_storage_resources", "--format", "csv");
            assertThat(count.exit()).as(count.toString()).isZero();
            assertThat(count.out()).isEqualTo("n\n476\n");
            Cli.Result delete = cli.run("query", "delete from ercot.energy_storage_resources");
            assertThat(delete.exit()).as(delete.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(delete.err()).contains("read-only");
            assertThat(cli.run("query", "select count(*) as n from ercot.energy_storage_resources", "--format", "csv").out())
                    .isEqualTo("n\n476\n");

            cli.env.put("PMP_STORE", "postgresql://postgres:s3cret-in-url@localhost:1/postgres");
            Cli.Result refused = cli.run("update", ESR);
            assertThat(refused.exit()).isEqualTo(ExitCodes.CONFIG);
            assertThat(refused.toString()).doesNotContain("s3cret-in-url");
        }
    }
}
