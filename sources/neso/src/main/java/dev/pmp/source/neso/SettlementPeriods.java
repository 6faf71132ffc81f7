package dev.pmp.source.neso;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * GB settlement periods: half-hours of the local settlement day, period 1 starting at 00:00 Europe/London,
 * so a day has 46 periods when clocks go forward, 50 when they go back and 48 otherwise. The periods are
 * consecutive in UTC, which makes the mapping a pure count from local midnight.
 */
final class SettlementPeriods {

    /** The zone GB settlement days are counted in. */
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Length of one settlement period. */
    static final Duration PERIOD = Duration.ofMinutes(30);

    private SettlementPeriods() {
    }

    /** How many periods {@code date} has: 46, 48 or 50. */
    static int count(LocalDate date) {
        Instant from = midnight(date);
        Instant to = midnight(date.plusDays(1));
        return (int) (Duration.between(from, to).toMinutes() / PERIOD.toMinutes());
    }

    /**
     * The UTC start of {@code period} of {@code date}.
     *
     * @throws IllegalArgumentException when the period does not exist on that day (0, or 47 on a 46-period day)
     */
    static Instant start(LocalDate date, long period) {
        int count = count(date);
        if (period < 1 || period > count) {
            throw new IllegalArgumentException("settlement period " + period + " does not exist on " + date
                    + ", which has " + count + " periods");
        }
        return midnight(date).plus(PERIOD.multipliedBy(period - 1));
    }

    /** The UTC instant of local midnight starting {@code date}. */
    static Instant midnight(LocalDate date) {
        return date.atTime(LocalTime.MIDNIGHT).atZone(LONDON).toInstant();
    }

    /** The local settlement date an instant falls on. */
    static LocalDate date(Instant instant) {
        return instant.atZone(LONDON).toLocalDate();
    }
}
