package dev.pmp.app;

import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes rows to a Parquet file (zstd) through an in-memory DuckDB, whatever store they come from.
 * Times are written as UTC timestamps.
 */
final class ParquetExport {
    private ParquetExport() {
    }

    static long write(Dataset d, StoreView view, Window window, Path target) throws Exception {
        List<Column> cols = d.schema().columns();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE export (");
            for (int i = 0; i < cols.size(); i++) {
                ddl.append(i > 0 ? ", " : "").append('"').append(cols.get(i).name()).append("\" ").append(sqlType(cols.get(i)));
            }
            try (Statement s = c.createStatement()) {
                s.execute(ddl.append(')').toString());
            }
            long[] count = {0};
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "export")) {
                view.scan(d, window, row -> {
                    a.beginRow();
                    for (int i = 0; i < cols.size(); i++) {
                        Object v = row.get(i);
                        if (v == null) {
                            a.appendNull();
                        } else if (v instanceof Instant t) {
                            a.appendEpochMicros(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
                        } else if (v instanceof Double x) {
                            a.append(x.doubleValue());
                        } else if (v instanceof Long x) {
                            a.append(x.longValue());
                        } else if (v instanceof Boolean x) {
                            a.append(x.booleanValue());
                        } else if (v instanceof LocalDate x) {
                            a.append(x);
                        } else {
                            a.append(v.toString());
                        }
                    }
                    a.endRow();
                    count[0]++;
                });
            }
            try (Statement s = c.createStatement()) {
                String file = target.toAbsolutePath().toString().replace("'", "''");
                s.execute("COPY export TO '" + file + "' (FORMAT parquet, COMPRESSION zstd)");
            }
            return count[0];
        }
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
