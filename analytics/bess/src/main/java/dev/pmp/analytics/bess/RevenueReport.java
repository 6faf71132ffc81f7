package dev.pmp.analytics.bess;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link RevenueCalculator} run found.
 *
 * @param from first operating day, inclusive
 * @param to last operating day, exclusive
 * @param batteries the registry: every battery with a row in the period, by name (one battery for
 *     {@link RevenueCalculator#computeOne} and {@link RevenueCalculator#explain})
 * @param days every resource-day from a battery's first active day, ordered by resource then day; days without
 *     figures are listed with their status, never as zero
 * @param lines the settlement lines behind the figures; filled only by {@link RevenueCalculator#explain}
 */
public record RevenueReport(LocalDate from, LocalDate to, List<Battery> batteries, List<ResourceDay> days,
        List<IntervalLine> lines) {

    /** Validates the report and copies its lists. */
    public RevenueReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        batteries = List.copyOf(batteries);
        days = List.copyOf(days);
        lines = List.copyOf(lines);
    }
}
