package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.Simulator;
import dev.pmp.testkit.ManualClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pmp update} with a webhook: events after the write, kept through the receiver's outage. */
class EventsCliTest {
    private static final Instant NOW = Instant.parse("2026-11-20T21:31:10Z");

    @TempDir
    Path dir;

    private Simulator sim;
    private HttpServer hook;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int hookStatus = 200;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        ManualClock clock = new ManualClock(NOW);
        sim = Simulator.start(clock, 0);
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (hookStatus == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(hookStatus, -1);
            exchange.close();
        });
        hook.start();
        cli = new Cli(clock);
        cli.env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
        cli.env.put("PMP_ERCOT_DASHBOARD_URL", sim.baseUri().toString());
        cli.env.put("PMP_DATASETS", "ercot.energy_storage_resources");
        cli.env.put("PMP_HTTP_ATTEMPTS", "1");
        cli.env.put("PMP_WEBHOOK_URL", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        hook.stop(0);
        sim.close();
    }

    @Test
    void rowsArrivedIsPostedAfterTheWriteAndAFailedFetchIsKeptUntilTheWebhookIsBack() {
        assertThat(cli.run("update").exit()).isZero();
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).startsWith("{\"text\":\"pmp: rows arrived ercot.energy_storage_resources")
                .contains("\"event\":{\"seq\":1,\"schema_version\":1,\"type\":\"rows_arrived\"", "\"inserted\":475");

        hookStatus = 503;
        sim.inject(new Fault(FaultKind.STATUS_500, java.time.Duration.ZERO, java.time.Duration.ZERO), 1);
        assertThat(cli.run("update").exit()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(received).hasSize(1);

        hookStatus = 200;
        assertThat(cli.run("update").exit()).isZero();
        assertThat(received).hasSize(1 + 1);
        assertThat(received.get(1)).contains("\"type\":\"fetch_failed\"", "\"failure\":\"TRANSIENT\"", "answered 500");
    }
}
