package dev.pmp.source.ercot.report;

import dev.pmp.spi.Row;
import java.util.List;

/**
 * What one report file or API page made.
 *
 * @param rows rows in file order, each fitting the report's dataset schema
 * @param notes oddities that lost nothing: unknown columns, a page that is not the last
 */
public record ReportRows(List<Row> rows, List<String> notes) {
    public ReportRows {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }
}
