package dev.pmp.push.iris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.engine.archive.RawArchive;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AmqpIrisConnection} and {@link IrisIngest} against a real in-process Apache Artemis broker: messages
 * are settled only after the pipeline's write, abandoned ones come back, a poison message ends in the
 * dead-letter queue while the others are stored.
 */
class AmqpIrisConnectionTest {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Duration FIVE = Duration.ofMinutes(5);
    static final Dataset DATASET = FuelinstFeed.DATASET;
    static Broker broker;

    @TempDir
    Path dir;
    String queue;
    MemoryStore store;
    Outcomes outcomes;
    IrisIngest ingest;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    @BeforeEach
    void setUp(TestInfo test) {
        queue = "iris-" + test.getTestMethod().orElseThrow().getName();
        store = new MemoryStore();
        outcomes = new Outcomes();
        ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:20:00Z"));
        Pipeline pipeline = new Pipeline(store, (source, request, live) -> {
            throw new AssertionError("a pushed message must not be fetched: " + request.uri());
        }, new RawArchive(dir.resolve("raw")), clock, report -> { });
        FuelinstFeed feed = new FuelinstFeed();
        ingest = new IrisIngest(pipeline, id -> id.equals(DATASET.id()) ? Optional.of(feed) : Optional.empty(), clock, outcomes);
    }

    private AmqpIrisConnection connect() throws SourceException {
        return AmqpIrisConnection.open("127.0.0.1", broker.port(), queue);
    }

    private static String json(int interval) {
        Instant start = T0.plus(FIVE.multipliedBy(interval));
        return Reading.json(Reading.between(start, start.plus(FIVE)));
    }

    @Test
    void deliversMessagesAndCompletesThemAfterTheWrite() throws Exception {
        broker.send(queue, "FUELINST", "m0", json(0));
        broker.sendValue(queue, "FUELINST", "m1", Reading.jsonString(Reading.between(T0.plus(FIVE), T0.plus(FIVE.multipliedBy(2)))));
        broker.send(queue, "FUELINST", "m2", json(2));

        List<Ingested> got = outcomes.runUntil(connect(), ingest, 3);

        assertThat(got).extracting(Ingested::disposition).containsOnly(Disposition.COMPLETE);
        assertThat(got).extracting(i -> i.message().messageId()).containsExactly("m0", "m1", "m2");
        assertThat(got).extracting(i -> i.message().subject()).containsOnly("FUELINST");
        assertThat(got).extracting(i -> i.message().deliveryCount()).containsOnly(0L);
        assertThat(got.get(0).message().queue()).hasToString("amqp://127.0.0.1:" + broker.port() + "/" + queue);
        assertThat(Outcomes.rows(store.view(), DATASET)).hasSize(9);
        assertThat(Outcomes.coverage(store.view(), DATASET)).containsExactly(new Window(T0, T0.plus(FIVE.multipliedBy(3))));
        assertThat(broker.drain(queue)).as("completed messages leave the queue").isEmpty();
    }

    @Test
    void aRedeliveredDuplicateChangesNothing() throws Exception {
        broker.send(queue, "FUELINST", "m0", json(0));
        broker.send(queue, "FUELINST", "m0", json(0));

        List<Ingested> got = outcomes.runUntil(connect(), ingest, 2);

        assertThat(got).extracting(Ingested::disposition).containsOnly(Disposition.COMPLETE);
        assertThat(got.get(0).report().orElseThrow().written()).isEqualTo(new WriteResult(3, 0, 0));
        assertThat(got.get(1).report().orElseThrow().written()).isEqualTo(new WriteResult(0, 0, 3));
        assertThat(Outcomes.rows(store.view(), DATASET)).hasSize(3);
        assertThat(store.view().revisions(DATASET, 10)).isEmpty();
        assertThat(store.view().fetches(DATASET, 10)).hasSize(2);
    }

