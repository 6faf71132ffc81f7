package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Simulator;
import dev.pmp.sim.elexon.InsightsEndpoint;
import dev.pmp.testkit.ManualClock;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.SenderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pmp run} fed by pull and push at once: the daemon pulls FUELINST from the simulator's Insights API
 * and takes IRIS messages from a real in-process AMQP 1.0 broker (Artemis) into the same table.
 */
class IrisDaemonTest {
    private static final String QUEUE = "iris-pmp-test";

    @TempDir
    Path dir;

    @Test
    void pushedMessagesLandInTheTablePulledRowsGoTo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP")
                .addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST)));
        broker.start();
        try (Simulator sim = Simulator.start(Clock.systemUTC(), 0); Client client = Client.create()) {
            // Two pushed messages for an old hour the live pull never asks for: three fuels each.
            Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
            try (Connection c = client.connect("127.0.0.1", port)) {
                SenderOptions options = new SenderOptions();
                options.targetOptions().capabilities("queue");
                try (Sender sender = c.openSender(QUEUE, options)) {
                    for (int i = 0; i < 2; i++) {
                        Instant start = t0.plus(Duration.ofMinutes(5L * i));
                        Message<byte[]> m = Message.create(fuelinst(start).getBytes(StandardCharsets.UTF_8));
                        m.subject("FUELINST").messageId("FUELINST_" + i).durable(true);
                        sender.send(m).awaitSettlement(5, TimeUnit.SECONDS);
                    }
                }
            }
            Map<String, String> env = new HashMap<>();
            env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
            env.put("PMP_DATASETS", "elexon.fuelinst");
            env.put("PMP_ELEXON_API_URL", sim.baseUri() + InsightsEndpoint.API_ROOT);
            env.put("PMP_IRIS_AMQP_URL", "amqp://127.0.0.1:" + port);
            env.put("PMP_IRIS_QUEUE", QUEUE);
            PmpProcess daemon = PmpProcess.start(dir, "iris", env, "run", "--http", "off");
            try {
                daemon.awaitErr(l -> l.contains("IRIS subscription open"), Duration.ofSeconds(60));
                daemon.awaitErr(l -> l.contains("elexon.fuelinst: fetched"), Duration.ofSeconds(60));
                Queue queue = broker.getActiveMQServer().locateQueue(QUEUE);
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while ((queue.getMessageCount() > 0 || queue.getDeliveringCount() > 0) && System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                assertThat(queue.getMessageCount()).as(daemon.toString()).isZero();
                assertThat(queue.getMessagesAcknowledged()).isEqualTo(2);
            } finally {
                daemon.process.destroy();
                daemon.waitFor(Duration.ofSeconds(60));
            }
            Cli cli = new Cli(new ManualClock(Instant.now()));
            cli.env.put("PMP_STORE", "duckdb:" + dir.resolve("data/pmp.duckdb"));
            Cli.Result pushed = cli.run("query", "--format", "csv", "select count(*) as n from elexon.fuelinst"
                    + " where interval_start_utc < timestamp '2024-06-01'");
            assertThat(pushed.out()).as(pushed.toString()).isEqualTo("n\n6\n");
            Cli.Result pulled = cli.run("query", "--format", "csv", "select count(*) > 0 as any from elexon.fuelinst"
                    + " where interval_start_utc > timestamp '2026-01-01'");
            assertThat(pulled.out()).isEqualTo("any\ntrue\n");
            assertThat(daemon.err()).doesNotContain("abandoned");
        } finally {
            broker.stop();
        }
    }

    /** An IRIS FUELINST body (the Insights row format) for the 5 minutes from {@code start}. */
    private static String fuelinst(Instant start) {
        StringBuilder sb = new StringBuilder("[");
        String[] fuels = {"CCGT", "WIND", "NUCLEAR"};
        for (int i = 0; i < fuels.length; i++) {
            sb.append(i > 0 ? "," : "").append(String.format(java.util.Locale.ROOT,
                    "{\"dataset\":\"FUELINST\",\"publishTime\":\"%s\",\"startTime\":\"%s\",\"settlementDate\":\"2024-05-01\","
                            + "\"settlementPeriod\":23,\"fuelType\":\"%s\",\"generation\":%d}",
                    start.plus(Duration.ofMinutes(5)), start, fuels[i], 1000 + i));
        }
        return sb.append(']').toString();
    }
}
