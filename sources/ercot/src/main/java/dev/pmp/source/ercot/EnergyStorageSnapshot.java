package dev.pmp.source.ercot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One {@code energy-storage-resources.json} response as ERCOT wrote it, before any repair or check.
 *
 * @param previousDay the {@code previousDay} block
 * @param currentDay the {@code currentDay} block
 * @param ignoredFields fields ERCOT sent that this reader does not know, as paths such as
 *     {@code currentDay.data[].soc}, in the order first seen
 */
record EnergyStorageSnapshot(Day previousDay, Day currentDay, List<String> ignoredFields) {

    EnergyStorageSnapshot {
        Objects.requireNonNull(previousDay, "previousDay");
        Objects.requireNonNull(currentDay, "currentDay");
        ignoredFields = List.copyOf(ignoredFields);
    }

    /**
     * One day block.
     *
     * @param name {@code previousDay} or {@code currentDay}, for messages
     * @param date the operating day: the date part of {@code dayDate} (its time part is meaningless)
     * @param samples the rows of {@code data}, in array order
     */
    record Day(String name, LocalDate date, List<Sample> samples) {
        Day {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(date, "date");
            samples = List.copyOf(samples);
        }

        /** The same block with other samples (after a repair). */
        Day withSamples(List<Sample> repaired) {
            return new Day(name, date, repaired);
        }
    }

    /**
     * One row of a block's {@code data}.
     *
     * @param index position in {@code data}, for messages
     * @param timestamp the {@code timestamp} text, {@code yyyy-MM-dd HH:mm:ss±hhmm}
     * @param time {@code timestamp} parsed with its own offset
     * @param dstFlag {@code "Y"} (repeated hour), {@code "N"}, or null when absent
     * @param totalCharging {@code totalCharging}, MW, charging as negative
     * @param totalDischarging {@code totalDischarging}, MW
     * @param netOutput {@code netOutput}, MW
     */
    record Sample(
            int index,
            String timestamp,
            OffsetDateTime time,
            String dstFlag,
            double totalCharging,
            double totalDischarging,
            double netOutput) {

        Sample {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(time, "time");
        }

        /** The same sample under another label. */
        Sample relabelled(String newTimestamp, OffsetDateTime newTime) {
            return new Sample(index, newTimestamp, newTime, dstFlag, totalCharging, totalDischarging, netOutput);
        }
    }
}