    @Test
    void aPoisonMessageIsAbandonedUntilDeadLetteredWhileTheOthersAreStored() throws Exception {
        String truncated = json(1).substring(0, 100);
        broker.send(queue, "FUELINST", "good-0", json(0));
        broker.send(queue, "FUELINST", "poison", truncated);
        broker.send(queue, "FUELINST", "good-2", json(2));

        List<Ingested> got = outcomes.runUntil(connect(), ingest, 2 + Broker.MAX_DELIVERIES);

        List<Ingested> poison = got.stream().filter(i -> i.message().messageId().equals("poison")).toList();
        assertThat(poison).hasSize(Broker.MAX_DELIVERIES).allSatisfy(i -> {
            assertThat(i.disposition()).isEqualTo(Disposition.ABANDON);
            assertThat(i.reason()).startsWith("BAD_DATA: FUELINST amqp://").contains("not valid JSON");
        });
        assertThat(poison).extracting(i -> i.message().deliveryCount()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(got).filteredOn(i -> i.message().messageId().startsWith("good"))
                .extracting(Ingested::disposition).containsExactly(Disposition.COMPLETE, Disposition.COMPLETE);
        assertThat(Outcomes.rows(store.view(), DATASET)).hasSize(6);
        assertThat(Outcomes.coverage(store.view(), DATASET)).containsExactly(
                new Window(T0, T0.plus(FIVE)), new Window(T0.plus(FIVE.multipliedBy(2)), T0.plus(FIVE.multipliedBy(3))));
        assertThat(store.view().fetches(DATASET, 20)).filteredOn(f -> f.failure() == Failure.BAD_DATA).hasSize(Broker.MAX_DELIVERIES);
        assertThat(broker.drain(queue)).isEmpty();
        assertThat(broker.drain(Broker.DEAD_LETTERS)).containsExactly("poison");
    }

    @Test
    void aMessageWhoseWriteFailsIsAbandonedAndStoredOnRedelivery() throws Exception {
        store.failNextWrite();
        broker.send(queue, "FUELINST", "m0", json(0));

        List<Ingested> got = outcomes.runUntil(connect(), ingest, 2);

        assertThat(got).extracting(Ingested::disposition).containsExactly(Disposition.ABANDON, Disposition.COMPLETE);
        assertThat(got.get(0).report().orElseThrow().failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(got).extracting(i -> i.message().deliveryCount()).containsExactly(0L, 1L);
        assertThat(Outcomes.rows(store.view(), DATASET)).hasSize(3);
        assertThat(Outcomes.coverage(store.view(), DATASET)).containsExactly(new Window(T0, T0.plus(FIVE)));
        assertThat(broker.drain(queue)).isEmpty();
    }

    @Test
    void closingWhileAMessageIsHandledStillSettlesIt() throws Exception {
        broker.send(queue, "FUELINST", "m0", json(0));
        AmqpIrisConnection connection = connect();
        MessageHandler closeWhileHandling = message -> {
            connection.close();
            return ingest.handle(message);
        };

        List<Ingested> got = outcomes.runUntil(connection, closeWhileHandling, 1);

        assertThat(got).singleElement().extracting(Ingested::disposition).isEqualTo(Disposition.COMPLETE);
        assertThat(Outcomes.rows(store.view(), DATASET)).hasSize(3);
        assertThat(broker.drain(queue)).isEmpty();
    }

    @Test
    void aHandlerThatThrowsEndsTheRunAndItsMessageIsDeliveredAgain() throws Exception {
        broker.send(queue, "FUELINST", "m0", json(0));
        MessageHandler broken = message -> {
            outcomes.accept(new Ingested(message, "", Disposition.ABANDON, Optional.empty(), "handler bug"));
            throw new IllegalStateException("handler bug");
        };

        assertThatThrownBy(() -> outcomes.runUntil(connect(), broken, 1))
                .hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("handler bug");
        outcomes.taken();
        List<Ingested> got = outcomes.runUntil(connect(), ingest, 1);

        assertThat(got).singleElement().satisfies(i -> {
            assertThat(i.message().deliveryCount()).isEqualTo(1L);
            assertThat(i.disposition()).isEqualTo(Disposition.COMPLETE);
        });
        assertThat(Outcomes.rows(store.view(), DATASET)).hasSize(3);
    }

    @Test
    void aBrokerThatCannotBeReachedIsATransientFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (AmqpIrisConnection c = AmqpIrisConnection.open("127.0.0.1", closedPort, queue)) {
            assertThatThrownBy(() -> c.run(ingest))
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.TRANSIENT))
                    .hasMessageContaining("amqp://127.0.0.1:" + closedPort + "/" + queue);
        }
    }
}
