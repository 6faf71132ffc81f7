package dev.pmp.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a feed made of one response.
 *
 * @param rows rows in schema order, each fitting the dataset's schema
 * @param covered the windows this response vouches for: every grid point inside them that is not
 *     among {@code rows} is a source gap. For a windowed feed usually the requested window; for a
 *     snapshot feed what the payload spans. Quarantined spans are not in it.
 * @param quarantined spans held back, with reasons
 * @param notes repairs and oddities worth a log line (a relabelled DST row)
 * @param next the next page to fetch for the same window, if the response was paged
 * @param unknownColumns columns the payload has and the dataset does not know, as the operator spells them
 *     (schema drift): the rows are kept without them, and the engine records the names so {@code pmp status}
 *     and a {@code schema_drift} event show them
 */
public record Parsed(
        List<Row> rows,
        List<Window> covered,
        List<Quarantine> quarantined,
        List<String> notes,
        Optional<FetchRequest> next,
        List<String> unknownColumns) {

    public Parsed {
        rows = List.copyOf(rows);
        covered = List.copyOf(covered);
        quarantined = List.copyOf(quarantined);
        notes = List.copyOf(notes);
        Objects.requireNonNull(next, "next");
        unknownColumns = List.copyOf(new java.util.LinkedHashSet<>(unknownColumns));
    }

    /** A result with no unknown columns. */
    public Parsed(List<Row> rows, List<Window> covered, List<Quarantine> quarantined, List<String> notes,
            Optional<FetchRequest> next) {
        this(rows, covered, quarantined, notes, next, List.of());
    }

    /** A complete, unpaged result. */
    public static Parsed of(List<Row> rows, List<Window> covered, List<Quarantine> quarantined, List<String> notes) {
        return new Parsed(rows, covered, quarantined, notes, Optional.empty());
    }

    /** The same result, reporting {@code columns} as unknown (added to any already reported). */
    public Parsed withUnknownColumns(List<String> columns) {
        List<String> all = new java.util.ArrayList<>(unknownColumns);
        all.addAll(columns);
        return new Parsed(rows, covered, quarantined, notes, next, all);
    }
}
