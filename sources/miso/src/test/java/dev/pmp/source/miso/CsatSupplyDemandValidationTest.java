package dev.pmp.source.miso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The CSAT rules. Payloads are the recorded rows (or short arrays in the recorded shape) with one thing
 * broken; each rule break must be quarantined with a reason naming the row, never dropped silently.
 */
class CsatSupplyDemandValidationTest {

    private final CsatSupplyDemand feed = new CsatSupplyDemand(MisoSettings.defaults());

    private static String actual(int id, String time, Object demand, Object committed) {
        return "{\"id\":" + id + ",\"timeEst\":\"2026-10-02T" + time + "\",\"demand\":" + demand
                + ",\"committedCapacity\":" + committed
                + ",\"demandForecast\":null,\"committedCapacityForecast\":null,\"availableCapacity\":null}";
    }

    private static String forecast(int id, String time, Object demand, Object committed, Object available) {
        return "{\"id\":" + id + ",\"timeEst\":\"2026-10-02T" + time + "\",\"demand\":null,\"committedCapacity\":null"
                + ",\"demandForecast\":" + demand + ",\"committedCapacityForecast\":" + committed
                + ",\"availableCapacity\":" + available + "}";
    }

    private Parsed parse(String... rows) throws SourceException {
        return feed.parse(Payloads.ANY, Payloads.response("https://x.test/api/CsatSupplyDemand",
                "[" + String.join(",", rows) + "]"));
    }

    private static Instant est(String time) {
        return Instant.parse("2026-10-02T" + time + "Z").plusSeconds(5 * 3600);
    }

