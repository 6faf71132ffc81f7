package dev.pmp.source.ercot.report;

import dev.pmp.spi.Row;
import java.util.List;

/**
 * What one report file or API page made.
 *
 * @param rows rows in file order, each fitting the report's dataset schema
 * @param notes oddities that lost nothing: unknown columns, a page that is not the last
 * @param page the API page's {@code _meta.currentPage} (1-based), 0 for a file or a page without {@code _meta}
 * @param pages the API page's {@code _meta.totalPages}, 0 for a file or a page without {@code _meta}
 * @param unknownColumns columns of the file the report neither maps nor knows as not kept, as the operator
 *     spells them (schema drift, for {@code Parsed.withUnknownColumns}); the rows are kept without them
 */
public record ReportRows(List<Row> rows, List<String> notes, long page, long pages, List<String> unknownColumns) {
    public ReportRows {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        unknownColumns = List.copyOf(unknownColumns);
    }

    /** Rows of an API page without unknown columns. */
    public ReportRows(List<Row> rows, List<String> notes, long page, long pages) {
        this(rows, notes, page, pages, List.of());
    }

    /** Rows of a file: no paging, no unknown columns. */
    public ReportRows(List<Row> rows, List<String> notes) {
        this(rows, notes, 0, 0);
    }

    /** Whether an API page says more pages follow. */
    public boolean morePages() {
        return page < pages;
    }
}
