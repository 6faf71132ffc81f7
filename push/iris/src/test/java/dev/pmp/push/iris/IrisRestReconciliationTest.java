package dev.pmp.push.iris;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IRIS plus REST gives the same table as REST alone: an hour of 5-minute readings arrives over IRIS (through
 * a real Artemis broker) except for a 20-minute outage; the ledger then shows exactly that hole as missing,
 * the REST feed fills it, and the result equals a store filled from REST only — rows, coverage, no gaps, no
 * revisions.
 */
class IrisRestReconciliationTest {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Duration FIVE = Duration.ofMinutes(5);
    static final Window HOUR = new Window(T0, T0.plus(Duration.ofHours(1)));
    static final Window OUTAGE = new Window(T0.plus(Duration.ofMinutes(20)), T0.plus(Duration.ofMinutes(40)));
    static final Dataset DATASET = FuelinstFeed.DATASET;
    static Broker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    @Test
    void irisWithAnOutageHealedByRestEqualsRestAlone() throws Exception {
        ManualClock clock = new ManualClock(HOUR.end().plus(Duration.ofMinutes(10)));
        List<Reading> published = Reading.between(HOUR.start(), HOUR.end());
        Feed feed = new FuelinstFeed();

        MemoryStore pushed = new MemoryStore();
        RestApi restForPushed = new RestApi(published, clock);
        Pipeline pushedPipeline = new Pipeline(pushed, restForPushed, null, clock, report -> { });
        int sent = 0;
        for (Instant t = HOUR.start(); t.isBefore(HOUR.end()); t = t.plus(FIVE)) {
            if (!OUTAGE.contains(t)) {
                Instant start = t;
                String body = Reading.json(published.stream().filter(r -> r.start().equals(start)).toList());
                broker.send("iris-reconcile", "FUELINST", "FUELINST_" + t.getEpochSecond() + ".json", body);
                sent++;
            }
        }
        Outcomes outcomes = new Outcomes();
        IrisIngest ingest = new IrisIngest(pushedPipeline, id -> Optional.of(feed).filter(f -> f.dataset().id().equals(id)),
                clock, outcomes);
        List<Ingested> got = outcomes.runUntil(AmqpIrisConnection.open("127.0.0.1", broker.port(), "iris-reconcile"), ingest, sent);
        assertThat(got).hasSize(8).extracting(Ingested::disposition).containsOnly(Disposition.COMPLETE);

        List<Gap> hole = new Ledger(pushed.view()).gaps(DATASET, HOUR);
        assertThat(hole).containsExactly(new Gap(OUTAGE, 4, GapKind.MISSING));
        RunReport healed = pushedPipeline.fill(feed, hole.stream().map(Gap::window).toList(), false);
        assertThat(healed.succeeded()).isTrue();
        assertThat(restForPushed.requests()).singleElement()
                .satisfies(r -> assertThat(r.uri().getQuery()).isEqualTo("from=" + OUTAGE.start() + "&to=" + OUTAGE.end()));

        MemoryStore restOnly = new MemoryStore();
        Pipeline restPipeline = new Pipeline(restOnly, new RestApi(published, clock), null, clock, report -> { });
        assertThat(restPipeline.fill(feed, List.of(HOUR), false).succeeded()).isTrue();

        assertThat(Outcomes.rows(pushed.view(), DATASET)).hasSize(36).isEqualTo(Outcomes.rows(restOnly.view(), DATASET));
        assertThat(Outcomes.coverage(pushed.view(), DATASET)).containsExactly(HOUR).isEqualTo(Outcomes.coverage(restOnly.view(), DATASET));
        assertThat(new Ledger(pushed.view()).gaps(DATASET, HOUR)).isEmpty();
        assertThat(new Ledger(restOnly.view()).gaps(DATASET, HOUR)).isEmpty();
        assertThat(pushed.view().revisions(DATASET, 10)).isEmpty();
        assertThat(restOnly.view().revisions(DATASET, 10)).isEmpty();

        RunReport again = pushedPipeline.fill(feed, List.of(HOUR), false);
        assertThat(again.written().inserted() + again.written().updated()).as("REST over what IRIS stored changes nothing").isZero();
        assertThat(again.written().unchanged()).isEqualTo(36);
    }
}
