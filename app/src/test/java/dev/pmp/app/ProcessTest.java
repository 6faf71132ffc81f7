package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Fault;
import dev.pmp.sim.Simulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pmp as separate processes: concurrent updates, a killed holder, a daemon stopped and restarted. */
class ProcessTest {
    private static final String ESR = "ercot.energy_storage_resources";

    @TempDir
    Path dir;

    private Simulator sim;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(Clock.systemUTC(), 0);
        env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
        env.put("PMP_ERCOT_DASHBOARD_URL", sim.baseUri().toString());
        env.put("PMP_HTTP_BACKOFF_MS", "20");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void twoUpdatesStartedTogetherOneProceedsTheOtherExits75NamingTheHolder() throws Exception {
        // A slow answer keeps the first update inside its pass while the second starts.
        sim.inject(Fault.timeout(Duration.ofSeconds(3)), 1);
        PmpProcess a = PmpProcess.start(dir, "a", env, "update");
        PmpProcess b = PmpProcess.start(dir, "b", env, "update");
        int ea = a.waitFor(Duration.ofSeconds(60));
        int eb = b.waitFor(Duration.ofSeconds(60));

        assertThat(List.of(ea, eb)).as(a + "\n" + b).containsExactlyInAnyOrder(0, 75);
        PmpProcess loser = ea == 75 ? a : b;
        PmpProcess winner = ea == 75 ? b : a;
        assertThat(loser.err().lines().toList()).as(loser.toString()).hasSize(1);
        assertThat(loser.err()).contains("another pmp process holds the store", "(pid " + winner.process.pid() + " pmp update)");
        assertThat(winner.err()).contains("inserted");
    }

    @Test
    void demoRunsTheDaemonAgainstItsOwnSimulatorWithNoNetwork() throws Exception {
        Map<String, String> demoEnv = Map.of("PMP_STORE", "duckdb:" + dir.resolve("demo/pmp.duckdb"));
        PmpProcess demo = PmpProcess.start(dir, "demo", demoEnv, "demo", "--http", "off");
        demo.awaitErr(l -> l.contains(ESR + ": fetched") && l.contains("INFO"), Duration.ofSeconds(60));
        assertThat(demo.err()).contains("pmp demo: simulator serving at http://127.0.0.1:")
                .containsPattern("pmp demo: [0-9]+ other datasets not selected by PMP_DATASETS=")
                .doesNotContain("disabled: not selected");
        demo.process.destroy();
        demo.waitFor(Duration.ofSeconds(60));
        assertThat(demo.err()).contains("stopped cleanly").doesNotContain("ERROR");
        assertThat(dir.resolve("demo/raw/ercot/energy_storage_resources")).isDirectory();
    }

    @Test
    void aCommandRefusedWhileTheDaemonRunsIsToldWhereItsDashboardAnswers() throws Exception {
        PmpProcess daemon = PmpProcess.start(dir, "daemon", env, "run", "--http", "127.0.0.1:0");
        daemon.awaitErr(l -> l.contains(ESR + ": fetched"), Duration.ofSeconds(60));
        Cli cli = new Cli(Clock.systemUTC());
        cli.env.putAll(env);
        Cli.Result status = cli.run("status");
        daemon.process.destroy();
        daemon.waitFor(Duration.ofSeconds(60));

        assertThat(status.exit()).as(status.toString()).isEqualTo(ExitCodes.STORE_BUSY);
        assertThat(status.err()).contains("(pid " + daemon.process.pid() + " pmp run, dashboard http://127.0.0.1:",
                "/api/datasets");
    }

    @Test
    void aKilledHolderNeverBlocksTheNextRun() throws Exception {
        PmpProcess daemon = PmpProcess.start(dir, "daemon", env, "run", "--http", "off");
        daemon.awaitErr(l -> l.contains(ESR + ": fetched"), Duration.ofSeconds(60));
        daemon.process.destroyForcibly().waitFor();

        PmpProcess update = PmpProcess.start(dir, "update", env, "update");
        assertThat(update.waitFor(Duration.ofSeconds(60))).as(update.toString()).isZero();
        assertThat(update.err()).contains("inserted 0,");
    }

    @Test
    void theDaemonStopsCleanlyOnSigtermAndARestartCarriesOnWithoutDuplicates() throws Exception {
        PmpProcess first = PmpProcess.start(dir, "first", env, "run", "--repoll", "1", "--http", "off");
        first.awaitErr(l -> l.contains(ESR + ": fetched"), Duration.ofSeconds(60));
        first.process.destroy();
        assertThat(first.waitFor(Duration.ofSeconds(60))).as(first.toString()).isIn(0, 143);
        assertThat(first.err()).contains("pmp run: stopped cleanly");

        PmpProcess second = PmpProcess.start(dir, "second", env, "run", "--http", "off");
        second.awaitErr(l -> l.contains(ESR + ": fetched"), Duration.ofSeconds(60));
        second.process.destroy();
        second.waitFor(Duration.ofSeconds(60));
        assertThat(second.err()).contains("updated 0").doesNotContain("ERROR");

        PmpProcess status = PmpProcess.start(dir, "status", env, "status", "--json");
        assertThat(status.waitFor(Duration.ofSeconds(60))).as(status.toString()).isZero();
        assertThat(status.out()).contains("\"state\" : \"fresh\"", "\"open_gap_intervals\" : 0");
    }
}
