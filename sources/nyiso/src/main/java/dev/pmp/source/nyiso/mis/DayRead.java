package dev.pmp.source.nyiso.mis;

import dev.pmp.spi.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one daily file held.
 *
 * @param file the file's name ({@code 20240310pal.csv})
 * @param day the market day the file is named for
 * @param rows rows whose grid time lies on {@code day} (all rows of a multi-day file)
 * @param neighbours rows the file holds for the edge of a neighbouring day (a {@code 00:00} reading of the
 *     next day); the caller merges them with that day's file
 * @param records how many data records the file had
 * @param coveredUntil the end of the newest interval (or the grid point after the newest sample) among
 *     {@code rows}; empty when there are none
 * @param problem why the file cannot be trusted (a non-numeric value, a time that does not exist); its rows
 *     are then empty and the day is to be quarantined
 * @param notes oddities and repairs
 */
public record DayRead(String file, LocalDate day, List<Row> rows, List<Row> neighbours, int records,
        Optional<Instant> coveredUntil, Optional<String> problem, List<String> notes) {

    public DayRead {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(day, "day");
        rows = List.copyOf(rows);
        neighbours = List.copyOf(neighbours);
        Objects.requireNonNull(coveredUntil, "coveredUntil");
        Objects.requireNonNull(problem, "problem");
        notes = List.copyOf(notes);
    }

    /** A file refused as a whole: no rows, the reason in {@link #problem()}. */
    static DayRead refused(String file, LocalDate day, int records, String problem, List<String> notes) {
        return new DayRead(file, day, List.of(), List.of(), records, Optional.empty(), Optional.of(file + ": " + problem),
                notes);
    }
}
