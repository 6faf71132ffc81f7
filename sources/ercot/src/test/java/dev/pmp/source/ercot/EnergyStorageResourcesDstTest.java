package dev.pmp.source.ercot;

import static dev.pmp.source.ercot.DashboardPayloads.CHICAGO;
import static dev.pmp.source.ercot.DashboardPayloads.day;
import static dev.pmp.source.ercot.DashboardPayloads.envelope;
import static dev.pmp.source.ercot.DashboardPayloads.response;
import static dev.pmp.source.ercot.DashboardPayloads.withFallBackDefect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.source.ercot.DashboardPayloads.Line;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DST days, on payloads generated in the documented format (no recorded DST payload exists). */
class EnergyStorageResourcesDstTest {

    private static final Window HINT = Window.of(Instant.parse("2025-11-02T05:00:00Z"), Duration.ofDays(2));

    private final EnergyStorageResources feed = new EnergyStorageResources(
            ErcotSettings.from(key -> Optional.empty()));

    EnergyStorageResourcesDstTest() throws SourceException {
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-02", "2024-11-03", "2031-11-02"})
    void repairsTheFallBackDefectByRule(String text) throws SourceException {
        LocalDate fallBack = LocalDate.parse(text);
        List<Line> published = withFallBackDefect(day(fallBack), fallBack);
        Line wrong = published.get(24);
        assertThat(wrong.timestamp()).isEqualTo(text + " 02:00:00-0600");
        assertThat(published.get(36).timestamp()).isEqualTo(text + " 02:00:00-0600");

        Parsed parsed = feed.parse(HINT, response(envelope(fallBack, published, fallBack.plusDays(1),
                day(fallBack.plusDays(1), 10))));

        List<Row> rows = parsed.rows().subList(0, 300);
        Instant midnight = fallBack.atStartOfDay(CHICAGO).toInstant();
        for (int i = 0; i < 300; i++) {
            assertThat(rows.get(i).instant(0)).isEqualTo(midnight.plus(Duration.ofMinutes(5L * i)));
        }
        Instant cdtOne = fallBack.atTime(1, 0).atZone(CHICAGO).withEarlierOffsetAtOverlap().toInstant();
        Instant cstOne = fallBack.atTime(1, 0).atZone(CHICAGO).withLaterOffsetAtOverlap().toInstant();
        assertThat(cdtOne).isEqualTo(midnight.plus(Duration.ofHours(1)));
        assertThat(cstOne).isEqualTo(cdtOne.plus(Duration.ofHours(1)));
        // The relabelled row keeps its values and takes 01:00 standard time.
        assertThat(rows.get(24)).isEqualTo(Row.of(cstOne, Double.parseDouble(wrong.totalCharging()),
                Double.parseDouble(wrong.totalDischarging()), Double.parseDouble(wrong.netOutput())));
        assertThat(parsed.rows()).hasSize(310);
        assertThat(parsed.quarantined()).isEmpty();
        assertThat(parsed.notes()).containsExactly("previousDay: relabelled " + text
                + " 02:00:00-0600 (dstFlag N, data[24]) to " + text + " 01:00:00-0600 (ERCOT fall-back defect)");
        assertThat(parsed.covered()).containsExactly(new Window(midnight,
                fallBack.plusDays(1).atStartOfDay(CHICAGO).toInstant().plus(Duration.ofMinutes(50))));
    }

    @Test
    void placesTheRepeatedHourIn2025() throws SourceException {
        LocalDate fallBack = LocalDate.of(2025, 11, 2);
        List<Row> rows = feed.parse(HINT, response(envelope(fallBack, withFallBackDefect(day(fallBack), fallBack),
                fallBack.plusDays(1), List.of()))).rows();
        assertThat(rows).hasSize(300);
        assertThat(rows.get(0).instant(0)).isEqualTo(Instant.parse("2025-11-02T05:00:00Z"));
        // 01:00..01:55 CDT, then 01:00..01:55 CST, then 02:00 CST
        assertThat(rows.subList(12, 37)).extracting(r -> r.instant(0).toString()).containsExactly(
                "2025-11-02T06:00:00Z", "2025-11-02T06:05:00Z", "2025-11-02T06:10:00Z", "2025-11-02T06:15:00Z",
                "2025-11-02T06:20:00Z", "2025-11-02T06:25:00Z", "2025-11-02T06:30:00Z", "2025-11-02T06:35:00Z",
                "2025-11-02T06:40:00Z", "2025-11-02T06:45:00Z", "2025-11-02T06:50:00Z", "2025-11-02T06:55:00Z",
                "2025-11-02T07:00:00Z", "2025-11-02T07:05:00Z", "2025-11-02T07:10:00Z", "2025-11-02T07:15:00Z",
                "2025-11-02T07:20:00Z", "2025-11-02T07:25:00Z", "2025-11-02T07:30:00Z", "2025-11-02T07:35:00Z",
                "2025-11-02T07:40:00Z", "2025-11-02T07:45:00Z", "2025-11-02T07:50:00Z", "2025-11-02T07:55:00Z",
                "2025-11-02T08:00:00Z");
        assertThat(rows.get(299).instant(0)).isEqualTo(Instant.parse("2025-11-03T05:55:00Z"));
    }

    @Test
    void relabelsTheFirstWhenTheFlagsDoNotTellTheRowsApart() throws SourceException {
        LocalDate fallBack = LocalDate.of(2025, 11, 2);
        List<Line> published = new ArrayList<>(withFallBackDefect(day(fallBack), fallBack));
        published.set(24, published.get(24).withDstFlag("Y"));
        Parsed parsed = feed.parse(HINT, response(envelope(fallBack, published, fallBack.plusDays(1), List.of())));
        assertThat(parsed.rows()).hasSize(300);
        assertThat(parsed.rows().get(24).number(1)).isEqualTo(Double.parseDouble(published.get(24).totalCharging()));
        assertThat(parsed.notes()).containsExactly("previousDay: relabelled 2025-11-02 02:00:00-0600 (dstFlag Y, "
                + "data[24]) to 2025-11-02 01:00:00-0600 (ERCOT fall-back defect)");
    }

    @Test
    void takesACorrectlyLabelledFallBackDayAsItIs() throws SourceException {
        LocalDate fallBack = LocalDate.of(2025, 11, 2);
        Parsed parsed = feed.parse(HINT, response(envelope(fallBack, day(fallBack), fallBack.plusDays(1), List.of())));
        assertThat(parsed.rows()).hasSize(300);
        assertThat(parsed.notes()).isEmpty();
        assertThat(parsed.covered()).containsExactly(new Window(Instant.parse("2025-11-02T05:00:00Z"),
                Instant.parse("2025-11-03T06:00:00Z")));
    }

    @Test
    void repairsTheDefectInTodaysBlockToo() throws SourceException {
        LocalDate fallBack = LocalDate.of(2025, 11, 2);
        Parsed parsed = feed.parse(HINT, response(envelope(fallBack.minusDays(1), day(fallBack.minusDays(1)),
                fallBack, withFallBackDefect(day(fallBack, 40), fallBack))));
        assertThat(parsed.rows()).hasSize(288 + 40);
        assertThat(parsed.notes()).singleElement().asString().startsWith("currentDay: relabelled");
        assertThat(parsed.covered()).containsExactly(new Window(Instant.parse("2025-11-01T05:00:00Z"),
                Instant.parse("2025-11-02T05:00:00Z").plus(Duration.ofMinutes(5 * 40))));
    }

    @Test
    void repairsTheWrongRowBeforeTheGenuineOneIsPublished() throws SourceException {
        // Fetched at 01:25 standard time: the wrong row is still alone under 02:00:00-0600.
        LocalDate fallBack = LocalDate.of(2025, 11, 2);
        List<Line> published = withFallBackDefect(day(fallBack, 30), fallBack);
        assertThat(published).filteredOn(l -> l.timestamp().equals("2025-11-02 02:00:00-0600")).hasSize(1);
        Parsed parsed = feed.parse(HINT, response(envelope(fallBack.minusDays(1), day(fallBack.minusDays(1)),
                fallBack, published)));
        assertThat(parsed.quarantined()).isEmpty();
        assertThat(parsed.rows()).hasSize(288 + 30);
        assertThat(parsed.rows().get(288 + 24).instant(0)).isEqualTo(Instant.parse("2025-11-02T07:00:00Z"));
        assertThat(parsed.notes()).containsExactly("currentDay: relabelled 2025-11-02 02:00:00-0600 (dstFlag N, "
                + "data[24]) to 2025-11-02 01:00:00-0600 (ERCOT fall-back defect)");
        assertThat(parsed.covered()).containsExactly(new Window(Instant.parse("2025-11-01T05:00:00Z"),
                Instant.parse("2025-11-02T07:30:00Z")));
    }

    @Test
    void keepsAGenuineTwoOClockAloneWhenTheDefectIsFixed() throws SourceException {
        LocalDate fallBack = LocalDate.of(2025, 11, 2);
        Parsed parsed = feed.parse(HINT, response(envelope(fallBack.minusDays(1), day(fallBack.minusDays(1)),
                fallBack, day(fallBack, 37))));
        assertThat(parsed.notes()).isEmpty();
        assertThat(parsed.rows().get(288 + 36).instant(0)).isEqualTo(Instant.parse("2025-11-02T08:00:00Z"));
    }

    @Test
    void springForwardHas276SamplesAndNoTwoOClock() throws SourceException {
        LocalDate spring = LocalDate.of(2026, 3, 8);
        Parsed parsed = feed.parse(HINT, response(envelope(spring, day(spring), spring.plusDays(1), List.of())));
        assertThat(parsed.rows()).hasSize(276);
        assertThat(parsed.rows()).noneMatch(r -> r.instant(0).atZone(CHICAGO).getHour() == 2);
        assertThat(parsed.rows().get(23).instant(0).atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(1, 55));
        assertThat(parsed.rows().get(24).instant(0).atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
        assertThat(parsed.covered()).containsExactly(new Window(Instant.parse("2026-03-08T06:00:00Z"),
                Instant.parse("2026-03-09T05:00:00Z")));
        assertThat(parsed.covered().get(0).length()).isEqualTo(Duration.ofHours(23));
        assertThat(parsed.quarantined()).isEmpty();
    }

    @Test
    void holdsBackAFallBackDayTheRuleCannotRepair() throws SourceException {
        LocalDate fallBack = LocalDate.of(2025, 11, 2);
        List<Line> published = new ArrayList<>(withFallBackDefect(day(fallBack), fallBack));
        // A third row under the same stamp: after one relabel two rows still share 02:00 standard time.
        published.set(37, published.get(37).withTimestamp("2025-11-02 02:00:00-0600"));
        Parsed parsed = feed.parse(HINT, response(envelope(fallBack, published, fallBack.plusDays(1),
                day(fallBack.plusDays(1), 12))));

        assertThat(parsed.quarantined()).containsExactly(new Quarantine(
                new Window(Instant.parse("2025-11-02T05:00:00Z"), Instant.parse("2025-11-03T06:00:00Z")), 300,
                "2025-11-02: 2 samples at 2025-11-02T08:00:00Z after repair; day held back"));
        assertThat(parsed.rows()).hasSize(12);
        assertThat(parsed.rows().get(0).instant(0)).isEqualTo(Instant.parse("2025-11-03T06:00:00Z"));
        assertThat(parsed.covered()).containsExactly(new Window(Instant.parse("2025-11-03T06:00:00Z"),
                Instant.parse("2025-11-03T07:00:00Z")));
    }

    @Test
    void leavesDuplicateStampsOnOtherDaysAlone() throws SourceException {
        LocalDate ordinary = LocalDate.of(2025, 11, 8);
        List<Line> published = new ArrayList<>(day(ordinary));
        published.set(23, published.get(23).withTimestamp("2025-11-08 02:00:00-0600"));
        Parsed parsed = feed.parse(HINT, response(envelope(ordinary, published, ordinary.plusDays(1),
                day(ordinary.plusDays(1), 1))));
        assertThat(parsed.notes()).isEmpty();
        assertThat(parsed.quarantined()).extracting(Quarantine::reason).containsExactly(
                "2025-11-08: 2 samples at 2025-11-08T08:00:00Z; day held back");
        assertThat(parsed.rows()).hasSize(1);
    }
}
