package dev.pmp.spi;

import java.util.List;

/** How a dataset's rows sit in time; fixes the leading time columns of its schema. */
public enum TimeShape {
    /** A value at an instant: first column {@code time_utc}. */
    POINT(List.of("time_utc")),
    /** A value over a period: first columns {@code interval_start_utc}, {@code interval_end_utc}. */
    INTERVAL(List.of("interval_start_utc", "interval_end_utc"));

    private final List<String> timeColumns;

    TimeShape(List<String> timeColumns) {
        this.timeColumns = timeColumns;
    }

    /** Names of the leading time columns, in order. */
    public List<String> timeColumns() {
        return timeColumns;
    }

    /** The column that places a row on the dataset's grid ({@code time_utc} or {@code interval_start_utc}). */
    public String gridColumn() {
        return timeColumns.get(0);
    }
}
