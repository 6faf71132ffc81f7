package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.sim.Simulator;
import dev.pmp.testkit.ManualClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/** The payload registry as the CLI wires it: a real Redis from {@code PMP_REDIS_URL}, else the store. */
class PayloadRegistryCliTest {
    private static final Instant NOW = Instant.parse("2025-11-09T21:33:10Z");
    private static final String ESR = "ercot.energy_storage_resources";

    @TempDir
    Path dir;

    private Simulator sim;
    private RedisServer redis;
    private int port;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        ManualClock clock = new ManualClock(NOW);
        sim = Simulator.start(clock, 0);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                .setting("appendonly no").build();
        redis.start();
        cli = new Cli(clock);
        cli.env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
        cli.env.put("PMP_ERCOT_DASHBOARD_URL", sim.baseUri().toString());
        cli.env.put("PMP_DATASETS", ESR);
        cli.env.put("PMP_HTTP_ATTEMPTS", "1");
    }

    @AfterEach
    void stop() throws IOException {
        redis.stop();
        sim.close();
    }

    @Test
    void anIdenticalPayloadIsSkippedThroughRedisAndWrittenAgainWithTheCheckOff() {
        cli.env.put("PMP_REDIS_URL", "redis://127.0.0.1:" + port);
        assertThat(cli.run("update").exit()).isZero();

        Cli.Result second = cli.run("update");
        assertThat(second.exit()).as(second.toString()).isZero();
        Cli.Result status = cli.run("status", ESR);
        assertThat(status.out()).as(status.toString())
                .contains(Pipeline.SKIPPED + "redis://127.0.0.1:" + port + "/0)");

        cli.env.put("PMP_DEDUP", "off");
        assertThat(cli.run("update").exit()).isZero();
        assertThat(cli.run("status", ESR).out()).doesNotContain(Pipeline.SKIPPED).contains("unchanged");
    }

    @Test
    void withoutRedisTheStoresFetchLogIsTheRegistry() {
        assertThat(cli.run("update").exit()).isZero();
        assertThat(cli.run("update").exit()).isZero();
        assertThat(cli.run("status", ESR).out()).contains(Pipeline.SKIPPED + "the store's fetch log)");
    }

    @Test
    void aBadRedisUrlOrSwitchIsASettingsError() {
        cli.env.put("PMP_REDIS_URL", "http://127.0.0.1:" + port);
        Cli.Result r = cli.run("update");
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("PMP_REDIS_URL");
        cli.env.remove("PMP_REDIS_URL");
        cli.env.put("PMP_DEDUP", "maybe");
        assertThat(cli.run("update").err()).contains("PMP_DEDUP");
    }
}
