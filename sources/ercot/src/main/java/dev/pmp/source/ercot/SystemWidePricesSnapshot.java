package dev.pmp.source.ercot;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code system-wide-prices.json} response as ERCOT wrote it, before any check.
 *
 * @param lastUpdated {@code lastUpdated}, with its offset
 * @param realTime the rows of {@code rtSppData}, in array order
 * @param dayAhead the rows of {@code damSppData}, in array order
 * @param ignoredFields fields ERCOT sent that the reader does not know, as paths, in the order first seen
 */
record SystemWidePricesSnapshot(OffsetDateTime lastUpdated, List<RealTime> realTime, List<DayAhead> dayAhead,
        List<String> ignoredFields) {

    SystemWidePricesSnapshot {
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        realTime = List.copyOf(realTime);
        dayAhead = List.copyOf(dayAhead);
        ignoredFields = List.copyOf(ignoredFields);
    }

    /**
     * One row of {@code rtSppData}: the 15-minute real-time settlement point prices of one interval.
     *
     * @param index position in {@code rtSppData}, for messages
     * @param timestamp the {@code timestamp} text: the interval's end, {@code yyyy-MM-dd HH:mm:ss±hhmm}
     * @param end {@code timestamp} parsed with its own offset
     * @param intervalEnding {@code intervalEnding}, {@code HH:MM} local, or null when absent
     * @param intervalMillis {@code interval} (ms since the epoch, the same instant as {@code timestamp}), or
     *     null when absent
     * @param dstFlag {@code "Y"} (repeated hour) or {@code "N"}, or null when absent
     * @param prices $/MWh per settlement point; every point present
     */
    record RealTime(int index, String timestamp, OffsetDateTime end, String intervalEnding, Long intervalMillis,
            String dstFlag, Map<SettlementPoint, Double> prices) {
        RealTime {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(end, "end");
            prices = Map.copyOf(new EnumMap<>(prices));
        }
    }

    /**
     * One row of {@code damSppData}: the day-ahead settlement point prices of one hour.
     *
     * @param index position in {@code damSppData}, for messages
     * @param hourEnding {@code hourEnding}, 1 to 24
     * @param dstFlag {@code "Y"} (the repeated hour-ending 02 of the fall-back day) or {@code "N"}, or null
     * @param end {@code timestamp} (the hour's end) when the row carries one, else null
     * @param prices $/MWh per settlement point; every point present
     */
    record DayAhead(int index, int hourEnding, String dstFlag, OffsetDateTime end,
            Map<SettlementPoint, Double> prices) {
        DayAhead {
            prices = Map.copyOf(new EnumMap<>(prices));
        }
    }
}
