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
        java.time.ZoneId utc = java.time.ZoneOffset.UTC;
        assertThat(BackfillCommand.chunks(days(0, 10), Duration.ofDays(4), utc))
                .containsExactly(days(0, 4), days(4, 8), days(8, 10));
        assertThat(BackfillCommand.chunks(days(0, 1), Duration.ofDays(31), utc)).containsExactly(days(0, 1));
        Window hours = new Window(T, T.plus(Duration.ofHours(5)));
        assertThat(BackfillCommand.chunks(hours, Duration.ofHours(2), utc)).hasSize(3);
    }

    @Test
    void monthSizedWindowsFollowCalendarMonthsAndDaySizedOnesLocalMidnights() {
        java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
        Instant jan15 = java.time.LocalDate.of(2024, 1, 15).atStartOfDay(ny).toInstant();
        Instant apr1 = java.time.LocalDate.of(2024, 4, 1).atStartOfDay(ny).toInstant();
        List<Window> months = BackfillCommand.chunks(new Window(jan15, apr1), Duration.ofDays(31), ny);
        assertThat(months).extracting(Window::start).containsExactly(jan15,
                java.time.LocalDate.of(2024, 2, 1).atStartOfDay(ny).toInstant(),
                java.time.LocalDate.of(2024, 3, 1).atStartOfDay(ny).toInstant());
        // The spring-forward day is 23 hours long and still one window.
        Instant mar10 = java.time.LocalDate.of(2024, 3, 10).atStartOfDay(ny).toInstant();
        List<Window> days = BackfillCommand.chunks(new Window(mar10, mar10.plus(Duration.ofHours(47))),
                Duration.ofDays(1), ny);
        Instant nov3 = java.time.LocalDate.of(2024, 11, 3).atStartOfDay(ny).toInstant();
        assertThat(BackfillCommand.chunks(new Window(nov3, nov3.plus(Duration.ofHours(49))), Duration.ofDays(1), ny))
                .extracting(w -> Duration.between(w.start(), w.end()).toHours()).containsExactly(25L, 24L);
        assertThat(days).hasSize(2);
        assertThat(Duration.between(days.get(0).start(), days.get(0).end())).isEqualTo(Duration.ofHours(23));
    }
}
