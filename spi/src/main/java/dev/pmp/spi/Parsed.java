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
 * @param notes repairs and oddities worth a log line (a relabelled DST row, an unknown column)
 * @param next the next page to fetch for the same window, if the response was paged
 */
public record Parsed(
        List<Row> rows,
        List<Window> covered,
        List<Quarantine> quarantined,
        List<String> notes,
        Optional<FetchRequest> next) {

    public Parsed {
        rows = List.copyOf(rows);
        covered = List.copyOf(covered);
        quarantined = List.copyOf(quarantined);
        notes = List.copyOf(notes);
        Objects.requireNonNull(next, "next");
    }

    /** A complete, unpaged result. */
    public static Parsed of(List<Row> rows, List<Window> covered, List<Quarantine> quarantined, List<String> notes) {
        return new Parsed(rows, covered, quarantined, notes, Optional.empty());
    }
}
