package dev.pmp.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void fiveMinuteGridHolds288PointsOnANormalDay276OnSpringForwardAnd300OnFallBack() {
        Grid g = new Grid(Duration.ofMinutes(5), CHICAGO);
        assertThat(g.pointsOn(LocalDate.of(2025, 11, 8))).isEqualTo(288);
        assertThat(g.pointsOn(LocalDate.of(2026, 3, 8))).isEqualTo(276);
        assertThat(g.pointsOn(LocalDate.of(2025, 11, 2))).isEqualTo(300);
        assertThat(g.points(day(LocalDate.of(2026, 3, 8), CHICAGO))).hasSize(276);
        assertThat(g.points(day(LocalDate.of(2025, 11, 2), CHICAGO))).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void hourlyAndHalfHourlyGridsFollowTheirZonesClockChanges() {
        Grid hourly = new Grid(Duration.ofHours(1), CHICAGO);
        assertThat(hourly.pointsOn(LocalDate.of(2024, 3, 10))).isEqualTo(23);
        assertThat(hourly.pointsOn(LocalDate.of(2024, 11, 3))).isEqualTo(25);
        Grid settlement = new Grid(Duration.ofMinutes(30), LONDON);
        assertThat(settlement.pointsOn(LocalDate.of(2025, 3, 30))).isEqualTo(46);
        assertThat(settlement.pointsOn(LocalDate.of(2025, 10, 26))).isEqualTo(50);
        assertThat(settlement.pointsOn(LocalDate.of(2025, 6, 1))).isEqualTo(48);
    }

    @Test
    void fallBackHourAppearsTwiceInLocalTimeButOnceAsInstants() {
        Grid hourly = new Grid(Duration.ofHours(1), CHICAGO);
        List<Instant> points = hourly.points(day(LocalDate.of(2025, 11, 2), CHICAGO));
        assertThat(points.get(0)).isEqualTo(Instant.parse("2025-11-02T05:00:00Z"));
        assertThat(points.get(1)).isEqualTo(Instant.parse("2025-11-02T06:00:00Z"));
        assertThat(points.get(2)).isEqualTo(Instant.parse("2025-11-02T07:00:00Z"));
        assertThat(points.get(24)).isEqualTo(Instant.parse("2025-11-03T05:00:00Z"));
    }

    @Test
    void pointsClipToTheWindowAndAlignToTheGrid() {
        Grid g = new Grid(Duration.ofMinutes(5), CHICAGO);
        List<Instant> p = g.points(new Window(Instant.parse("2025-11-08T06:02:00Z"), Instant.parse("2025-11-08T06:16:00Z")));
        assertThat(p).containsExactly(Instant.parse("2025-11-08T06:05:00Z"), Instant.parse("2025-11-08T06:10:00Z"),
                Instant.parse("2025-11-08T06:15:00Z"));
    }

    @Test
    void floorAndNext() {
        Grid g = new Grid(Duration.ofMinutes(5), CHICAGO);
        assertThat(g.floor(Instant.parse("2025-11-08T21:33:10Z"))).isEqualTo(Instant.parse("2025-11-08T21:30:00Z"));
        assertThat(g.floor(Instant.parse("2025-11-08T21:30:00Z"))).isEqualTo(Instant.parse("2025-11-08T21:30:00Z"));
        assertThat(g.next(Instant.parse("2025-11-08T21:30:00Z"))).isEqualTo(Instant.parse("2025-11-08T21:35:00Z"));
        Grid hourly = new Grid(Duration.ofHours(1), CHICAGO);
        // 01:30 CST on fall-back day: the second 01:00 hour starts at 07:00Z.
        assertThat(hourly.floor(Instant.parse("2025-11-02T07:30:00Z"))).isEqualTo(Instant.parse("2025-11-02T07:00:00Z"));
    }

    private static Window day(LocalDate d, ZoneId zone) {
        return new Window(d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
