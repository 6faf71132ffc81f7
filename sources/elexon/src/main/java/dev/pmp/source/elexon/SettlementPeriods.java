package dev.pmp.source.elexon;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * GB settlement days and periods: a settlement day is the Europe/London calendar day, period 1 starts at
 * local midnight and every period lasts 30 minutes of absolute time, so a day has 46 periods on the
 * spring clock change, 50 on the autumn one and 48 otherwise.
 */
public final class SettlementPeriods {

    /** The zone settlement days are laid out in. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The length of one settlement period. */
    public static final Duration PERIOD = Duration.ofMinutes(30);

    private SettlementPeriods() {
    }

    /** The instant local midnight of {@code day} in London. */
    public static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(LONDON).toInstant();
    }

    /** How many settlement periods {@code day} has: 46, 48 or 50. */
    public static int periodsIn(LocalDate day) {
        return (int) (Duration.between(dayStart(day), dayStart(day.plusDays(1))).toMinutes() / 30);
    }

    /**
     * The start of settlement period {@code period} of {@code day}: local midnight as an instant plus
     * {@code (period − 1) × 30} minutes. Never wall-clock arithmetic, which breaks on the 50-period day.
     *
     * @throws IllegalArgumentException when the day has no such period
     */
    public static Instant start(LocalDate day, int period) {
        if (period < 1 || period > periodsIn(day)) {
            throw new IllegalArgumentException("settlement day " + day + " has periods 1-" + periodsIn(day) + ", not " + period);
        }
        return dayStart(day).plus(PERIOD.multipliedBy(period - 1L));
    }

    /** The settlement day an instant falls in. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, LONDON);
    }

    /** The settlement period (1-50) an instant falls in, within {@link #dayOf}. */
    public static int periodOf(Instant instant) {
        return (int) (Duration.between(dayStart(dayOf(instant)), instant).toMinutes() / 30) + 1;
    }
}
