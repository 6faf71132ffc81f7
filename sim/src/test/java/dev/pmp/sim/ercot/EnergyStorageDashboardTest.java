package dev.pmp.sim.ercot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.ercot.EnergyStorageDashboard.Variant;
import dev.pmp.sim.ercot.ServedPayload.Row;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EnergyStorageDashboardTest {

    private static final EsrRecordedDay RECORDED = EsrRecordedDay.load();
    private static final List<Row> RECORDED_ROWS = ServedPayload.recorded().previousDay().rows();
    private static final List<String> ROW_KEYS =
            List.of("tagCLastTime", "dstFlag", "totalCharging", "totalDischarging", "netOutput", "timestamp", "epoch");

    private final EnergyStorageDashboard dashboard = new EnergyStorageDashboard(RECORDED, Duration.ofSeconds(60), true);

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private ServedPayload serve(EnergyStorageDashboard board, String now) {
        return ServedPayload.parse(board.render(at(now), List.of(), Variant.NORMAL));
    }

    @Test
    void normalDayReplaysTheRecordedValuesSlotBySlot() {
        ServedPayload payload = serve(dashboard, "2026-11-20T15:31:00-06:00");

        assertThat(payload.keys()).containsExactly("lastUpdated", "previousDay", "currentDay");
        assertThat(payload.lastUpdated()).isEqualTo("2026-11-20 15:31:00-0600");
        assertThat(payload.previousDay().keys()).containsExactly("dayDate", "data");
        assertThat(payload.previousDay().dayDate()).isEqualTo("2026-11-19 03:00:00-0600");
        assertThat(payload.currentDay().dayDate()).isEqualTo("2026-11-20 03:00:00-0600");

        List<Row> previous = payload.previousDay().rows();
        assertThat(previous).hasSize(288);
        assertThat(previous).extracting(Row::totalCharging)
                .containsExactlyElementsOf(RECORDED_ROWS.stream().map(Row::totalCharging).toList());
        assertThat(previous).extracting(Row::totalDischarging)
                .containsExactlyElementsOf(RECORDED_ROWS.stream().map(Row::totalDischarging).toList());
        assertThat(previous.get(0).timestamp()).isEqualTo("2026-11-19 00:00:00-0600");
        assertThat(previous.get(287).timestamp()).isEqualTo("2026-11-19 23:55:00-0600");

        List<Row> current = payload.currentDay().rows();
        assertThat(current).hasSize(187);
        assertThat(current.get(186).timestamp()).isEqualTo("2026-11-20 15:30:00-0600");
        assertThat(current).extracting(Row::totalCharging)
                .containsExactlyElementsOf(RECORDED_ROWS.subList(0, 187).stream().map(Row::totalCharging).toList());
        assertThat(previous).extracting(Row::netOutput)
                .containsExactlyElementsOf(RECORDED_ROWS.stream().map(Row::netOutput).toList());

        for (Row row : concat(previous, current)) {
            assertThat(row.keys()).containsExactlyElementsOf(ROW_KEYS);
            assertThat(row.dstFlag()).isEqualTo("N");
            assertThat(row.tagCLastTime()).isEqualTo(row.timestamp().substring(0, 19));
            assertThat(row.epoch()).isEqualTo(row.timestampInstant().toEpochMilli());
            // ERCOT rounds each value on its own: the identity holds to 0.001.
            assertThat(row.net().subtract(row.discharging().add(row.charging())).abs())
                    .isLessThanOrEqualTo(new java.math.BigDecimal("0.001"));
            assertThat(row.netOutput()).matches("-?\\d+(\\.\\d{0,2}[1-9])?");
        }
        // recorded -1048.823 + 13.575 = -1035.248; ERCOT itself wrote -1035.249, and the simulator replays it
        assertThat(previous.get(0).totalCharging()).isEqualTo("-1048.823");
        assertThat(previous.get(0).netOutput()).isEqualTo("-1035.249");
    }

    @Test
    void currentDayEndsAtTheLatestMarkAtLeastThePublicationLagOld() {
        assertThat(last(serve(dashboard, "2026-11-20T15:30:59-06:00"))).isEqualTo("2026-11-20 15:25:00-0600");
        assertThat(last(serve(dashboard, "2026-11-20T15:31:00-06:00"))).isEqualTo("2026-11-20 15:30:00-0600");
        assertThat(last(serve(dashboard, "2026-11-20T15:34:59.999-06:00"))).isEqualTo("2026-11-20 15:30:00-0600");

        EnergyStorageDashboard noLag = new EnergyStorageDashboard(RECORDED, Duration.ZERO, true);
        assertThat(last(serve(noLag, "2026-11-20T15:30:00-06:00"))).isEqualTo("2026-11-20 15:30:00-0600");

        ServedPayload justAfterMidnight = serve(dashboard, "2026-11-20T00:00:30-06:00");
        assertThat(justAfterMidnight.currentDay().rows()).isEmpty();
        assertThat(justAfterMidnight.previousDay().rows()).hasSize(288);
    }

    @Test
    void fallBackDay2026HasTheMislabelledFirstRowOfTheRepeatedHour() {
        ServedPayload payload = serve(dashboard, "2026-11-02T12:00:00-06:00");
        assertFallBackDay(payload.previousDay(), "2026-11-01", at("2026-11-01T02:00:00-06:00"));
    }

    @Test
    void fallBackDay2025HasTheMislabelledFirstRowOfTheRepeatedHour() {
        ServedPayload payload = serve(dashboard, "2025-11-03T09:00:00-06:00");
        assertFallBackDay(payload.previousDay(), "2025-11-02", at("2025-11-02T02:00:00-06:00"));

        ServedPayload sameDay = serve(dashboard, "2025-11-02T03:00:00-06:00");
        assertThat(sameDay.currentDay().rows()).hasSize(48);
        assertThat(last(sameDay)).isEqualTo("2025-11-02 02:55:00-0600");
    }

    private static void assertFallBackDay(ServedPayload.Day day, String date, Instant twoOClockStandard) {
        List<Row> rows = day.rows();
        assertThat(day.dayDate()).isEqualTo(date + " 03:00:00-0600");
        assertThat(rows).hasSize(300);
        assertThat(day.timestamps()).filteredOn(t -> t.equals(date + " 02:00:00-0600")).hasSize(2);
        assertThat(day.timestamps()).doesNotContain(date + " 01:00:00-0600").contains(date + " 01:00:00-0500");

        int wrong = day.timestamps().indexOf(date + " 02:00:00-0600");
        int genuine = day.timestamps().lastIndexOf(date + " 02:00:00-0600");
        assertThat(rows.get(wrong - 1).timestamp()).isEqualTo(date + " 01:55:00-0500");
        assertThat(rows.get(wrong + 1).timestamp()).isEqualTo(date + " 01:05:00-0600");
        assertThat(genuine).isEqualTo(wrong + 12);
        assertThat(rows.get(wrong).dstFlag()).isEqualTo("N");
        assertThat(rows.get(wrong).tagCLastTime()).isEqualTo(date + " 02:00:00");
        assertThat(rows.get(wrong).epoch()).isEqualTo(twoOClockStandard.toEpochMilli());
        assertThat(rows.get(genuine).dstFlag()).isEqualTo("Y");
        assertThat(rows.get(genuine).epoch()).isEqualTo(twoOClockStandard.toEpochMilli());
        assertThat(IntStream.range(0, rows.size()).filter(i -> rows.get(i).dstFlag().equals("Y")))
                .containsExactlyElementsOf(IntStream.rangeClosed(wrong + 1, genuine).boxed().toList());

        // values follow the elapsed slot: the 289th row (23:00 local) starts the recorded pattern again
        assertThat(rows.get(288).totalCharging()).isEqualTo(RECORDED_ROWS.get(0).totalCharging());
        assertThat(rows.get(299).totalCharging()).isEqualTo(RECORDED_ROWS.get(11).totalCharging());
        assertThat(rows.get(wrong).totalCharging()).isEqualTo(RECORDED_ROWS.get(wrong).totalCharging());
    }

    @Test
    void fallBackDayWithoutTheDefectIsLabelledCorrectly() {
        EnergyStorageDashboard correct = new EnergyStorageDashboard(RECORDED, Duration.ofSeconds(60), false);
        List<Row> rows = serve(correct, "2026-11-02T12:00:00-06:00").previousDay().rows();

        assertThat(rows).hasSize(300);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertThat(row.epoch()).isEqualTo(at("2026-11-01T00:00:00-05:00").toEpochMilli() + i * 300_000L);
            assertThat(row.timestampInstant().toEpochMilli()).isEqualTo(row.epoch());
            boolean repeated = row.timestamp().startsWith("2026-11-01 01:") && row.timestamp().endsWith("-0600");
            assertThat(row.dstFlag()).isEqualTo(repeated ? "Y" : "N");
        }
        assertThat(rows).filteredOn(r -> r.dstFlag().equals("Y")).hasSize(12);
    }

    @Test
    void springForwardDayHas276RowsAndNoTwoOClockHour() {
        ServedPayload.Day day = serve(dashboard, "2026-03-09T12:00:00-05:00").previousDay();

        assertThat(day.dayDate()).isEqualTo("2026-03-08 03:00:00-0500");
        assertThat(day.rows()).hasSize(276);
        assertThat(day.timestamps()).noneMatch(t -> t.startsWith("2026-03-08 02:"));
        assertThat(day.timestamps()).contains("2026-03-08 01:55:00-0600", "2026-03-08 03:00:00-0500");
        assertThat(day.rows()).allMatch(r -> r.dstFlag().equals("N"));
        for (int i = 1; i < day.rows().size(); i++) {
            assertThat(day.rows().get(i).epoch() - day.rows().get(i - 1).epoch()).isEqualTo(300_000L);
        }
        assertThat(day.rows().get(275).totalCharging()).isEqualTo(RECORDED_ROWS.get(275).totalCharging());
    }

    @Test
    void withheldWindowsRemoveExactlyTheSamplesInside() {
        Window tenToHalfPast = new Window(at("2026-11-20T10:00:00-06:00"), at("2026-11-20T10:30:00-06:00"));
        Window yesterdayMidnight = new Window(at("2026-11-19T00:00:00-06:00"), at("2026-11-19T00:05:00-06:00"));
        ServedPayload payload = ServedPayload.parse(dashboard.render(at("2026-11-20T15:31:00-06:00"),
                List.of(tenToHalfPast, yesterdayMidnight), Variant.NORMAL));

        assertThat(payload.currentDay().rows()).hasSize(187 - 6);
        assertThat(payload.currentDay().timestamps())
                .contains("2026-11-20 09:55:00-0600", "2026-11-20 10:30:00-0600")
                .noneMatch(t -> t.compareTo("2026-11-20 10:00") >= 0 && t.compareTo("2026-11-20 10:30") < 0);
        assertThat(payload.previousDay().rows()).hasSize(287);
        assertThat(payload.previousDay().rows().get(0).timestamp()).isEqualTo("2026-11-19 00:05:00-0600");
    }

    @Test
    void emptyDataKeepsTheEnvelope() {
        ServedPayload payload = ServedPayload.parse(
                dashboard.render(at("2026-11-20T15:31:00-06:00"), List.of(), Variant.EMPTY_DATA));

        assertThat(payload.lastUpdated()).isEqualTo("2026-11-20 15:31:00-0600");
        assertThat(payload.previousDay().dayDate()).isEqualTo("2026-11-19 03:00:00-0600");
        assertThat(payload.previousDay().rows()).isEmpty();
        assertThat(payload.currentDay().rows()).isEmpty();
    }

    @Test
    void notANumberSpoilsOnlyTheFirstValue() {
        ServedPayload payload = ServedPayload.parse(
                dashboard.render(at("2026-11-20T15:31:00-06:00"), List.of(), Variant.NOT_A_NUMBER));

        List<Row> rows = concat(payload.previousDay().rows(), payload.currentDay().rows());
        assertThat(rows).hasSize(288 + 187);
        assertThat(rows.get(0).chargingIsNumber()).isFalse();
        assertThat(rows.get(0).totalCharging()).isEqualTo("abc");
        assertThat(rows.get(0).keys()).containsExactlyElementsOf(ROW_KEYS);
        assertThat(rows.subList(1, rows.size())).allMatch(Row::chargingIsNumber);
    }

    @Test
    void samplesOfADayAreInTheirTrueChronologicalOrder() {
        List<EsrSample> samples = dashboard.samples(java.time.LocalDate.parse("2026-11-01"));
        assertThat(samples).hasSize(300);
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i).instant()).isEqualTo(samples.get(i - 1).instant().plusSeconds(300));
        }
    }

    private static String last(ServedPayload payload) {
        List<Row> rows = payload.currentDay().rows();
        return rows.get(rows.size() - 1).timestamp();
    }

    private static List<Row> concat(List<Row> a, List<Row> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
