package dev.pmp.source.nyiso.mis;

import dev.pmp.spi.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Turns one record of a MIS file, already read and timed, into rows of one dataset. */
@FunctionalInterface
public interface RowMaker {

    /**
     * Adds the rows of one record (or of one zone column of a wide record) to {@code out}.
     *
     * @param fileDay the market day the file is named for
     * @param start interval start in UTC, or the sample's instant
     * @param end interval end in UTC; equal to {@code start} for an instantaneous reading
     * @param name the record's location, reserve region or fuel (for a wide file, its column header)
     * @param ptid NYISO's point id, or null when the file has none
     * @param values the value cells in the order of {@link FileFormat#values()}; {@link Double#NaN} where empty;
     *     the array is reused for the next record
     */
    void rows(LocalDate fileDay, Instant start, Instant end, String name, Long ptid, double[] values, List<Row> out);
}
