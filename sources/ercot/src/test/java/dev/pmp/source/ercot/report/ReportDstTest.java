package dev.pmp.source.ercot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.source.ercot.time.ErcotTime;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No DST-day file was ever recorded, so these write files in each report's archive format (header and
 * cell formats as in the samples) for spring-forward, fall-back and ordinary days, in every label style
 * README section 1.1 documents, and check that the intervals are exactly the day's consecutive intervals
 * in absolute time: 23/24/25 hours, 92/96/100 quarter hours.
 */
class ReportDstTest {

    static final LocalDate SPRING_2026 = LocalDate.of(2026, 3, 8);
    static final LocalDate SPRING_2024 = LocalDate.of(2024, 3, 10);
    static final LocalDate FALL_2025 = LocalDate.of(2025, 11, 2);
    static final LocalDate FALL_2024 = LocalDate.of(2024, 11, 3);
    static final LocalDate ORDINARY = LocalDate.of(2026, 9, 29);
    static final List<LocalDate> DAYS = List.of(SPRING_2026, SPRING_2024, FALL_2025, FALL_2024, ORDINARY,
            LocalDate.of(2025, 1, 15));
    static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    /** One hour label: the hour ending and its flag (null = no flag column). */
    record Label(int hour, String flag) {
    }

    /** Hour labels of a day: spring skips 03 (or 02 with {@code lateSpring}), fall repeats 02 N then Y. */
    static List<Label> hours(LocalDate day, boolean lateSpring, boolean flagged) {
        List<Label> out = new ArrayList<>();
        String n = flagged ? "N" : null;
        for (int h = 1; h <= 24; h++) {
            if (ErcotTime.isSpringForward(day) && h == (lateSpring ? 2 : 3)) {
                continue;
            }
            out.add(new Label(h, n));
            if (ErcotTime.isFallBack(day) && h == 2) {
                out.add(new Label(2, flagged ? "Y" : null));
            }
        }
        return out;
    }

    static List<Instant> grid(LocalDate day, Duration step) {
        List<Instant> out = new ArrayList<>();
        Instant end = day.plusDays(1).atStartOfDay(ErcotTime.ZONE).toInstant();
        for (Instant t = day.atStartOfDay(ErcotTime.ZONE).toInstant(); t.isBefore(end); t = t.plus(step)) {
            out.add(t);
        }
        return out;
    }

