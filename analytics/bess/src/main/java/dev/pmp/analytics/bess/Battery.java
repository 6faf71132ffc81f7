package dev.pmp.analytics.bess;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One battery of the registry built from the 60-day disclosures. Before RTC+B a battery is a generation resource of
 * Resource Type {@code PWRSTR} plus the controllable load resource paired with it by {@link ResourcePairing}; from
 * RTC+B it is one resource of type {@code ESR}. A PWRSTR that becomes an ESR (same name, or linked by
 * {@link ResourcePairing#predecessor}) stays one battery.
 *
 * @param resourceName the battery's name: the first storage resource name seen in the run
 * @param settlementPoint the resource node from the latest DAM row, empty when no DAM row was seen
 * @param resourceTypes the types seen, in the order first seen (for example {@code [PWRSTR, ESR]})
 * @param capacityMw maximum HSL observed over the period, MW (DAM rows and the SCED rows read)
 * @param firstActive first operating day with a row for the battery
 * @param lastActive last operating day with a row for the battery
 * @param loadResources the paired load resources (before RTC+B), empty when none is paired
 * @param otherNames other storage resource names of the same battery (the ESR name of a renamed PWRSTR)
 */
public record Battery(String resourceName, String settlementPoint, List<String> resourceTypes, double capacityMw,
        LocalDate firstActive, LocalDate lastActive, List<String> loadResources, List<String> otherNames) {

    /** Validates the entry and copies its lists. */
    public Battery {
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(settlementPoint, "settlementPoint");
        resourceTypes = List.copyOf(resourceTypes);
        loadResources = List.copyOf(loadResources);
        otherNames = List.copyOf(otherNames);
        Objects.requireNonNull(firstActive, "firstActive");
        Objects.requireNonNull(lastActive, "lastActive");
        if (lastActive.isBefore(firstActive)) {
            throw new IllegalArgumentException(resourceName + ": last active day before the first");
        }
        if (!(capacityMw >= 0)) {
            throw new IllegalArgumentException(resourceName + ": capacity must be a non-negative number of MW");
        }
    }

    /** A battery of a single resource, without a paired load resource or other names. */
    public Battery(String resourceName, String settlementPoint, List<String> resourceTypes, double capacityMw,
            LocalDate firstActive, LocalDate lastActive) {
        this(resourceName, settlementPoint, resourceTypes, capacityMw, firstActive, lastActive, List.of(), List.of());
    }

    /** Whether {@code name} is this battery's name, one of its other names or a paired load resource. */
    public boolean answersTo(String name) {
        return resourceName.equals(name) || otherNames.contains(name) || loadResources.contains(name);
    }
}
