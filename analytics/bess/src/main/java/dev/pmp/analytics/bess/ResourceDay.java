package dev.pmp.analytics.bess;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Revenue of one battery over one operating day (midnight to midnight in Central Prevailing Time, 23, 24
 * or 25 hours).
 *
 * @param resourceName the battery's name ({@link Battery#resourceName})
 * @param day operating day in America/Chicago
 * @param resourceType PWRSTR (before RTC+B) or ESR (from RTC+B); empty when no row was seen that day
 * @param settlementPoint the resource node its energy settles at; empty when unknown
 * @param capacityMw maximum HSL seen that day, MW; null when no row was seen
 * @param status how complete the figures are
 * @param revenueUsd US dollars per stream; a stream absent from the map was not computed (its input is missing)
 * @param missingIntervals per stream, intervals left out because an input was missing
 * @param gaps human-readable reasons for anything missing, excluded or approximate; a complete ESR day has none, a
 *     complete PWRSTR day only {@link RevenueCalculator#DAM_CHARGING_EXCLUDED}
 */
public record ResourceDay(String resourceName, LocalDate day, String resourceType, String settlementPoint,
        Double capacityMw, DayStatus status, Map<RevenueStream, Double> revenueUsd,
        Map<RevenueStream, Integer> missingIntervals, List<String> gaps) {

    /** Validates the day and copies its collections; a day without figures must not carry any. */
    public ResourceDay {
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(settlementPoint, "settlementPoint");
        Objects.requireNonNull(status, "status");
        revenueUsd = Collections.unmodifiableMap(revenueUsd.isEmpty()
                ? new EnumMap<>(RevenueStream.class) : new EnumMap<>(revenueUsd));
        missingIntervals = Collections.unmodifiableMap(missingIntervals.isEmpty()
                ? new EnumMap<>(RevenueStream.class) : new EnumMap<>(missingIntervals));
        gaps = List.copyOf(gaps);
        if (!status.computed() && !revenueUsd.isEmpty()) {
            throw new IllegalArgumentException(resourceName + " " + day + " is " + status + " but carries revenue");
        }
    }

    /** A resource-day without figures: not yet published, or missing from the store. */
    public static ResourceDay absent(String resourceName, LocalDate day, DayStatus status, String reason) {
        if (status.computed()) {
            throw new IllegalArgumentException("an absent day cannot be " + status);
        }
        return new ResourceDay(resourceName, day, "", "", null, status, Map.of(), Map.of(), List.of(reason));
    }

    /** Sum over the computed streams in US dollars, or null when the day has no figures. */
    public Double totalUsd() {
        if (!status.computed()) {
            return null;
        }
        double total = 0;
        for (double v : revenueUsd.values()) {
            total += v;
        }
        return total;
    }
}
