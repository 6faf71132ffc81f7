package dev.pmp.notify.kafka;

import dev.pmp.engine.events.Events;
import dev.pmp.engine.events.Notifier;
import dev.pmp.spi.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to a Kafka topic: key the dataset id (so one dataset's events stay in order on one
 * partition), value the event's JSON with its outbox {@code seq}, headers {@code type} and
 * {@code schema_version}. Idempotent producer with {@code acks=all}; {@link #send} returns only when every
 * record is acknowledged and fails within the delivery timeout when the cluster is unreachable, so the events
 * stay in the outbox.
 */
public final class KafkaNotifier implements Notifier {

    private final Producer<String, String> producer;
    private final String topic;
    private final Duration deliveryTimeout;

    /**
     * @param bootstrapServers {@code host:port,...}
     * @param topic the topic events go to
     * @param deliveryTimeout how long one send may take before it counts as failed
     * @param extra further producer settings (security, client id), applied last
     */
    public KafkaNotifier(String bootstrapServers, String topic, Duration deliveryTimeout, Map<String, String> extra) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.deliveryTimeout = Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("the Kafka topic must not be blank");
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "pmp-events");
        long ms = deliveryTimeout.toMillis();
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(ms));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(1000, ms / 2)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(ms));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.putAll(extra);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void send(List<Event> events) throws IOException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        try {
            for (Event e : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, e.datasetId(), Notifier.message(e));
                record.headers().add("type", e.type().getBytes(StandardCharsets.UTF_8));
                record.headers().add("schema_version",
                        Integer.toString(Events.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            producer.flush();
            long deadline = System.nanoTime() + deliveryTimeout.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IOException("Kafka did not take the events for topic " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException | KafkaException e) {
            throw new IOException("Kafka did not take the events for topic " + topic + " within "
                    + deliveryTimeout.toSeconds() + " s: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending events to Kafka", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
