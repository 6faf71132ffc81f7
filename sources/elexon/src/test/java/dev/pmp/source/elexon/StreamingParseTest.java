package dev.pmp.source.elexon;

import static dev.pmp.source.elexon.Json.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The single streaming pass of {@link InsightsFeed#parse}: rows typed and placed as they are read, field
 * names predicted from the previous row, the key table kept per instant while rows come in time order.
 */
class StreamingParseTest {
    private static final Window SP23_24 = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T11:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    private static Map<String, Object> mid(int sp, double price) {
        return mid(sp, "APXMIDP", price);
    }

    private static Map<String, Object> mid(int sp, String provider, double price) {
        return row("dataset", "MID", "startTime", SettlementPeriods.start(DAY, sp).toString(), "dataProvider", provider,
                "settlementDate", "2024-05-01", "settlementPeriod", sp, "price", price, "volume", 10.0);
    }

    @Test
    void aRepeatOfAnEarlierInstantIsStillFoundAfterLaterInstantsStarted() throws SourceException {
        Parsed same = Payloads.parse("MID", SP23_24, Json.array(List.of(mid(23, 60.5), mid(24, 61.0), mid(23, 60.5), mid(24, 61.0))));
        assertThat(same.rows()).extracting(r -> r.instant(0))
                .containsExactly(Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T10:30:00Z"));
        assertThat(same.notes()).containsExactly("2 identical repeated rows merged");

        Parsed conflicting = Payloads.parse("MID", SP23_24, Json.array(List.of(mid(23, 60.5), mid(24, 61.0), mid(23, 99.0))));
        assertThat(conflicting.rows()).extracting(r -> Payloads.value("MID", r, "price")).containsExactly(61.0);
        assertThat(conflicting.quarantined()).singleElement()
                .satisfies(q -> assertThat(q.reason()).isEqualTo("row 2 repeats key [2024-05-01T10:00:00Z, APXMIDP] with other values"));
    }

    @Test
    void rowsOutOfTimeOrderKeepEveryDistinctKey() throws SourceException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int sp : new int[] {24, 23, 24, 23}) {
            rows.add(mid(sp, sp));
        }
        rows.add(row("dataset", "MID", "startTime", SettlementPeriods.start(DAY, 23).toString(), "dataProvider", "N2EXMIDP",
                "settlementDate", "2024-05-01", "settlementPeriod", 23, "price", 1.0, "volume", 2.0));
        Parsed p = Payloads.parse("MID", SP23_24, Json.array(rows));
        assertThat(p.rows()).extracting(r -> r.instant(0) + " " + Payloads.value("MID", r, "data_provider"))
                .containsExactly("2024-05-01T10:00:00Z APXMIDP", "2024-05-01T10:00:00Z N2EXMIDP", "2024-05-01T10:30:00Z APXMIDP");
        assertThat(p.notes()).containsExactly("Elexon MID: rows arrived out of time order; sorted", "2 identical repeated rows merged");
    }

    @Test
    void fieldsAreFoundByNameWhenTheOrderChangesOrAFieldIsMissing() throws SourceException {
        Map<String, Object> reversed = row("volume", 20.0, "price", 62.5, "settlementPeriod", 24, "settlementDate", "2024-05-01",
                "dataProvider", "APXMIDP", "startTime", "2024-05-01T10:30:00Z", "dataset", "MID");
        Map<String, Object> noVolume = row("dataset", "MID", "startTime", "2024-05-01T10:00:00Z", "dataProvider", "N2EXMIDP",
                "settlementDate", "2024-05-01", "settlementPeriod", 23, "price", 55.0);
        Parsed p = Payloads.parse("MID", SP23_24, Json.array(List.of(mid(23, 60.5), reversed, noVolume, mid(24, "N2EXMIDP", 1.0))));
        assertThat(p.rows()).hasSize(4);
        assertThat(p.rows()).map(r -> Payloads.named("MID", r)).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).containsEntry("data_provider", "APXMIDP").containsEntry("price", 60.5).containsEntry("volume", 10.0),
                m -> assertThat(m).containsEntry("data_provider", "N2EXMIDP").containsEntry("price", 55.0).containsEntry("volume", null)
                        .containsEntry("settlement_period", 23L),
                m -> assertThat(m).containsEntry("data_provider", "APXMIDP").containsEntry("price", 62.5).containsEntry("volume", 20.0)
                        .containsEntry("settlement_period", 24L),
                m -> assertThat(m).containsEntry("data_provider", "N2EXMIDP").containsEntry("price", 1.0).containsEntry("volume", 10.0));
        assertThat(p.quarantined()).isEmpty();
    }

    @Test
    void aLargeAnswerKeepsEveryRowAndEveryValue() throws SourceException {
        // One settlement period of 400 units with 4 pairs each: the key table grows well past its first size,
        // and levels run beyond the range whose boxes are shared.
        List<Map<String, Object>> rows = new ArrayList<>();
        long[] levels = {-70_000, -4_097, -4_096, -1, 0, 127, 128, 16_383, 16_384, 9_000_000};
        int n = 0;
        for (int u = 0; u < 400; u++) {
            for (int pair : new int[] {-2, -1, 1, 2}) {
                long level = levels[n++ % levels.length];
                rows.add(row("dataset", "BOD", "settlementDate", "2024-05-01", "settlementPeriod", 23, "timeFrom", "2024-05-01T10:00:00Z",
                        "levelFrom", level, "timeTo", "2024-05-01T10:30:00Z", "levelTo", -level, "pairId", pair, "offer", u + 0.25,
                        "bid", -u - 0.5, "nationalGridBmUnit", "UNIT" + u, "bmUnit", "T_UNIT" + u));
            }
        }
        Parsed p = Payloads.parse("BOD", SP23_24, Json.array(rows));
        assertThat(p.rows()).hasSize(1600);
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.notes()).isEmpty();
        for (int i = 0; i < rows.size(); i++) {
            Row r = p.rows().get(i);
            Map<String, Object> json = rows.get(i);
            assertThat(Payloads.value("BOD", r, "bm_unit")).isEqualTo(json.get("bmUnit"));
            assertThat(Payloads.value("BOD", r, "pair_id")).isEqualTo((long) (int) json.get("pairId"));
            assertThat(Payloads.value("BOD", r, "level_from")).isEqualTo(json.get("levelFrom"));
            assertThat(Payloads.value("BOD", r, "level_to")).isEqualTo(json.get("levelTo"));
            assertThat(Payloads.value("BOD", r, "offer")).isEqualTo(json.get("offer"));
            assertThat(Payloads.value("BOD", r, "bid")).isEqualTo(json.get("bid"));
            assertThat(r.instant(0)).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
            assertThat(r.instant(1)).isEqualTo(Instant.parse("2024-05-01T10:30:00Z"));
        }
    }

    @Test
    void sharedBoxesHoldTheirValues() {
        for (long v : new long[] {Long.MIN_VALUE, -4_097, -4_096, -129, -1, 0, 128, 4_000, 16_383, 16_384, Long.MAX_VALUE}) {
            assertThat(InsightsJson.boxed(v)).isEqualTo(v);
        }
        assertThat(InsightsJson.boxed(1_500)).isSameAs(InsightsJson.boxed(1_500));
    }
}
