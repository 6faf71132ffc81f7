package dev.pmp.store.postgres;

import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.DatasetSummary;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Revision;
import dev.pmp.spi.Row;
import dev.pmp.spi.RowSink;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of a {@link PostgresStore}, on its connection and thread. Every read runs in its own
 * transaction, so it sees committed data only; a scan streams its rows in pages through a cursor. A
 * dataset whose table does not exist reads as empty.
 */
final class PostgresStoreView implements StoreView {
    private static final String FETCH_COLUMNS = "fetch_id, dataset_id, window_start_utc, window_end_utc, url, "
            + "fetched_at_utc, http_status, bytes, sha256, archive_path, duration_ms, rows_inserted, rows_updated, "
            + "rows_unchanged, failure, message";
    /** Rows a scan holds in memory at a time. */
    private static final int SCAN_PAGE_ROWS = 10_000;

    private final PostgresStore store;

    PostgresStoreView(PostgresStore store) {
        this.store = store;
    }

    @Override
    public List<Window> coverage(Dataset dataset, Window within) throws StoreException {
        List<Window> out = new ArrayList<>();
        try (PreparedStatement p = store.connection().prepareStatement("SELECT start_utc, end_utc FROM pmp.coverage "
                + "WHERE dataset_id = ? AND start_utc < ? AND end_utc > ? ORDER BY start_utc")) {
            p.setString(1, dataset.id());
            p.setObject(2, Instants.ceiling(within.end()));
            p.setObject(3, Instants.truncated(within.start()));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Window clipped = new Window(instant(r, 1), instant(r, 2)).intersection(within);
                    if (clipped != null) {
                        out.add(clipped);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("coverage", dataset, e);
        }
        return out;
    }

    @Override
    public List<Instant> gridTimes(Dataset dataset, Window within) throws StoreException {
        List<Instant> out = new ArrayList<>();
        try {
            Optional<DatasetTables> tables = store.readable(dataset);
            if (tables.isEmpty()) {
                return out;
            }
            DatasetTables t = tables.get();
            try (PreparedStatement p = store.connection().prepareStatement("SELECT DISTINCT t." + t.grid()
                    + " FROM " + t.table() + " t WHERE " + t.gridWithinParameters("t") + " ORDER BY 1")) {
                bindWindow(p, 1, within);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(instant(r, 1));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("grid times", dataset, e);
        }
        return out;
    }

    @Override
    public void scan(Dataset dataset, Window within, RowSink sink) throws StoreException {
        scan(dataset, within, null, sink);
    }

    /** The filter becomes part of the query: {@code column IN (...) OR column LIKE 'prefix%' ...}. */
    @Override
    public void scan(Dataset dataset, Window within, dev.pmp.spi.KeyFilter filter, RowSink sink) throws StoreException {
        List<String> arguments = new java.util.ArrayList<>();
        String where = filter == null ? "" : " AND (" + filterSql(dataset, filter, arguments) + ")";
        try {
            Optional<DatasetTables> tables = store.readable(dataset);
            if (tables.isEmpty()) {
                return;
            }
            DatasetTables t = tables.get();
            List<Column> columns = dataset.schema().columns();
            store.inTransaction(() -> {
                try (PreparedStatement p = store.connection().prepareStatement("SELECT " + t.columns("t") + " FROM "
                        + t.table() + " t WHERE " + t.gridWithinParameters("t") + where + " ORDER BY " + t.keyColumns("t"))) {
                    p.setFetchSize(SCAN_PAGE_ROWS);
                    bindWindow(p, 1, within);
                    for (int i = 0; i < arguments.size(); i++) {
                        p.setString(3 + i, arguments.get(i));
                    }
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            Row row = readRow(r, columns);
                            try {
                                sink.accept(row);
                            } catch (Exception e) {
                                throw new ReaderStopped(e);
                            }
                        }
                    }
                }
                return null;
            });
        } catch (ReaderStopped e) {
            throw new StoreException("scan of " + dataset.id() + " stopped by its reader: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (SQLException e) {
            throw failure("rows", dataset, e);
        }
    }

    @Override
    public DatasetSummary summary(Dataset dataset) throws StoreException {
        try {
            long rows = 0;
            Optional<Instant> first = Optional.empty();
            Optional<Instant> last = Optional.empty();
            Optional<DatasetTables> tables = store.readable(dataset);
            if (tables.isPresent()) {
                DatasetTables t = tables.get();
                try (Statement s = store.connection().createStatement();
                        ResultSet r = s.executeQuery("SELECT count(*), min(" + t.grid() + "), max(" + t.grid() + ") FROM "
                                + t.table())) {
                    r.next();
                    rows = r.getLong(1);
                    first = Optional.ofNullable(instant(r, 2));
                    last = Optional.ofNullable(instant(r, 3));
                }
            }
            return new DatasetSummary(rows, first, last, newestFetch(dataset, false), newestFetch(dataset, true));
        } catch (SQLException e) {
            throw failure("summary", dataset, e);
        }
    }

    @Override
    public List<FetchRecord> fetches(Dataset dataset, int limit) throws StoreException {
        List<FetchRecord> out = new ArrayList<>();
        try (PreparedStatement p = store.connection().prepareStatement("SELECT " + FETCH_COLUMNS
                + " FROM pmp.fetches WHERE dataset_id = ? ORDER BY line DESC LIMIT ?")) {
            p.setString(1, dataset.id());
            p.setLong(2, Math.max(0, limit));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(readFetch(r));
                }
            }
        } catch (SQLException e) {
            throw failure("fetch log", dataset, e);
        }
        return out;
    }

    /** Newest first: by supersession time, then by the order the versions were stored. */
    @Override
    public List<Revision> revisions(Dataset dataset, int limit) throws StoreException {
        List<Revision> out = new ArrayList<>();
        try {
            Optional<DatasetTables> tables = store.readable(dataset);
            if (tables.isEmpty()) {
                return out;
            }
            DatasetTables t = tables.get();
            List<Column> columns = dataset.schema().columns();
            try (PreparedStatement p = store.connection().prepareStatement("SELECT " + t.columns("r")
                    + ", r.superseded_at_utc, r.superseded_by_fetch_id FROM " + t.revisions()
                    + " r ORDER BY r.superseded_at_utc DESC, r.line DESC LIMIT ?")) {
                p.setLong(1, Math.max(0, limit));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Row old = readRow(r, columns);
                        out.add(new Revision(old, instant(r, columns.size() + 1), r.getString(columns.size() + 2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("revisions", dataset, e);
        }
        return out;
    }

    private Optional<FetchRecord> newestFetch(Dataset dataset, boolean successfulOnly) throws SQLException {
        try (PreparedStatement p = store.connection().prepareStatement("SELECT " + FETCH_COLUMNS
                + " FROM pmp.fetches WHERE dataset_id = ?" + (successfulOnly ? " AND failure IS NULL" : "")
                + " ORDER BY line DESC LIMIT 1")) {
            p.setString(1, dataset.id());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(readFetch(r)) : Optional.empty();
            }
        }
    }

    /** Binds a half-open window to the two parameters of {@link DatasetTables#gridWithinParameters} at {@code first}. */
    /** The SQL of a key filter on alias {@code t}, its arguments added to {@code arguments} in order. */
    static String filterSql(Dataset dataset, dev.pmp.spi.KeyFilter filter, List<String> arguments) {
        filter.columnIn(dataset);
        return filter.sqlCondition("t." + DatasetTables.quote(filter.column()), arguments);
    }

    private static void bindWindow(PreparedStatement p, int first, Window within) throws SQLException {
        p.setObject(first, Instants.ceiling(within.start()));
        p.setObject(first + 1, Instants.ceiling(within.end()));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return Instants.of(r.getObject(column, OffsetDateTime.class));
    }

    /** Reads the first {@code columns.size()} result columns as a row of the schema's Java types. */
    private static Row readRow(ResultSet r, List<Column> columns) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            int at = i + 1;
            values[i] = switch (columns.get(i).type()) {
                case TIMESTAMP -> instant(r, at);
                case DATE -> r.getObject(at, LocalDate.class);
                case DOUBLE -> {
                    double d = r.getDouble(at);
                    yield r.wasNull() ? null : d;
                }
                case BIGINT -> {
                    long l = r.getLong(at);
                    yield r.wasNull() ? null : l;
                }
                case VARCHAR -> r.getString(at);
                case BOOLEAN -> {
                    boolean b = r.getBoolean(at);
                    yield r.wasNull() ? null : b;
                }
            };
        }
        return Row.of(values);
    }

    private static FetchRecord readFetch(ResultSet r) throws SQLException {
        String failure = r.getString(15);
        return new FetchRecord(
                r.getString(1),
                r.getString(2),
                new Window(instant(r, 3), instant(r, 4)),
                r.getString(5),
                instant(r, 6),
                r.getInt(7),
                r.getLong(8),
                r.getString(9),
                r.getString(10),
                Duration.ofMillis(r.getLong(11)),
                r.getLong(12),
                r.getLong(13),
                r.getLong(14),
                failure == null ? null : Failure.valueOf(failure),
                r.getString(16));
    }

    private StoreException failure(String what, Dataset dataset, Exception e) {
        return new StoreException("cannot read " + what + " of " + dataset.id() + " from " + store.description() + ": "
                + e.getMessage(), e);
    }

    /** Carries a reader's failure out of the scan's transaction, which it rolls back. */
    private static final class ReaderStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReaderStopped(Exception cause) {
            super(cause);
        }
    }
}
