package dev.pmp.source.miso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.miso.MisoEndpoint;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live passes of the public-API feeds through the real engine against the simulator, with faults. */
class PublicApiSimulatorTest {

    /** 16:47:30 EST on 2026-10-02. */
    private static final Instant NOW = Instant.parse("2026-10-02T21:47:30Z");
    private static final Instant DAY = Instant.parse("2026-10-02T05:00:00Z");

    private EngineHarness engine;

    @BeforeEach
    void start() throws Exception {
        engine = new EngineHarness(NOW);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private List<Row> stored(Dataset dataset) throws Exception {
        List<Row> rows = new ArrayList<>();
        engine.store.scan(dataset, new Window(DAY, DAY.plus(Duration.ofDays(2))), rows::add);
        return rows;
    }

    @Test
    void everyApiFeedSurvivesATransientFault() throws Exception {
        Map<Dataset, FaultKind> faults = Map.of(CsatSupplyDemand.DATASET, FaultKind.STATUS_500,
                CsatReserveRequirement.DATASET, FaultKind.HTML_200, FuelMix.DATASET, FaultKind.GZIP,
                LoadActual.DATASET, FaultKind.GZIP_NO_HEADER, LmpRealTimeFiveMinute.DATASET, FaultKind.STATUS_429,
                AsPricesRealTime.DATASET, FaultKind.STATUS_500);
        for (Map.Entry<Dataset, FaultKind> e : faults.entrySet()) {
            Feed feed = engine.feed(e.getKey());
            engine.simulator.inject(feed.request(Payloads.ANY).uri().getPath(), new Fault(e.getValue(),
                    Duration.ZERO, Duration.ZERO), 1);
            RunReport r = engine.pipeline.update(feed);
            assertThat(r.failure()).as(e.getKey().id() + " " + r.message()).isNull();
            assertThat(r.quarantined()).isEmpty();
            assertThat(stored(e.getKey())).as(e.getKey().id()).isNotEmpty();
        }
        assertThat(stored(CsatSupplyDemand.DATASET)).hasSize(81);
        assertThat(stored(LoadActual.DATASET)).hasSize(201);
        assertThat(stored(FuelMix.DATASET)).hasSize(8);
        assertThat(stored(AsPricesRealTime.DATASET)).hasSize(72);
        // Hubs only by default: 8 *.HUB nodes of the 11 served, 201 intervals.
        assertThat(stored(LmpRealTimeFiveMinute.DATASET)).hasSize(8 * 201);
        assertThat(stored(CsatReserveRequirement.DATASET)).hasSize(3);
    }

    @Test
    void csatKeepsEverySnapshotAndLeavesNoMissingActualQuarter() throws Exception {
        Feed feed = engine.feed(CsatSupplyDemand.DATASET);
        assertThat(engine.pipeline.update(feed).failure()).isNull();
        engine.clock.advance(Duration.ofMinutes(15));
        assertThat(engine.pipeline.update(feed).failure()).isNull();
        List<Row> rows = stored(CsatSupplyDemand.DATASET);
        // 67 actuals + 14 forecasts at 16:47:30, then 68 actuals + 15 forecasts at 17:02:30 EST.
        assertThat(rows).hasSize(164);
        assertThat(rows).extracting(r -> r.get(2)).containsOnly(NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                NOW.plus(Duration.ofMinutes(15)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Window actualPart = new Window(DAY, Instant.parse("2026-10-02T22:00:00Z"));
        assertThat(new Ledger(engine.store.view()).gaps(CsatSupplyDemand.DATASET, actualPart)).isEmpty();
    }

    @Test
    void csatVariantsAreNotPublishedOrQuarantined() throws Exception {
        Feed feed = engine.feed(CsatSupplyDemand.DATASET);
        String path = MisoEndpoint.API + "/CsatSupplyDemand";
        engine.simulator.inject(path, Fault.of(FaultKind.EMPTY_DATA), 1);
        assertThat(engine.pipeline.update(feed).failure()).isEqualTo(Failure.NOT_PUBLISHED);
        engine.simulator.inject(path, Fault.of(FaultKind.NOT_A_NUMBER), 1);
        RunReport r = engine.pipeline.update(feed);
        assertThat(r.failure()).isNull();
        assertThat(r.quarantined()).singleElement().satisfies(q -> assertThat(q.reason())
                .contains("id 1 at 2026-10-02T00:00:00 EST").contains("\"abc\""));
        engine.simulator.inject(path, Fault.of(FaultKind.TRUNCATED), 1);
        assertThat(engine.pipeline.update(feed).failure()).isEqualTo(Failure.BAD_DATA);
    }

    @Test
    void aWithheldQuarterIsASourceGap() throws Exception {
        Window withheld = Window.of(Instant.parse("2026-10-02T06:00:00Z"), Duration.ofMinutes(15));
        engine.simulator.withhold(withheld);
        assertThat(engine.pipeline.update(engine.feed(CsatSupplyDemand.DATASET)).failure()).isNull();
        assertThat(new Ledger(engine.store.view()).gaps(CsatSupplyDemand.DATASET, new Window(DAY,
                Instant.parse("2026-10-02T21:45:00Z")))).singleElement().satisfies(g -> {
                    assertThat(g.window()).isEqualTo(withheld);
                    assertThat(g.kind()).isEqualTo(dev.pmp.engine.ledger.GapKind.SOURCE_GAP);
                });
    }
}
