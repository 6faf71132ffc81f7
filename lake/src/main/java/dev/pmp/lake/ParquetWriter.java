package dev.pmp.lake;

import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Row;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows of one dataset collected in an in-memory DuckDB table and copied to a Parquet file (zstd),
 * whatever store they come from. Times are written as UTC {@code TIMESTAMP}s at microsecond precision.
 * Used by one thread; close it to free the in-memory database.
 */
public final class ParquetWriter implements AutoCloseable {
    private final Dataset dataset;
    private final Connection connection;
    private final DuckDBAppender appender;
    private long rows;

    private ParquetWriter(Dataset dataset, Connection connection, DuckDBAppender appender) {
        this.dataset = dataset;
        this.connection = connection;
        this.appender = appender;
    }

    /** A writer with an empty table shaped like {@code dataset}'s schema. */
    public static ParquetWriter open(Dataset dataset) throws SQLException {
        List<Column> cols = dataset.schema().columns();
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try {
            StringBuilder ddl = new StringBuilder("CREATE TABLE export (");
            for (int i = 0; i < cols.size(); i++) {
                ddl.append(i > 0 ? ", " : "").append(quote(cols.get(i).name())).append(' ').append(sqlType(cols.get(i)));
            }
            try (Statement s = c.createStatement()) {
                s.execute(ddl.append(')').toString());
            }
            return new ParquetWriter(dataset, c, ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "export"));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Writes the rows of {@code dataset} inside {@code window} to {@code target}, replacing it.
     *
     * @return the number of rows written
     */
    public static long write(Dataset dataset, StoreView view, Window window, Path target) throws Exception {
        try (ParquetWriter w = open(dataset)) {
            view.scan(dataset, window, w::append);
            w.copyTo(target);
            return w.rows();
        }
    }

    /** Adds one row, values in schema order. */
    public void append(Row row) throws SQLException {
        appender.beginRow();
        for (int i = 0; i < row.width(); i++) {
            Object v = row.get(i);
            if (v == null) {
                appender.appendNull();
            } else if (v instanceof Instant t) {
                appender.appendEpochMicros(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
            } else if (v instanceof Double x) {
                appender.append(x.doubleValue());
            } else if (v instanceof Long x) {
                appender.append(x.longValue());
            } else if (v instanceof Boolean x) {
                appender.append(x.booleanValue());
            } else if (v instanceof LocalDate x) {
                appender.append(x);
            } else {
                appender.append(v.toString());
            }
        }
        appender.endRow();
        rows++;
    }

    /** Rows appended so far. */
    public long rows() {
        return rows;
    }

    /** Writes every appended row to {@code target} as Parquet (zstd), replacing the file. */
    public void copyTo(Path target) throws SQLException {
        appender.flush();
        try (Statement s = connection.createStatement()) {
            String file = target.toAbsolutePath().toString().replace("'", "''");
            s.execute("COPY export TO '" + file + "' (FORMAT parquet, COMPRESSION zstd)");
        }
    }

    /** The dataset whose rows this writer holds. */
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public void close() throws SQLException {
        try {
            appender.close();
        } finally {
            connection.close();
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String sqlType(Column c) {
        return switch (c.type()) {
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case DOUBLE -> "DOUBLE";
            case BIGINT -> "BIGINT";
            case VARCHAR -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
        };
    }
}
