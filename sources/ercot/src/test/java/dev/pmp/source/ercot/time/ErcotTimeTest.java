package dev.pmp.source.ercot.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.source.ercot.time.LabelClock.Flag;
import dev.pmp.source.ercot.time.LabelClock.Style;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README section 1.1, label by label, on the DST days of 2024..2026 and ordinary days. */
class ErcotTimeTest {

    static final LocalDate SPRING = LocalDate.of(2026, 3, 8);
    static final LocalDate FALL = LocalDate.of(2025, 11, 2);

    @Test
    void hourEnding() {
        assertThat(ErcotTime.hourEndingStart(LocalDate.of(2026, 9, 29), 1, false)).isEqualTo(Instant.parse("2026-09-29T05:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(LocalDate.of(2026, 9, 29), 24, false)).isEqualTo(Instant.parse("2026-09-30T04:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(LocalDate.of(2026, 1, 15), 24, false)).isEqualTo(Instant.parse("2026-01-16T05:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(SPRING, 2, false)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(SPRING, 3, false)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(SPRING, 4, false)).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(LocalDate.of(2024, 3, 10), 3, false)).isEqualTo(Instant.parse("2024-03-10T07:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(FALL, 2, false)).isEqualTo(Instant.parse("2025-11-02T06:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(FALL, 2, true)).isEqualTo(Instant.parse("2025-11-02T07:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(FALL, 3, false)).isEqualTo(Instant.parse("2025-11-02T08:00:00Z"));
        assertThat(ErcotTime.hourEndingStart(LocalDate.of(2024, 11, 3), 2, true)).isEqualTo(Instant.parse("2024-11-03T07:00:00Z"));
        assertThatThrownBy(() -> ErcotTime.hourEndingStart(FALL, 25, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deliveryInterval() {
        assertThat(ErcotTime.deliveryIntervalStart(LocalDate.of(2026, 9, 29), 12, 1, false))
                .isEqualTo(Instant.parse("2026-09-29T16:00:00Z"));
        assertThat(ErcotTime.deliveryIntervalStart(SPRING, 3, 4, false)).isEqualTo(Instant.parse("2026-03-08T07:45:00Z"));
        assertThat(ErcotTime.deliveryIntervalStart(SPRING, 2, 4, false)).isEqualTo(Instant.parse("2026-03-08T07:45:00Z"));
        assertThat(ErcotTime.deliveryIntervalStart(FALL, 2, 4, true)).isEqualTo(Instant.parse("2025-11-02T07:45:00Z"));
    }

    @Test
    void timeEndingSpringAndFall() {
        // gridstatus test rows of 2016-03-13: 01:15, 01:30, 01:45, 03:00 — consecutive quarter hours
        LocalDate spring2016 = LocalDate.of(2016, 3, 13);
        assertThat(ErcotTime.timeEndingEnd(spring2016, 105, false)).isEqualTo(Instant.parse("2016-03-13T07:45:00Z"));
        assertThat(ErcotTime.timeEndingEnd(spring2016, 180, false)).isEqualTo(Instant.parse("2016-03-13T08:00:00Z"));
        assertThat(ErcotTime.timeEndingEnd(spring2016, 120, false)).isEqualTo(Instant.parse("2016-03-13T08:00:00Z"));
        assertThatThrownBy(() -> ErcotTime.timeEndingEnd(spring2016, 135, false)).hasMessageContaining("does not exist");
        assertThat(ErcotTime.timeEndingEnd(FALL, 60, true)).isEqualTo(Instant.parse("2025-11-02T07:00:00Z"));
        assertThat(ErcotTime.timeEndingEnd(FALL, 24 * 60, false)).isEqualTo(Instant.parse("2025-11-03T06:00:00Z"));
    }

    @Test
    void scedStamps() {
        assertThat(ErcotTime.scedTime(LocalDateTime.parse("2025-06-04T00:00:25"), false)).isEqualTo(Instant.parse("2025-06-04T05:00:25Z"));
        assertThat(ErcotTime.scedTime(LocalDateTime.parse("2025-11-02T01:30:17"), false)).isEqualTo(Instant.parse("2025-11-02T06:30:17Z"));
        assertThat(ErcotTime.scedTime(LocalDateTime.parse("2025-11-02T01:30:17"), true)).isEqualTo(Instant.parse("2025-11-02T07:30:17Z"));
        assertThatThrownBy(() -> ErcotTime.scedTime(LocalDateTime.parse("2026-03-08T02:05:00"), false)).hasMessageContaining("gap");
    }

    @Test
    void dayLengths() {
        assertThat(ErcotTime.hours(SPRING)).isEqualTo(23);
        assertThat(ErcotTime.hours(LocalDate.of(2024, 3, 10))).isEqualTo(23);
        assertThat(ErcotTime.hours(FALL)).isEqualTo(25);
        assertThat(ErcotTime.hours(LocalDate.of(2024, 11, 3))).isEqualTo(25);
        assertThat(ErcotTime.hours(LocalDate.of(2026, 9, 29))).isEqualTo(24);
    }

    /** Every time-ending label of a day, with flags as README 1.1 step 6 reads them, gives the day's quarter hours. */
    @Test
    void timeEndingFilesEveryDay() {
        for (LocalDate day : List.of(SPRING, LocalDate.of(2024, 3, 10), FALL, LocalDate.of(2024, 11, 3), LocalDate.of(2026, 9, 29))) {
            LabelClock clock = new LabelClock(Style.TIME_ENDING);
            List<Instant> starts = new ArrayList<>();
            Instant midnight = day.atStartOfDay(ErcotTime.ZONE).toInstant();
            int n = ErcotTime.hours(day) * 4;
            for (int i = 1; i <= n; i++) {
                int minute = 15 * i;
                Flag flag = Flag.NOT_REPEATED;
                if (ErcotTime.isSpringForward(day) && minute >= 120) {
                    minute += 60; // the end 02:00 CST is labelled 03:00
                } else if (ErcotTime.isFallBack(day) && minute > 105) {
                    if (minute <= 165) {
                        minute -= 60;
                        flag = Flag.REPEATED;
                    } else {
                        minute -= 60;
                    }
                }
                starts.add(clock.place(i, day, minute * 60, flag, null));
            }
            List<String> problems = new ArrayList<>();
            clock.finish(new LabelClock.Sink() {
                @Override
                public void placed(int slot, Instant start) {
                    starts.set(slot - 1, start);
                }

                @Override
                public void problem(int slot, String message) {
                    problems.add(message);
                }
            });
            assertThat(problems).isEmpty();
            for (int i = 0; i < n; i++) {
                assertThat(starts.get(i)).as(day + " #" + i).isEqualTo(midnight.plusSeconds(900L * i));
            }
        }
    }

    /**
     * SMNE stamps (interval end minus 1 s, no flag) on every kind of day: the local stamp of each interval's
     * last second, the repeated hour's stamps told apart by order within the series.
     */
    @Test
    void endStampFilesEveryDay() {
        for (LocalDate day : List.of(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 11, 3), LocalDate.of(2026, 9, 29))) {
            LabelClock clock = new LabelClock(Style.END_STAMP);
            Instant midnight = day.atStartOfDay(ErcotTime.ZONE).toInstant();
            int n = ErcotTime.hours(day) * 4;
            List<Instant> starts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Instant last = midnight.plusSeconds(900L * i + 899);
                LocalDateTime stamp = LocalDateTime.ofInstant(last, ErcotTime.ZONE);
                int second = stamp.toLocalTime().toSecondOfDay();
                assertThat(stamp.toLocalDate()).isEqualTo(day);
                starts.add(clock.place(i, day, second, Flag.ABSENT, "UNIT_A"));
            }
            List<String> problems = new ArrayList<>();
            clock.finish(new LabelClock.Sink() {
                @Override
                public void placed(int slot, Instant start) {
                    starts.set(slot, start);
                }

                @Override
                public void problem(int slot, String message) {
                    problems.add(message);
                }
            });
            assertThat(problems).isEmpty();
            for (int i = 0; i < n; i++) {
                assertThat(starts.get(i)).as(day + " #" + i).isEqualTo(midnight.plusSeconds(900L * i));
            }
        }
        assertThat(ErcotTime.endStampStart(Instant.parse("2024-11-03T06:59:59Z")))
                .isEqualTo(Instant.parse("2024-11-03T06:45:00Z"));
    }
}
