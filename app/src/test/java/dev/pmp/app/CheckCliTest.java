package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Simulator;
import dev.pmp.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pmp check ercot}: signs in, asks each enabled dataset once, stores nothing. */
class CheckCliTest {
    private static final Instant NOW = Instant.parse("2026-11-20T21:31:10Z");

    @TempDir
    Path dir;

    @Test
    void probesEveryEnabledDatasetWithTheSourcesCredentialsAndSaysWhatAnswered() throws Exception {
        ManualClock clock = new ManualClock(NOW);
        try (Simulator sim = Simulator.start(clock, 0)) {
            Cli cli = new Cli(clock);
            cli.env.putAll(DemoCommand.simulatorSettings(sim.baseUri().toString()));
            cli.env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
            cli.env.put("PMP_DATASETS", "ercot.energy_storage_resources,ercot.spp_real_time_15min");

            Cli.Result ok = cli.run("check", "ercot");

            assertThat(ok.exit()).as(ok.toString()).isZero();
            assertThat(ok.out()).contains("ercot.energy_storage_resources\tok\tHTTP 200", "ercot.spp_real_time_15min\tok\tHTTP 200",
                    "ercot.fuel_mix\tdisabled\tnot selected by PMP_DATASETS");
            Cli.Result rows = cli.run("query", "--format", "csv", "select count(*) as n from pmp.pmp.fetches");
            assertThat(rows.out()).isEqualTo("n\n0\n");

            cli.env.put("PMP_ERCOT_SUBSCRIPTION_KEY", "wrong-key-123456");
            Cli.Result refused = cli.run("check", "ercot");
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.CONFIG);
            assertThat(refused.out()).contains("ercot.spp_real_time_15min\tconfig\t", "ercot.energy_storage_resources\tok");
            assertThat(refused.out() + refused.err()).doesNotContain("wrong-key-123456");

            assertThat(cli.run("check", "nosuch").exit()).isEqualTo(ExitCodes.USAGE);
        }
    }
}