    @Test
    void negativeValueIsQuarantinedNamingTheRow() throws Exception {
        Parsed p = parse(actual(1, "00:00:00", 74202, 90245), actual(2, "00:15:00", -5, 87224),
                actual(3, "00:30:00", 73263, 87197));
        assertThat(p.rows()).hasSize(2);
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(new Window(est("00:15:00"), est("00:30:00")));
            assertThat(q.rows()).isEqualTo(1);
            assertThat(q.reason()).contains("row 1 (id 2 at 2026-10-02T00:15:00 EST)").contains("demand is negative");
        });
        assertThat(p.covered()).containsExactly(new Window(est("00:00:00"), est("00:15:00")),
                new Window(est("00:30:00"), est("00:45:00")));
    }

    @Test
    void committedCapacityBelowDemandOnAnActualRowIsQuarantined() throws Exception {
        Parsed p = parse(actual(1, "00:00:00", 74202, 70000));
        assertThat(p.rows()).isEmpty();
        assertThat(p.quarantined()).extracting(Quarantine::reason).singleElement().asString()
                .contains("id 1").contains("committedCapacity 70000 MW below demand 74202 MW");
        assertThat(p.covered()).isEmpty();
    }

    @Test
    void forecastAvailabilityBelowCommittedForecastIsQuarantined() throws Exception {
        Parsed p = parse(actual(1, "16:30:00", 82746, 92895), forecast(2, "16:45:00", 82822, 92433, 90000));
        assertThat(p.rows()).hasSize(1);
        assertThat(p.quarantined()).extracting(Quarantine::reason).singleElement().asString()
                .contains("id 2").contains("availableCapacity 90000 MW below committedCapacityForecast 92433 MW");
    }

    @Test
    void forecastRowWithoutAvailabilityIsQuarantined() throws Exception {
        Parsed p = parse(forecast(68, "16:45:00", 82822, 92433, null));
        assertThat(p.quarantined()).extracting(Quarantine::reason).singleElement().asString()
                .contains("forecast row without availableCapacity");
    }

    @Test
    void rowMixingActualAndForecastIsQuarantined() throws Exception {
        String mixed = "{\"id\":9,\"timeEst\":\"2026-10-02T02:00:00\",\"demand\":70045,\"committedCapacity\":86064,"
                + "\"demandForecast\":70000,\"committedCapacityForecast\":null,\"availableCapacity\":null}";
        assertThat(parse(mixed).quarantined()).extracting(Quarantine::reason).singleElement().asString()
                .contains("id 9").contains("mixes actual and forecast");
    }

    @Test
    void nonNumericValueIsQuarantined() throws Exception {
        Parsed p = parse(actual(1, "00:00:00", "\"abc\"", 90245), actual(2, "00:15:00", 73844, 87224));
        assertThat(p.rows()).hasSize(1);
        assertThat(p.quarantined()).extracting(Quarantine::reason).singleElement().asString()
                .contains("demand is \"abc\", not a number");
    }

    @Test
    void unitOtherThanMwIsQuarantinedAndMwIsAccepted() throws Exception {
        String kw = actual(1, "00:00:00", 74202, 90245).replace("}", ",\"unit\":\"kW\"}");
        String mw = actual(2, "00:15:00", 73844, 87224).replace("}", ",\"unit\":\"MW\"}");
        Parsed p = parse(kw, mw);
        assertThat(p.rows()).hasSize(1);
        assertThat(p.quarantined()).extracting(Quarantine::reason).singleElement().asString()
                .contains("id 1").contains("unit = \"kW\", expected MW");
    }

    @Test
    void identicalDuplicatesAreMergedAndNoted() throws Exception {
        Parsed p = parse(actual(1, "00:00:00", 74202, 90245), actual(1, "00:00:00", 74202, 90245),
                actual(2, "00:15:00", 73844, 87224));
        assertThat(p.rows()).hasSize(2);
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.notes()).singleElement().asString().contains("repeated 1 time(s)");
    }

    @Test
    void conflictingDuplicatesAreQuarantinedTogether() throws Exception {
        Parsed p = parse(actual(1, "00:00:00", 74202, 90245), actual(2, "00:00:00", 74000, 90245),
                actual(3, "00:15:00", 73844, 87224));
        assertThat(p.rows()).hasSize(1);
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(new Window(est("00:00:00"), est("00:15:00")));
            assertThat(q.reason()).contains("published 2 times with different values").contains("id 1")
                    .contains("id 2");
        });
    }

    @Test
    void outOfOrderRowsAreSortedAndNoted() throws Exception {
        Parsed p = parse(actual(2, "00:15:00", 73844, 87224), actual(1, "00:00:00", 74202, 90245));
        assertThat(p.rows()).extracting(r -> r.get(0)).containsExactly(est("00:00:00"), est("00:15:00"));
        assertThat(p.rows().get(0).get(1)).isEqualTo(est("00:15:00"));
        assertThat(p.notes()).singleElement().asString().contains("not in time order");
    }

    @Test
    void actualQuarterLeftOutByMisoIsASourceGapNotAStretchedInterval() throws Exception {
        Parsed p = parse(actual(1, "00:00:00", 74202, 90245), actual(2, "00:30:00", 73263, 87197),
                forecast(3, "00:45:00", 73000, 87000, 90000));
        assertThat(p.rows()).extracting(r -> r.get(0), r -> r.get(1)).containsExactly(
                org.assertj.core.groups.Tuple.tuple(est("00:00:00"), est("00:15:00")),
                org.assertj.core.groups.Tuple.tuple(est("00:30:00"), est("00:45:00")),
                org.assertj.core.groups.Tuple.tuple(est("00:45:00"), Instant.parse("2026-10-03T05:00:00Z")));
        assertThat(p.covered()).containsExactly(new Window(est("00:00:00"), est("00:45:00")));
    }

    @Test
    void snapshotWithoutActualsCoversNothing() throws Exception {
        Parsed p = parse(forecast(1, "00:00:00", 73000, 87000, 90000));
        assertThat(p.rows()).hasSize(1);
        assertThat(p.covered()).isEmpty();
        assertThat(p.notes()).singleElement().asString().contains("no actual row");
    }

    @Test
    void unknownFieldIsNoted() throws Exception {
        Parsed p = parse(actual(1, "00:00:00", 74202, 90245).replace("}", ",\"region\":\"MISO\"}"));
        assertThat(p.rows()).hasSize(1);
        assertThat(p.notes()).singleElement().asString().contains("region");
    }

    @Test
    void missingValueFieldIsSchemaDrift() {
        String drifted = "{\"id\":1,\"timeEst\":\"2026-10-02T00:00:00\",\"actualDemand\":74202,"
                + "\"committedCapacity\":90245,\"demandForecast\":null,\"committedCapacityForecast\":null,"
                + "\"availableCapacity\":null}";
        assertThatThrownBy(() -> parse(drifted)).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("row 0 has no field \"demand\"");
    }

    @Test
    void thirdPartyDocumentedShapeIsRejected() {
        String wrong = "{\"timestamp\":\"2025-12-05T10:00:00-05:00\",\"region\":\"MISO_TOTAL\",\"data\":{}}";
        assertThatThrownBy(() -> feed.parse(Payloads.ANY, Payloads.response("https://x.test/a", wrong)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("expected an array");
    }

    @Test
    void truncatedPayloadIsBadData() {
        String full = Payloads.text(CsatSupplyDemandGoldenTest.FIXTURE);
        assertThatThrownBy(() -> feed.parse(Payloads.ANY, Payloads.response("https://x.test/a",
                full.substring(0, full.length() / 2)))).isInstanceOfSatisfying(SourceException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("not complete JSON");
    }

    @Test
    void htmlBehind200IsBadData() {
        assertThatThrownBy(() -> feed.parse(Payloads.ANY, Payloads.response("https://x.test/a",
                "<!DOCTYPE html><html><body>Maintenance</body></html>")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("HTML");
    }

    @Test
    void emptyArrayIsNotPublished() {
        assertThatThrownBy(() -> parse()).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
    }
}
