package dev.pmp.push.iris;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.archive.RawArchive;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.source.elexon.ElexonSource;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code elexon} source's real FUELINST feed reading IRIS messages through a real Artemis broker, found the
 * way the app finds it (every Elexon dataset's feed, by id). The bodies are synthesised from the documented row
 * format (Insights OpenAPI {@code AugmentedOutturnData}: dataset, publishTime, startTime, settlementDate,
 * settlementPeriod, fuelType, generation), as no real IRIS message is public.
 */
class ElexonFuelinstIrisTest {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Duration FIVE = Duration.ofMinutes(5);
    static Broker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    private static String json(int interval) {
        Instant start = T0.plus(FIVE.multipliedBy(interval));
        return Reading.json(Reading.between(start, start.plus(FIVE)));
    }

    @Test
    void theRealFeedStoresIrisMessagesAndLeavesTheHoleToRest() throws Exception {
        ElexonSource elexon = new ElexonSource();
        Map<String, Feed> catalog = new HashMap<>();
        for (Dataset d : elexon.datasets()) {
            catalog.put(d.id(), elexon.feed(d, key -> Optional.empty()));
        }
        Dataset fuelinst = catalog.get("elexon.fuelinst").dataset();
        MemoryStore store = new MemoryStore();
        ManualClock clock = new ManualClock(T0.plus(Duration.ofMinutes(30)));
        Pipeline pipeline = new Pipeline(store, (source, request, live) -> {
            throw new AssertionError("a pushed message must not be fetched: " + request.uri());
        }, new RawArchive(dir.resolve("raw")), clock, report -> { });
        Outcomes outcomes = new Outcomes();
        IrisIngest ingest = new IrisIngest(pipeline, id -> Optional.ofNullable(catalog.get(id)), clock, outcomes);
        String queue = "iris-elexon-fuelinst";
        broker.send(queue, "FUELINST", "FUELINST_202405011005_1.json", json(0));
        broker.sendValue(queue, "FUELINST", "FUELINST_202405011010_2.json",
                Reading.jsonString(Reading.between(T0.plus(FIVE), T0.plus(FIVE.multipliedBy(2)))));
        broker.send(queue, "FUELINST", "FUELINST_202405011020_4.json", json(3));
        broker.send(queue, "FUELINST", "FUELINST_202405011005_1.json", json(0));
        broker.send(queue, "FUELINST", "FUELINST_202405011025_5.json", "[]");

        List<Ingested> got = outcomes.runUntil(AmqpIrisConnection.open("127.0.0.1", broker.port(), queue), ingest, 5);

        assertThat(got).extracting(Ingested::disposition).containsOnly(Disposition.COMPLETE);
        assertThat(got.get(3).report().orElseThrow().written()).as("the duplicate").isEqualTo(new WriteResult(0, 0, 3));
        assertThat(got.get(4).reason()).startsWith("nothing to write, completed: NOT_PUBLISHED");
        List<Row> rows = Outcomes.rows(store.view(), fuelinst);
        assertThat(rows).hasSize(9);
        assertThat(rows.get(0).values()).containsExactly(T0, T0.plus(FIVE), "CCGT", T0.plus(FIVE), LocalDate.of(2024, 5, 1), 23L,
                1000L + (T0.getEpochSecond() / 300) % 97);
        Instant last = T0.plus(FIVE.multipliedBy(3));
        assertThat(rows.get(8).values()).containsExactly(last, last.plus(FIVE), "WIND", last.plus(FIVE), LocalDate.of(2024, 5, 1),
                23L, 2000L + (last.getEpochSecond() / 300) % 97);
        assertThat(Outcomes.coverage(store.view(), fuelinst)).containsExactly(
                new Window(T0, T0.plus(FIVE.multipliedBy(2))), new Window(last, last.plus(FIVE)));
        assertThat(new Ledger(store.view()).gaps(fuelinst, new Window(T0, last.plus(FIVE))))
                .containsExactly(new Gap(new Window(T0.plus(FIVE.multipliedBy(2)), last), 1, GapKind.MISSING));
        assertThat(store.view().revisions(fuelinst, 10)).isEmpty();
        assertThat(broker.drain(queue)).isEmpty();
    }
}
