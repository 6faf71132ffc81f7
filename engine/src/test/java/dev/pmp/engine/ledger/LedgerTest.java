package dev.pmp.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static final Duration FIVE = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2025-11-08T06:00:00Z");
    private final Grid grid = new Grid(FIVE, ZoneId.of("America/Chicago"));

    @Test
    void nothingMissingMeansNoGaps() {
        List<Instant> expected = grid.points(new Window(T0, T0.plus(Duration.ofHours(1))));
        assertThat(Ledger.gaps(expected, FIVE, expected, List.of())).isEmpty();
    }

    @Test
    void missingPointsInsideACoveredWindowAreSourceGapsAndOutsideAreMissing() {
        Window hour = new Window(T0, T0.plus(Duration.ofHours(1)));
        List<Instant> expected = grid.points(hour);
        List<Instant> present = new ArrayList<>(expected);
        present.remove(T0.plus(FIVE.multipliedBy(2)));
        present.remove(T0.plus(FIVE.multipliedBy(3)));
        present.remove(T0.plus(FIVE.multipliedBy(10)));
        present.remove(T0.plus(FIVE.multipliedBy(11)));
        // covered until :50, so :50 and :55 were never fetched
        List<Window> covered = List.of(new Window(T0, T0.plus(FIVE.multipliedBy(10))));

        List<Gap> gaps = Ledger.gaps(expected, FIVE, present, covered);

        assertThat(gaps).containsExactly(
                new Gap(new Window(T0.plus(FIVE.multipliedBy(2)), T0.plus(FIVE.multipliedBy(4))), 2, GapKind.SOURCE_GAP),
                new Gap(new Window(T0.plus(FIVE.multipliedBy(10)), T0.plus(FIVE.multipliedBy(12))), 2, GapKind.MISSING));
    }

    @Test
    void aRunChangingKindSplitsIntoTwoGaps() {
        List<Instant> expected = grid.points(new Window(T0, T0.plus(FIVE.multipliedBy(6))));
        List<Window> covered = List.of(new Window(T0, T0.plus(FIVE.multipliedBy(3))));
        List<Gap> gaps = Ledger.gaps(expected, FIVE, List.of(T0), covered);
        assertThat(gaps).extracting(Gap::kind).containsExactly(GapKind.SOURCE_GAP, GapKind.MISSING);
        assertThat(gaps).extracting(Gap::points).containsExactly(2, 3);
        assertThat(gaps.get(1).window().end()).isEqualTo(T0.plus(FIVE.multipliedBy(6)));
    }

    @Test
    void aFallBackDayIsCheckedAgainstAll300Points() {
        Instant dayStart = Instant.parse("2025-11-02T05:00:00Z");
        Window day = new Window(dayStart, Instant.parse("2025-11-03T06:00:00Z"));
        List<Instant> expected = grid.points(day);
        List<Instant> present = new ArrayList<>(expected);
        present.remove(Instant.parse("2025-11-02T07:00:00Z")); // 01:00 CST, the sample ERCOT mislabels
        List<Gap> gaps = Ledger.gaps(expected, FIVE, present, List.of(day));
        assertThat(expected).hasSize(300);
        assertThat(gaps).containsExactly(new Gap(new Window(Instant.parse("2025-11-02T07:00:00Z"),
                Instant.parse("2025-11-02T07:05:00Z")), 1, GapKind.SOURCE_GAP));
    }
}
