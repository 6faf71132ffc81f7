package dev.pmp.analytics.bess;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One storage resource of the registry built from the 60-day disclosures: every resource whose rows carry Resource
 * Type {@code PWRSTR} (before RTC+B) or {@code ESR} (from RTC+B). A resource keeping its name across the RTC+B
 * change is one battery with both types.
 *
 * @param resourceName ERCOT Resource Name
 * @param settlementPoint the resource node from the latest DAM row, empty when no DAM row was seen
 * @param resourceTypes the types seen, in the order first seen (for example {@code [PWRSTR, ESR]})
 * @param capacityMw maximum HSL observed over the period, MW (DAM and SCED rows)
 * @param firstActive first operating day with a row for the resource
 * @param lastActive last operating day with a row for the resource
 */
public record Battery(String resourceName, String settlementPoint, List<String> resourceTypes, double capacityMw,
        LocalDate firstActive, LocalDate lastActive) {

    /** Validates the entry and copies its list. */
    public Battery {
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(settlementPoint, "settlementPoint");
        resourceTypes = List.copyOf(resourceTypes);
        Objects.requireNonNull(firstActive, "firstActive");
        Objects.requireNonNull(lastActive, "lastActive");
        if (lastActive.isBefore(firstActive)) {
            throw new IllegalArgumentException(resourceName + ": last active day before the first");
        }
        if (!(capacityMw >= 0)) {
            throw new IllegalArgumentException(resourceName + ": capacity must be a non-negative number of MW");
        }
    }
}
