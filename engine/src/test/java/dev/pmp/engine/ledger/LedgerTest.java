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
    void recentGapsStartWhereTheLedgerStartsAndNeverBeforeTheRecentSpan() throws Exception {
        var ds = dev.pmp.engine.TestDatasets.FIVE_MINUTE;
        var store = new dev.pmp.testkit.MemoryStore();
        store.prepare(ds);
        Instant since = Instant.parse("2025-01-01T06:00:00Z");
        Window recent = new Window(T0, T0.plus(Duration.ofHours(1)));
        Ledger ledger = new Ledger(store);
        assertThat(ledger.recentGaps(ds, recent, since)).as("an empty catalog has no gaps").isEmpty();

        // first data at :30, nothing before: the ledger starts there, so :00-:25 are not gaps
        write(store, ds, List.of(T0.plus(FIVE.multipliedBy(6)), T0.plus(FIVE.multipliedBy(8))),
                new Window(T0.plus(FIVE.multipliedBy(6)), T0.plus(FIVE.multipliedBy(9))));
        assertThat(ledger.recentGaps(ds, recent, since)).containsExactly(
                new Gap(new Window(T0.plus(FIVE.multipliedBy(7)), T0.plus(FIVE.multipliedBy(8))), 1, GapKind.SOURCE_GAP),
                new Gap(new Window(T0.plus(FIVE.multipliedBy(9)), T0.plus(FIVE.multipliedBy(12))), 3, GapKind.MISSING));

        // coverage reaching back before the span: every missing point inside the span counts
        write(store, ds, List.of(T0.minus(Duration.ofDays(1))), new Window(T0.minus(Duration.ofDays(1)), T0.plus(FIVE)));
        assertThat(ledger.recentGaps(ds, recent, since)).startsWith(
                new Gap(new Window(T0, T0.plus(FIVE)), 1, GapKind.SOURCE_GAP),
                new Gap(new Window(T0.plus(FIVE), T0.plus(FIVE.multipliedBy(6))), 5, GapKind.MISSING));
    }

    private static void write(dev.pmp.testkit.MemoryStore store, dev.pmp.spi.Dataset ds, List<Instant> times, Window covered)
            throws Exception {
        List<dev.pmp.spi.Row> rows = times.stream().map(t -> dev.pmp.spi.Row.of(t, 1.0)).toList();
        var fetch = new dev.pmp.spi.FetchRecord(java.util.UUID.randomUUID().toString(), ds.id(), covered, "test:", T0, 200, 0,
                null, null, Duration.ZERO, 0, 0, 0, null, "");
        store.write(new dev.pmp.spi.Batch(ds, fetch, rows, List.of(covered), T0));
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
