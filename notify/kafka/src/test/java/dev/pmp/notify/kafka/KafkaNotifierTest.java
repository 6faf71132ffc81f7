package dev.pmp.notify.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.events.OutboxRelay;
import dev.pmp.spi.Event;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

/** Events through a real in-process Kafka (KRaft, one combined node), including an outage. */
class KafkaNotifierTest {
    private static final Instant T = Instant.parse("2024-07-01T12:00:00Z");

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsDownAndArriveInOrderOnceItIsUp() throws Exception {
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("auto.create.topics.enable", "true")
                .build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap = cluster.bootstrapServers();
            MemoryStore store = new MemoryStore();
            ManualClock clock = new ManualClock(T);

            // An outage: a notifier pointed at a port where no broker listens fails within its timeout.
            try (KafkaNotifier down = new KafkaNotifier("127.0.0.1:1", "pmp.events", Duration.ofSeconds(2), Map.of())) {
                OutboxRelay relay = new OutboxRelay(store, List.of(down), clock);
                relay.enqueue(List.of(event("rows_arrived", "ercot.fuel_mix"), event("gap_found", "caiso.lmp_real_time_5min")));
                assertThat(relay.drain(Duration.ofSeconds(30))).isZero();
                assertThat(relay.lastProblem()).startsWith("kafka: Kafka did not take the events");
                assertThat(store.pendingEvents(10)).hasSize(2);
            }

            // Kafka reachable again: the outbox drains, in order, with key, seq and headers.
            try (KafkaNotifier up = new KafkaNotifier(bootstrap, "pmp.events", Duration.ofSeconds(30), Map.of())) {
                OutboxRelay relay = new OutboxRelay(store, List.of(up), clock);
                relay.enqueue(List.of(event("rows_revised", "ercot.fuel_mix")));
                assertThat(relay.drain(Duration.ofSeconds(60))).isEqualTo(3);
                assertThat(store.pendingEvents(10)).isEmpty();
            }

            // A broker restart under the same notifier: sends fail while it is down, the outbox keeps the event,
            // and it arrives once the broker is back on its port.
            try (KafkaNotifier same = new KafkaNotifier(bootstrap, "pmp.events", Duration.ofSeconds(3), Map.of())) {
                OutboxRelay relay = new OutboxRelay(store, List.of(same), clock);
                kafka.server.BrokerServer broker = cluster.brokers().values().iterator().next();
                broker.shutdown();
                broker.awaitShutdown();
                relay.enqueue(List.of(event("fetch_failed", "ercot.fuel_mix")));
                assertThat(relay.drain(Duration.ofSeconds(30))).isZero();
                assertThat(store.pendingEvents(10)).hasSize(1);
                broker.startup();
                cluster.waitForReadyBrokers();
                clock.advance(Duration.ofSeconds(6));
                assertThat(relay.drain(Duration.ofSeconds(60))).isEqualTo(1);
            }

            List<ConsumerRecord<String, String>> got = consume(bootstrap, 4);
            assertThat(got).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("ercot.fuel_mix", "caiso.lmp_real_time_5min", "ercot.fuel_mix", "ercot.fuel_mix");
            List<String> fuel = got.stream().filter(r -> r.key().equals("ercot.fuel_mix")).map(ConsumerRecord::value).toList();
            assertThat(fuel).containsExactly("{\"seq\":1,\"type\":\"rows_arrived\"}", "{\"seq\":3,\"type\":\"rows_revised\"}",
                    "{\"seq\":4,\"type\":\"fetch_failed\"}");
            assertThat(new String(got.get(0).headers().lastHeader("schema_version").value(), StandardCharsets.UTF_8))
                    .isEqualTo("1");
        }
    }

    private static Event event(String type, String dataset) {
        return new Event(0, type, dataset, T, "{\"type\":\"" + type + "\"}");
    }

    private static List<ConsumerRecord<String, String>> consume(String bootstrap, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("pmp.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }
}
