package dev.pmp.source.elexon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests on every real Insights answer recorded in {@code src/test/resources/elexon/recorded}. */
class RecordedGoldenTest {

    private static Parsed parse(String code, String file, Window window) throws SourceException {
        return Payloads.feed(code).parse(window, Payloads.response(Payloads.recorded(file)));
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void milsEnvelopeOfOnePeriodWithNullBmUnits() throws SourceException {
        Window sp25 = Payloads.window("2024-05-01T11:00:00Z", "2024-05-01T11:30:00Z");
        Parsed p = parse("MILS", "datasets-MILS.json", sp25);

        assertThat(p.rows()).hasSize(1000);
        assertThat(p.covered()).containsExactly(sp25);
        assertThat(p.quarantined()).isEmpty();
        assertThat(Payloads.named("MILS", p.rows().get(0))).containsExactly(
                entry("interval_start_utc", at("2024-05-01T11:00:00Z")), entry("interval_end_utc", at("2024-05-01T11:30:00Z")),
                entry("national_grid_bm_unit", "BURWB-1"), entry("bm_unit", "E_BURWB-1"), entry("time_from_utc", at("2024-05-01T11:00:00Z")),
                entry("settlement_date", LocalDate.of(2024, 5, 1)), entry("settlement_period", 25L),
                entry("time_to_utc", at("2024-05-01T11:30:00Z")), entry("level_from", -37L), entry("level_to", -37L),
                entry("notification_time_utc", at("2024-05-01T10:04:02Z")), entry("notification_sequence", 123183593L));
        Row last = p.rows().get(999);
        assertThat(Payloads.value("MILS", last, "national_grid_bm_unit")).isEqualTo("PEMB-41");
        assertThat(Payloads.value("MILS", last, "notification_time_utc")).isEqualTo(at("2024-03-11T10:00:33Z"));
        // 16 rows carry bmUnit null beside their nationalGridBmUnit: kept, with empty text in the key.
        assertThat(p.rows().stream().filter(r -> "".equals(Payloads.value("MILS", r, "bm_unit")))).hasSize(16);
        assertThat(p.notes()).containsExactly("16 null text key values stored as empty text");
    }

    @Test
    void boalfStreamIsABareArrayWhoseFromAndToAreSettlementDates() throws SourceException {
        // The recording holds the first 1000 rows: SD 2024-05-01 SP 48 and SD 2024-05-02 SP 1-2.
        Window w = Payloads.window("2024-05-01T22:30:00Z", "2024-05-02T00:00:00Z");
        Parsed p = parse("BOALF", "datasets-BOALF-stream.json", w);

        assertThat(p.rows()).hasSize(1000);
        assertThat(p.rows().stream().filter(r -> r.instant(0).equals(at("2024-05-01T22:30:00Z")))).hasSize(389);
        assertThat(p.rows().stream().filter(r -> r.instant(0).equals(at("2024-05-01T23:00:00Z")))).hasSize(235);
        assertThat(p.rows().stream().filter(r -> r.instant(0).equals(at("2024-05-01T23:30:00Z")))).hasSize(376);
        assertThat(p.covered()).containsExactly(w);
        assertThat(p.notes()).containsExactly("Elexon BOALF: rows arrived out of time order; sorted");
        assertThat(Payloads.named("BOALF", p.rows().get(0))).containsEntry("interval_start_utc", at("2024-05-01T22:30:00Z"))
                .containsEntry("national_grid_bm_unit", "LAGA-1").containsEntry("bm_unit", "T_LAGA-1")
                .containsEntry("acceptance_number", 150332L).containsEntry("time_from_utc", at("2024-05-01T22:59:00Z"))
                .containsEntry("settlement_period_from", 48L).containsEntry("settlement_period_to", 1L)
                .containsEntry("time_to_utc", at("2024-05-01T23:15:00Z")).containsEntry("level_from", 200L)
                .containsEntry("acceptance_time_utc", at("2024-05-01T22:04:00Z")).containsEntry("so_flag", true)
                .containsEntry("deemed_bo_flag", false).containsEntry("amendment_flag", "ORI");
        // SD 2024-05-02 SP 2 starts at 23:30Z on 1 May (BST): its row timeFrom 23:59Z lies inside it.
        assertThat(Payloads.named("BOALF", p.rows().get(999))).containsEntry("interval_start_utc", at("2024-05-01T23:30:00Z"))
                .containsEntry("settlement_date", LocalDate.of(2024, 5, 2)).containsEntry("national_grid_bm_unit", "DINO-1")
                .containsEntry("acceptance_number", 120761L).containsEntry("level_from", -287L).containsEntry("level_to", -281L);
    }

    @Test
    void friendlyEndpointEnvelopeWithMetadataAndNoDatasetField() throws SourceException {
        Window w = Payloads.window("2024-06-03T18:30:00Z", "2024-06-03T20:30:00Z");
        Parsed p = parse("BOALF", "balancing-acceptances-all-latest.json", w);

        assertThat(p.rows()).hasSize(100);
        assertThat(p.rows()).extracting(r -> r.instant(0)).containsOnly(at("2024-06-03T18:30:00Z"), at("2024-06-03T19:00:00Z"),
                at("2024-06-03T19:30:00Z"), at("2024-06-03T20:00:00Z"));
        assertThat(Payloads.named("BOALF", p.rows().get(0))).containsEntry("national_grid_bm_unit", "CLDRW-1")
                .containsEntry("acceptance_number", 41700L).containsEntry("amendment_flag", null);
        assertThat(Payloads.named("BOALF", p.rows().get(99))).containsEntry("interval_start_utc", at("2024-06-03T20:00:00Z"))
                .containsEntry("national_grid_bm_unit", "FOYE-2").containsEntry("acceptance_number", 172414L);
        assertThat(p.covered()).containsExactly(w);
    }

    @Test
    void disbsadDetailsRowsWithExtraFieldsAreNotedNotFailed() throws SourceException {
        Window sp40 = Payloads.window("2024-05-01T18:30:00Z", "2024-05-01T19:00:00Z");
        Parsed p = parse("DISBSAD", "balancing-nonbm-disbsad-details.json", sp40);

        assertThat(p.rows()).hasSize(2);
        assertThat(Payloads.named("DISBSAD", p.rows().get(0))).containsExactly(entry("interval_start_utc", at("2024-05-01T18:30:00Z")),
                entry("interval_end_utc", at("2024-05-01T19:00:00Z")), entry("id", 1L), entry("settlement_date", LocalDate.of(2024, 5, 1)),
                entry("settlement_period", 40L), entry("cost", 2501.33), entry("volume", 27.842), entry("so_flag", false),
                entry("stor_flag", false), entry("party_id", "ENWL"), entry("asset_id", "OFR-ENWL-1"), entry("is_tendered", false),
                entry("service", "Non-BM FR"));
        assertThat(Payloads.value("DISBSAD", p.rows().get(1), "cost")).isEqualTo(2475.0);
        assertThat(p.notes()).containsExactly("Elexon DISBSAD: fields not in the catalogue, left out: startTime, price");
        assertThat(p.covered()).containsExactly(sp40);
    }

    @Test
    void atlRowsSitInTheQuarterHourTheyWerePublishedIn() throws SourceException {
        Window day = Payloads.window("2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z");
        Parsed p = parse("ATL", "datasets-ATL.json", day);

        assertThat(p.rows()).hasSize(48);
        assertThat(p.covered()).containsExactly(day);
        assertThat(Payloads.named("ATL", p.rows().get(0))).containsExactly(entry("interval_start_utc", at("2024-05-01T00:15:00Z")),
                entry("interval_end_utc", at("2024-05-01T00:30:00Z")), entry("publish_time_utc", at("2024-05-01T00:25:09Z")),
                entry("settlement_date", LocalDate.of(2024, 4, 30)), entry("settlement_period", 48L),
                entry("document_id", "NGET-EMFIP-ATL-06439689"), entry("document_revision_number", 1L),
                entry("start_time_utc", at("2024-04-30T22:30:00Z")), entry("quantity", 29500.0));
        assertThat(Payloads.named("ATL", p.rows().get(47))).containsEntry("interval_start_utc", at("2024-05-01T23:45:00Z"))
                .containsEntry("publish_time_utc", at("2024-05-01T23:55:09Z")).containsEntry("settlement_period", 47L)
                .containsEntry("start_time_utc", at("2024-05-01T22:00:00Z")).containsEntry("quantity", 29924.0);
    }

    @Test
    void indodOneDailyRow() throws SourceException {
        Window day = Payloads.window("2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z");
        Parsed p = parse("INDOD", "datasets-INDOD.json", day);
        assertThat(p.rows()).singleElement().satisfies(r -> assertThat(Payloads.named("INDOD", r)).containsExactly(
                entry("interval_start_utc", at("2024-05-01T23:15:00Z")), entry("interval_end_utc", at("2024-05-01T23:30:00Z")),
                entry("publish_time_utc", at("2024-05-01T23:15:00Z")), entry("settlement_date", LocalDate.of(2024, 5, 1)),
                entry("demand", 625461L)));
        assertThat(p.covered()).containsExactly(day);
    }

    @Test
    void ntoAndNtbStreamsSpanTwoSettlementDays() throws SourceException {
        Window w = Payloads.window("2024-04-30T23:00:00Z", "2024-05-02T01:30:00Z");
        for (String code : List.of("NTO", "NTB")) {
            Parsed p = parse(code, "datasets-" + code + "-stream.json", w);
            assertThat(p.rows()).as(code).hasSize(16);
            assertThat(Payloads.named(code, p.rows().get(0))).as(code).containsEntry("interval_start_utc", at("2024-05-01T03:30:00Z"))
                    .containsEntry("national_grid_bm_unit", "PEMB-11").containsEntry("notice", 2L);
            assertThat(Payloads.named(code, p.rows().get(15))).as(code).containsEntry("interval_start_utc", at("2024-05-02T00:00:00Z"))
                    .containsEntry("national_grid_bm_unit", "FOYE-1").containsEntry("settlement_period", 3L);
            assertThat(p.covered()).containsExactly(w);
        }
    }

    @Test
    void nou2t3ywNullSystemZoneAndTsdfwWeeklyForecasts() throws SourceException {
        Parsed nou = parse("NOU2T3YW", "datasets-NOU2T3YW.json", Payloads.window("2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z"));
        assertThat(nou.rows()).hasSize(155);
        assertThat(Payloads.named("NOU2T3YW", nou.rows().get(0))).containsExactly(entry("interval_start_utc", at("2024-05-01T23:00:00Z")),
                entry("interval_end_utc", at("2024-05-01T23:15:00Z")), entry("publish_time_utc", at("2024-05-01T23:00:00Z")),
                entry("year", 2024L), entry("calendar_week_number", 20L), entry("system_zone", ""), entry("output_usable", 45967L));
        assertThat(Payloads.named("NOU2T3YW", nou.rows().get(154))).containsEntry("year", 2027L).containsEntry("calendar_week_number", 17L)
                .containsEntry("output_usable", 49084L);
        assertThat(nou.notes()).containsExactly("155 null text key values stored as empty text");

        Window week = Payloads.window("2024-05-01T00:00:00Z", "2024-05-08T00:00:00Z");
        Parsed tsdfw = parse("TSDFW", "datasets-TSDFW.json", week);
        assertThat(tsdfw.rows()).hasSize(51);
        assertThat(Payloads.named("TSDFW", tsdfw.rows().get(0))).containsExactly(entry("interval_start_utc", at("2024-05-02T13:45:00Z")),
                entry("interval_end_utc", at("2024-05-02T14:00:00Z")), entry("publish_time_utc", at("2024-05-02T13:45:00Z")),
                entry("year", 2024L), entry("week", 20L), entry("demand", 29780L));
        assertThat(Payloads.named("TSDFW", tsdfw.rows().get(50))).containsEntry("year", 2025L).containsEntry("week", 18L)
                .containsEntry("demand", 31159L);
        assertThat(tsdfw.covered()).containsExactly(week);
    }

    private static java.util.Map.Entry<String, Object> entry(String k, Object v) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(k, v);
    }
}
