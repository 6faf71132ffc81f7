package dev.pmp.analytics.bess;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One battery over one period on the leaderboard.
 *
 * @param resourceName ERCOT Resource Name
 * @param period the period's label ({@link Period#label})
 * @param settlementPoint the battery's resource node
 * @param resourceTypes the resource types seen ({@code PWRSTR}, {@code ESR})
 * @param capacityMw maximum HSL observed over the whole run, MW
 * @param computedDays resource-days with figures ({@link DayStatus#COMPLETE} or {@link DayStatus#PARTIAL})
 * @param partialDays of those, the {@link DayStatus#PARTIAL} ones
 * @param notPublishedDays resource-days inside the publication lag: no figures, not counted as zero
 * @param missingDays resource-days whose data the store lacks: no figures, not counted as zero
 * @param revenueUsd US dollars per stream over the computed days; a stream no day could settle is absent
 * @param totalUsd the sum of {@code revenueUsd}, null when no day has figures
 * @param usdPerMwYear {@code totalUsd / capacityMw × 365 / computedDays}; null without figures or capacity
 * @param usdPerKwMonth {@code usdPerMwYear / 1000 / 12}; null likewise
 * @param strategy {@link Strategy#classify} of the energy and AS sums; null without revenue
 */
public record LeaderboardEntry(String resourceName, String period, String settlementPoint, List<String> resourceTypes,
        double capacityMw, int computedDays, int partialDays, int notPublishedDays, int missingDays,
        Map<RevenueStream, Double> revenueUsd, Double totalUsd, Double usdPerMwYear, Double usdPerKwMonth,
        Strategy strategy) {

    /** Validates the entry and copies its collections. */
    public LeaderboardEntry {
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(settlementPoint, "settlementPoint");
        resourceTypes = List.copyOf(resourceTypes);
        revenueUsd = Collections.unmodifiableMap(revenueUsd.isEmpty()
                ? new EnumMap<>(RevenueStream.class) : new EnumMap<>(revenueUsd));
        if (computedDays == 0 && totalUsd != null) {
            throw new IllegalArgumentException(resourceName + " " + period + ": a total without computed days");
        }
    }
}
