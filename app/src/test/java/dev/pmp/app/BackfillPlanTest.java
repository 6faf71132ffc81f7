package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillPlanTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static Window days(int from, int to) {
        return new Window(T.plus(Duration.ofDays(from)), T.plus(Duration.ofDays(to)));
    }

    @Test
    void uncoveredIsTheRangeMinusCoverage() {
        assertThat(BackfillCommand.uncovered(List.of(), days(0, 10))).containsExactly(days(0, 10));
        assertThat(BackfillCommand.uncovered(List.of(days(2, 4), days(6, 7)), days(0, 10)))
                .containsExactly(days(0, 2), days(4, 6), days(7, 10));
        assertThat(BackfillCommand.uncovered(List.of(days(-5, 3), days(8, 20)), days(0, 10)))
                .containsExactly(days(3, 8));
        assertThat(BackfillCommand.uncovered(List.of(days(0, 10)), days(0, 10))).isEmpty();
    }

    @Test
    void chunksNeverExceedTheLargestRequestWindow() {
        assertThat(BackfillCommand.chunks(days(0, 10), Duration.ofDays(4)))
                .containsExactly(days(0, 4), days(4, 8), days(8, 10));
        assertThat(BackfillCommand.chunks(days(0, 1), Duration.ofDays(31))).containsExactly(days(0, 1));
    }
}
