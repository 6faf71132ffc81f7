package dev.pmp.source.ercot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One {@code fuel-mix.json} response as ERCOT wrote it, before rounding, merging or checks.
 *
 * @param days the blocks of {@code data}, in the order written (yesterday, then today)
 * @param ignoredFields fields ERCOT sent that the reader does not know, as paths, in the order first seen
 */
record FuelMixSnapshot(List<Day> days, List<String> ignoredFields) {

    FuelMixSnapshot {
        days = List.copyOf(days);
        ignoredFields = List.copyOf(ignoredFields);
    }

    /**
     * One block {@code data.<yyyy-MM-dd>}.
     *
     * @param date the key: the operating day
     * @param stamps its timestamps in the order written (not necessarily chronological)
     */
    record Day(LocalDate date, List<Stamp> stamps) {
        Day {
            Objects.requireNonNull(date, "date");
            stamps = List.copyOf(stamps);
        }
    }

    /**
     * One timestamp of a block with the fuels published under it.
     *
     * @param text the key as written, {@code yyyy-MM-dd HH:mm:ss±hhmm}
     * @param time {@code text} parsed with its own offset
     * @param fuels the fuels in the order written
     */
    record Stamp(String text, OffsetDateTime time, List<Fuel> fuels) {
        Stamp {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(time, "time");
            fuels = List.copyOf(fuels);
        }
    }

    /**
     * One fuel's value.
     *
     * @param name ERCOT's fuel name ({@code Coal and Lignite})
     * @param gen {@code gen}, MW
     */
    record Fuel(String name, double gen) {
        Fuel {
            Objects.requireNonNull(name, "name");
        }
    }
}
