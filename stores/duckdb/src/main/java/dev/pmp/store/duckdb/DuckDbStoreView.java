package dev.pmp.store.duckdb;

import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.NativeExport;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of a {@link DuckDbStore}, on its connection and thread. Every read runs in its own
 * auto-committed transaction, so it sees committed data only. A dataset whose table does not exist
 * reads as empty.
 */
final class DuckDbStoreView implements StoreView {
    private static final String FETCH_COLUMNS = "fetch_id, dataset_id, epoch_us(window_start_utc), "
            + "epoch_us(window_end_utc), url, epoch_us(fetched_at_utc), http_status, bytes, sha256, archive_path, "
            + "duration_ms, rows_inserted, rows_updated, rows_unchanged, failure, message";

    private final DuckDbStore store;

    DuckDbStoreView(DuckDbStore store) {
        this.store = store;
    }

    @Override
    public List<Window> coverage(Dataset dataset, Window within) throws StoreException {
        List<Window> out = new ArrayList<>();
        try (PreparedStatement p = store.connection().prepareStatement("SELECT epoch_us(start_utc), epoch_us(end_utc) "
                + "FROM " + store.catalogTable("coverage") + " WHERE dataset_id = ? AND start_utc < make_timestamp(?::BIGINT) "
                + "AND end_utc > make_timestamp(?::BIGINT) ORDER BY start_utc")) {
            p.setString(1, dataset.id());
            p.setLong(2, Instants.ceilingMicros(within.end()));
            p.setLong(3, Instants.truncatedMicros(within.start()));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Window clipped = new Window(Instants.fromMicros(r.getLong(1)), Instants.fromMicros(r.getLong(2)))
                            .intersection(within);
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
            try (PreparedStatement p = store.connection().prepareStatement("SELECT DISTINCT epoch_us(t." + t.grid()
                    + ") AS g FROM " + t.table() + " t WHERE " + t.gridWithinParameters("t") + " ORDER BY g")) {
                DatasetTables.bindWindow(p, 1, within);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(Instants.fromMicros(r.getLong(1)));
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
            try (PreparedStatement p = store.connection().prepareStatement("SELECT " + t.readableColumns("t") + " FROM "
                    + t.table() + " t WHERE " + t.gridWithinParameters("t") + where + " ORDER BY " + t.keyColumns("t"))) {
                DatasetTables.bindWindow(p, 1, within);
                for (int i = 0; i < arguments.size(); i++) {
                    p.setString(3 + i, arguments.get(i));
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Row row = readRow(r, dataset.schema().columns());
                        try {
                            sink.accept(row);
                        } catch (Exception e) {
                            throw new StoreException("scan of " + dataset.id() + " stopped by its reader: "
                                    + e.getMessage(), e);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("rows", dataset, e);
        }
    }

    /** The SQL of a key filter on alias {@code t}, its arguments added to {@code arguments} in order. */
    static String filterSql(Dataset dataset, dev.pmp.spi.KeyFilter filter, List<String> arguments) {
        filter.columnIn(dataset);
        return filter.sqlCondition("t." + DatasetTables.quote(filter.column()), arguments);
    }

    /**
     * DuckDB's fingerprint: the row count and the 128-bit sum of DuckDB's 64-bit {@code hash} of each row's
     * values, after a digest of the schema. Order-free, which is enough: a natural key occurs once.
     */
    @Override
    public Optional<NativeExport> fingerprint(Dataset dataset, Window within) throws StoreException {
        try {
            Optional<DatasetTables> tables = store.readable(dataset);
            if (tables.isEmpty()) {
                return Optional.empty();
            }
            DatasetTables t = tables.get();
            String values = dataset.schema().columns().stream().map(c -> "t." + DatasetTables.quote(c.name()))
                    .collect(java.util.stream.Collectors.joining(", "));
            try (PreparedStatement p = store.connection().prepareStatement("SELECT count(*), epoch_us(min(t." + t.grid()
                    + ")), epoch_us(max(t." + t.grid() + ")), CAST(sum(hash(" + values + ")::HUGEINT) AS VARCHAR) FROM "
                    + t.table() + " t WHERE " + t.gridWithinParameters("t"))) {
                DatasetTables.bindWindow(p, 1, within);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    long rows = r.getLong(1);
                    if (rows == 0) {
                        return Optional.empty();
                    }
                    return Optional.of(new NativeExport(rows, Instants.fromMicros(r.getLong(2)),
                            Instants.fromMicros(r.getLong(3)), "duckdb-hash-sum:" + schemaDigest(dataset) + ":" + rows + ":"
                            + r.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw failure("fingerprint", dataset, e);
        }
    }

    @Override
    public Optional<NativeExport> exportParquet(Dataset dataset, Window within, java.nio.file.Path target)
            throws StoreException {
        Optional<NativeExport> print = fingerprint(dataset, within);
        if (print.isEmpty()) {
            return print;
        }
        try {
            DatasetTables t = store.readable(dataset).orElseThrow();
            String columns = dataset.schema().columns().stream().map(c -> "t." + DatasetTables.quote(c.name()))
                    .collect(java.util.stream.Collectors.joining(", "));
            String file = target.toAbsolutePath().toString().replace("'", "''");
            // COPY takes no parameters: the window is written as epoch microseconds, which are only digits.
            String where = "t." + t.grid() + " >= make_timestamp(" + Instants.ceilingMicros(within.start())
                    + "::BIGINT) AND t." + t.grid() + " < make_timestamp(" + Instants.ceilingMicros(within.end()) + "::BIGINT)";
            try (Statement s = store.connection().createStatement()) {
                s.execute("COPY (SELECT " + columns + " FROM " + t.table() + " t WHERE " + where + " ORDER BY "
                        + t.keyColumns("t") + ") TO '" + file + "' (FORMAT parquet, COMPRESSION zstd)");
            }
            return print;
        } catch (SQLException e) {
            throw failure("Parquet export", dataset, e);
        }
    }

    private static String schemaDigest(Dataset dataset) {
        StringBuilder sb = new StringBuilder();
        for (dev.pmp.spi.Column c : dataset.schema().columns()) {
            sb.append(c.name()).append(' ').append(c.type()).append(';');
        }
        return Integer.toHexString(sb.toString().hashCode());
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
                        ResultSet r = s.executeQuery("SELECT count(*), epoch_us(min(" + t.grid() + ")), epoch_us(max("
                                + t.grid() + ")) FROM " + t.table())) {
                    r.next();
                    rows = r.getLong(1);
                    if (rows > 0) {
                        first = Optional.of(Instants.fromMicros(r.getLong(2)));
                        last = Optional.of(Instants.fromMicros(r.getLong(3)));
                    }
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
                + " FROM " + store.catalogTable("fetches") + " WHERE dataset_id = ? ORDER BY line DESC LIMIT ?")) {
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
            try (PreparedStatement p = store.connection().prepareStatement("SELECT " + t.readableColumns("r")
                    + ", epoch_us(r.superseded_at_utc), r.superseded_by_fetch_id FROM " + t.revisions()
                    + " r ORDER BY r.superseded_at_utc DESC, r.rowid DESC LIMIT ?")) {
                p.setLong(1, Math.max(0, limit));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Row old = readRow(r, columns);
                        out.add(new Revision(old, Instants.fromMicros(r.getLong(columns.size() + 1)),
                                r.getString(columns.size() + 2)));
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
                + " FROM " + store.catalogTable("fetches") + " WHERE dataset_id = ?" + (successfulOnly ? " AND failure IS NULL" : "")
                + " ORDER BY line DESC LIMIT 1")) {
            p.setString(1, dataset.id());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(readFetch(r)) : Optional.empty();
            }
        }
    }

    /** Reads the first {@code columns.size()} result columns as a row; timestamps come as epoch microseconds. */
    private static Row readRow(ResultSet r, List<Column> columns) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            int at = i + 1;
            Object value = switch (columns.get(i).type()) {
                case TIMESTAMP -> {
                    long micros = r.getLong(at);
                    yield r.wasNull() ? null : Instants.fromMicros(micros);
                }
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
            values[i] = value;
        }
        return Row.of(values);
    }

    private static FetchRecord readFetch(ResultSet r) throws SQLException {
        String failure = r.getString(15);
        return new FetchRecord(
                r.getString(1),
                r.getString(2),
                new Window(Instants.fromMicros(r.getLong(3)), Instants.fromMicros(r.getLong(4))),
                r.getString(5),
                Instants.fromMicros(r.getLong(6)),
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
}
