package dev.pmp.source.nyiso.mis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The layout of one kind of MIS daily file and how its records become rows.
 *
 * @param labelling what {@code Time Stamp} means
 * @param cadence the file's interval length or sampling grid
 * @param hasTimeZone whether the file has a {@code Time Zone} column (EST/EDT); required when true
 * @param nameColumn the header of the location/region/fuel column; empty for a wide file, whose every
 *     other column is a value named by its header
 * @param ptidColumn whether the file has a {@code PTID} column (required when true)
 * @param values the value columns, each found by header name
 * @param multiDay whether a file may hold other days than the one it is named for (the load forecast)
 * @param splitsAdvisory whether a daily file ends with RTC 15-minute advisory rows after its RTD rows
 * @param keyColumns positions of the natural key in the rows made, for finding repeats
 * @param maker turns a record into rows
 */
public record FileFormat(
        Labelling labelling,
        Duration cadence,
        boolean hasTimeZone,
        Optional<String> nameColumn,
        boolean ptidColumn,
        List<ValueColumn> values,
        boolean multiDay,
        boolean splitsAdvisory,
        List<Integer> keyColumns,
        RowMaker maker) {

    public FileFormat {
        Objects.requireNonNull(labelling, "labelling");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(nameColumn, "nameColumn");
        Objects.requireNonNull(maker, "maker");
        values = List.copyOf(values);
        keyColumns = List.copyOf(keyColumns);
        if (nameColumn.isPresent() && values.isEmpty()) {
            throw new IllegalArgumentException("a long file needs value columns");
        }
    }

    /**
     * One value column.
     *
     * @param headers the accepted header spellings, current one first (old files truncate some names)
     * @param required whether a file without it is refused as schema drift
     */
    public record ValueColumn(List<String> headers, boolean required) {
        public ValueColumn {
            headers = List.copyOf(headers);
            if (headers.isEmpty()) {
                throw new IllegalArgumentException("a value column needs a header");
            }
        }

        /** A required column with one or more accepted spellings. */
        public static ValueColumn of(String... headers) {
            return new ValueColumn(List.of(headers), true);
        }
    }
}