    static ReportRows parse(ErcotReport report, StringBuilder csv) throws SourceException {
        return ReportParser.parseCsv(report, "generated.csv", csv.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static List<Instant> starts(ReportRows r) {
        return r.rows().stream().map(x -> x.instant(0)).distinct().toList();
    }

    static void checkEnds(ReportRows r, Duration d) {
        for (Row x : r.rows()) {
            assertThat(Duration.between(x.instant(0), x.instant(1))).isEqualTo(d);
        }
    }

    static StringBuilder dam(LocalDate day, List<Label> labels, String hourFormat) {
        StringBuilder b = new StringBuilder("DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice"
                + (labels.get(0).flag() == null ? "" : ",DSTFlag") + "\r\n");
        for (Label l : labels) {
            for (String p : List.of("HB_NORTH", "LZ_WEST")) {
                b.append(day.format(CSV_DATE)).append(',').append(String.format(hourFormat, l.hour())).append(',')
                        .append(p).append(", 28.4").append(l.flag() == null ? "" : "," + l.flag()).append("\r\n");
            }
        }
        return b;
    }

    static StringBuilder rt(LocalDate day, List<Label> labels) {
        StringBuilder b = new StringBuilder("DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,"
                + "SettlementPointType,SettlementPointPrice" + (labels.get(0).flag() == null ? "" : ",DSTFlag") + "\n");
        for (Label l : labels) {
            for (int k = 1; k <= 4; k++) {
                for (String type : List.of("LZ", "LZEW")) {
                    b.append(day.format(CSV_DATE)).append(',').append(l.hour()).append(',').append(k)
                            .append(",LZ_WEST,").append(type).append(",20.12")
                            .append(l.flag() == null ? "" : "," + l.flag()).append('\n');
                }
            }
        }
        return b;
    }

    @Test
    void hourEndingWithFlagEveryDay() throws Exception {
        for (LocalDate day : DAYS) {
            for (ErcotReport report : List.of(ErcotReport.NP4_190_CD, ErcotReport.NP4_188_CD)) {
                StringBuilder csv = dam(day, hours(day, false, true), "%02d:00");
                if (report == ErcotReport.NP4_188_CD) {
                    csv = new StringBuilder(csv.toString().replace("SettlementPoint,SettlementPointPrice",
                            "AncillaryType,MCPC"));
                }
                ReportRows r = parse(report, csv);
                assertThat(starts(r)).as(day + " " + report).isEqualTo(grid(day, Duration.ofHours(1)));
                assertThat(r.rows()).hasSize(2 * ErcotTime.hours(day));
                checkEnds(r, Duration.ofHours(1));
                assertThat(ReportParser.incompleteDays(report, r.rows())).isEmpty();
            }
        }
    }

    @Test
    void springForwardBothLabelStylesNameTheSameHour() throws Exception {
        for (LocalDate day : List.of(SPRING_2026, SPRING_2024)) {
            ReportRows early = parse(ErcotReport.NP4_190_CD, dam(day, hours(day, false, true), "%02d:00"));
            ReportRows late = parse(ErcotReport.NP4_190_CD, dam(day, hours(day, true, true), "%d:00"));
            assertThat(late.rows()).isEqualTo(early.rows());
        }
        // HE02 (CST 01:00) and HE03 (skipped label) → [07:00Z, 08:00Z) on 2026-03-08
        ReportRows r = parse(ErcotReport.NP4_190_CD, dam(SPRING_2026, hours(SPRING_2026, true, true), "%02d:00"));
        assertThat(r.rows().get(2).instant(0)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(r.rows().get(2).instant(1)).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(r.rows().get(4).instant(0)).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
    }

    @Test
    void springForwardFileWithBothLabelsFails() {
        List<Label> both = new ArrayList<>(hours(SPRING_2026, false, true));
        both.add(2, new Label(3, "N"));
        assertThatThrownBy(() -> parse(ErcotReport.NP4_190_CD, dam(SPRING_2026, both, "%02d:00")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("generated.csv")
                .hasMessageContaining("two label styles");
    }

    @Test
    void fallBackFlagOrderInFile() throws Exception {
        ReportRows r = parse(ErcotReport.NP4_190_CD, dam(FALL_2025, hours(FALL_2025, false, true), "%02d:00"));
        // HE02 N = 01:00 CDT = 06:00Z; HE02 Y = 01:00 CST = 07:00Z
        assertThat(r.rows().get(2).instant(0)).isEqualTo(Instant.parse("2025-11-02T06:00:00Z"));
        assertThat(r.rows().get(4).instant(0)).isEqualTo(Instant.parse("2025-11-02T07:00:00Z"));
        assertThat(r.rows().get(6).instant(0)).isEqualTo(Instant.parse("2025-11-02T08:00:00Z"));
    }

    @Test
    void fallBackWithoutFlagColumnUsesRowOrder() throws Exception {
        for (LocalDate day : List.of(FALL_2025, FALL_2024)) {
            ReportRows r = parse(ErcotReport.NP4_190_CD, dam(day, hours(day, false, false), "%02d:00"));
            assertThat(starts(r)).isEqualTo(grid(day, Duration.ofHours(1)));
        }
    }

    @Test
    void hour25FileWithoutFlag() throws Exception {
        for (LocalDate day : List.of(FALL_2025, FALL_2024)) {
            List<Label> labels = new ArrayList<>();
            for (int h = 1; h <= 25; h++) {
                labels.add(new Label(h, null));
            }
            ReportRows r = parse(ErcotReport.NP4_190_CD, dam(day, labels, "%d"));
            assertThat(starts(r)).isEqualTo(grid(day, Duration.ofHours(1)));
            assertThat(r.rows().get(4).instant(0)).isEqualTo(day.atStartOfDay(ErcotTime.ZONE).toInstant().plusSeconds(7200));
        }
        List<Label> labels = new ArrayList<>();
        for (int h = 1; h <= 25; h++) {
            labels.add(new Label(h, null));
        }
        assertThatThrownBy(() -> parse(ErcotReport.NP4_190_CD, dam(ORDINARY, labels, "%d")))
                .hasMessageContaining("does not exist on 2026-09-29");
    }

    @Test
    void realTimeIntervalsEveryDayAndStyle() throws Exception {
        for (LocalDate day : DAYS) {
            for (boolean late : List.of(false, true)) {
                for (boolean flagged : List.of(true, false)) {
                    ReportRows r = parse(ErcotReport.NP6_905_CD, rt(day, hours(day, late, flagged)));
                    assertThat(starts(r)).as(day + " late=" + late + " flagged=" + flagged)
                            .isEqualTo(grid(day, Duration.ofMinutes(15)));
                    assertThat(r.rows()).hasSize(8 * ErcotTime.hours(day));
                    checkEnds(r, Duration.ofMinutes(15));
                    assertThat(ReportParser.incompleteDays(ErcotReport.NP6_905_CD, r.rows())).isEmpty();
                }
            }
        }
    }

    @Test
    void loadHoursEveryDay() throws Exception {
        for (LocalDate day : DAYS) {
            StringBuilder b = new StringBuilder("OperDay,HourEnding,COAST,EAST,FAR_WEST,NORTH,NORTH_C,SOUTHERN,SOUTH_C,"
                    + "WEST,TOTAL,DSTFlag\n");
            for (Label l : hours(day, false, true)) {
                b.append(day.format(CSV_DATE)).append(String.format(",%02d:00", l.hour()))
                        .append(",1,2,3,4,5,6,7,8,36,").append(l.flag()).append('\n');
            }
            ReportRows r = parse(ErcotReport.NP6_345_CD, b);
            assertThat(starts(r)).isEqualTo(grid(day, Duration.ofHours(1)));
        }
    }

    /** NP6-331-CD (RTC+B real-time MCPC): the 15-minute labels of NP6-905-CD with RepeatedHourFlag. */
    @Test
    void realTimeAncillaryPricesEveryDay() throws Exception {
        for (LocalDate day : DAYS) {
            StringBuilder b = new StringBuilder("DeliveryDate,DeliveryHour,DeliveryInterval,RepeatedHourFlag,ASType,MCPC\n");
            for (Label l : hours(day, false, true)) {
                for (int k = 1; k <= 4; k++) {
                    for (String as : List.of("ECRS", "NSPIN", "REGDN", "REGUP", "RRS")) {
                        b.append(day.format(CSV_DATE)).append(',').append(l.hour()).append(',').append(k).append(',')
                                .append(l.flag()).append(',').append(as).append(",0.25\n");
                    }
                }
            }
            ReportRows r = parse(ErcotReport.NP6_331_CD, b);
            assertThat(starts(r)).as(day.toString()).isEqualTo(grid(day, Duration.ofMinutes(15)));
            assertThat(r.rows()).hasSize(20 * ErcotTime.hours(day));
            checkEnds(r, Duration.ofMinutes(15));
            assertThat(ReportParser.incompleteDays(ErcotReport.NP6_331_CD, r.rows())).isEmpty();
        }
        // fall-back: the repeated hour's first interval, daylight then standard pass
        StringBuilder fall = new StringBuilder("DeliveryDate,DeliveryHour,DeliveryInterval,RepeatedHourFlag,ASType,MCPC\n"
                + "11/02/2025,2,1,N,RRS,0.1\n11/02/2025,2,1,Y,RRS,0.2\n");
        assertThat(parse(ErcotReport.NP6_331_CD, fall).rows()).extracting(x -> x.instant(0))
                .containsExactly(Instant.parse("2025-11-02T06:00:00Z"), Instant.parse("2025-11-02T07:00:00Z"));
    }

    /** NP6-346-CD (load by forecast zone): hour ending with DSTFlag, 23 and 25 hours on the change days. */
    @Test
    void forecastZoneLoadHoursEveryDay() throws Exception {
        for (LocalDate day : DAYS) {
            StringBuilder b = new StringBuilder("OperDay,HourEnding,NORTH,SOUTH,WEST,HOUSTON,TOTAL,DSTFlag\n");
            for (Label l : hours(day, false, true)) {
                b.append(day.format(CSV_DATE)).append(String.format(",%02d:00", l.hour())).append(",1,2,3,4,10,")
                        .append(l.flag()).append('\n');
            }
            ReportRows r = parse(ErcotReport.NP6_346_CD, b);
            assertThat(starts(r)).as(day.toString()).isEqualTo(grid(day, Duration.ofHours(1)));
            assertThat(r.rows()).hasSize(ErcotTime.hours(day));
        }
        StringBuilder spring = new StringBuilder("OperDay,HourEnding,NORTH,SOUTH,WEST,HOUSTON,TOTAL,DSTFlag\n"
                + "03/10/2024,02:00,1,2,3,4,10,N\n03/10/2024,04:00,1,2,3,4,10,N\n");
        assertThat(parse(ErcotReport.NP6_346_CD, spring).rows()).extracting(x -> x.instant(0))
                .containsExactly(Instant.parse("2024-03-10T07:00:00Z"), Instant.parse("2024-03-10T08:00:00Z"));
    }

    @Test
    void scedRunsEveryDay() throws Exception {
        for (LocalDate day : DAYS) {
            StringBuilder b = new StringBuilder("SCEDTimeStamp,RepeatedHourFlag,CappedSystemLambda,UncappedSystemLambda\n");
            StringBuilder lmp = new StringBuilder("SCEDTimestamp,RepeatedHourFlag,SettlementPoint,LMP\n");
            List<Instant> expected = new ArrayList<>();
            for (Instant t : grid(day, Duration.ofMinutes(5))) {
                Instant run = t.plusSeconds(17);
                var local = run.atZone(ErcotTime.ZONE);
                boolean repeated = ErcotTime.isFallBack(day) && local.getOffset().getTotalSeconds() == -6 * 3600
                        && local.getHour() == 1;
                String stamp = local.toLocalDateTime().format(DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss"));
                b.append(stamp).append(repeated ? ",Y" : ",N").append(",23.5,23.5\n");
                lmp.append(stamp).append(repeated ? ",Y" : ",N").append(",HB_NORTH,       30.72\n");
                expected.add(run);
            }
            assertThat(parse(ErcotReport.NP6_322_CD, b).rows().stream().map(x -> x.instant(1)).toList())
                    .isEqualTo(expected);
            // the grid column: every 5-minute mark of the day (288, 276 or 300), each run on its own
            assertThat(parse(ErcotReport.NP6_322_CD, b).rows().stream().map(x -> x.instant(0)).toList())
                    .isEqualTo(grid(day, Duration.ofMinutes(5)));
            assertThat(parse(ErcotReport.NP6_788_CD, lmp).rows()).hasSize(expected.size());
        }
    }

    @Test
    void incompleteDayIsReported() throws Exception {
        List<Label> labels = hours(ORDINARY, false, true).subList(0, 23);
        ReportRows r = parse(ErcotReport.NP4_190_CD, dam(ORDINARY, labels, "%02d:00"));
        assertThat(ReportParser.incompleteDays(ErcotReport.NP4_190_CD, r.rows()))
                .containsExactly("[2026-09-29, HB_NORTH]: 23 intervals, a complete day has 24",
                        "[2026-09-29, LZ_WEST]: 23 intervals, a complete day has 24");
    }
}
