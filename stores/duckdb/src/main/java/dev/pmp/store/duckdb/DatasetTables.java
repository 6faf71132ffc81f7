package dev.pmp.store.duckdb;

import dev.pmp.spi.Column;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import dev.pmp.spi.Window;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL names and statement fragments of one dataset: its table {@code <source>.<name>}, its revision
 * table {@code <source>.<name>__revisions} and its connection-local staging table. Every identifier is
 * quoted, so column names that are SQL keywords are safe.
 *
 * @param dataset the dataset
 * @param table quoted name of the current-rows table
 * @param revisions quoted name of the superseded-versions table
 * @param stageName unquoted name of the staging table in the {@code temp} catalog
 */
record DatasetTables(Dataset dataset, String table, String revisions, String stageName) {

    /**
     * The tables of {@code dataset} in the database {@code catalog}. Names are fully qualified because a
     * database named like a schema (file {@code pmp.duckdb}, schema {@code pmp}) makes two-part names
     * ambiguous.
     */
    static DatasetTables of(Dataset dataset, String catalog) {
        String schema = quote(catalog) + "." + quote(dataset.source());
        return new DatasetTables(dataset,
                schema + "." + quote(dataset.name()),
                schema + "." + quote(dataset.name() + "__revisions"),
                "stage__" + dataset.source() + "__" + dataset.name());
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The DuckDB type of a column type. */
    static String sqlType(ColumnType type) {
        return switch (type) {
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case DOUBLE -> "DOUBLE";
            case BIGINT -> "BIGINT";
            case VARCHAR -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    Schema schema() {
        return dataset.schema();
    }

    String stage() {
        return "temp.main." + quote(stageName);
    }

    String grid() {
        return quote(dataset.timeShape().gridColumn());
    }

    String createSchema() {
        return "CREATE SCHEMA IF NOT EXISTS " + table.substring(0, table.lastIndexOf('.'));
    }

    String createTable() {
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + columnDefinitions(true)
                + ", ingested_at_utc TIMESTAMP NOT NULL, fetch_id VARCHAR NOT NULL)";
    }

    String createRevisions() {
        return "CREATE TABLE IF NOT EXISTS " + revisions + " (" + columnDefinitions(true)
                + ", ingested_at_utc TIMESTAMP NOT NULL, fetch_id VARCHAR NOT NULL"
                + ", superseded_at_utc TIMESTAMP NOT NULL, superseded_by_fetch_id VARCHAR NOT NULL)";
    }

    /** The staging table has no constraints: rows are checked in Java before they are staged. */
    String createStage() {
        return "CREATE TEMP TABLE IF NOT EXISTS " + quote(stageName) + " (" + columnDefinitions(false) + ")";
    }

    /** Names and DuckDB types the current-rows table must have, in order. */
    List<String> expectedColumns() {
        List<String> out = new ArrayList<>();
        for (Column c : schema().columns()) {
            out.add(c.name() + " " + sqlType(c.type()));
        }
        out.add("ingested_at_utc TIMESTAMP");
        out.add("fetch_id VARCHAR");
        return out;
    }

    /** The schema's columns of {@code alias}, comma separated, as stored. */
    String columns(String alias) {
        return schema().columns().stream().map(c -> alias + "." + quote(c.name())).collect(Collectors.joining(", "));
    }

    /** The schema's columns of {@code alias} as read: timestamps as microseconds since the epoch. */
    String readableColumns(String alias) {
        return schema().columns().stream()
                .map(c -> c.type() == ColumnType.TIMESTAMP
                        ? "epoch_us(" + alias + "." + quote(c.name()) + ")"
                        : alias + "." + quote(c.name()))
                .collect(Collectors.joining(", "));
    }

    /** The natural-key columns of {@code alias}, comma separated. */
    String keyColumns(String alias) {
        return schema().naturalKey().stream().map(k -> alias + "." + quote(k)).collect(Collectors.joining(", "));
    }

    /** Join condition on the natural key. */
    String sameKey(String a, String b) {
        return schema().naturalKey().stream()
                .map(k -> a + "." + quote(k) + " = " + b + "." + quote(k))
                .collect(Collectors.joining(" AND "));
    }

    /** True when any value column differs, nulls included; {@code FALSE} for a schema of key columns only. */
    String valuesDiffer(String a, String b) {
        List<Column> values = schema().valueColumns();
        if (values.isEmpty()) {
            return "FALSE";
        }
        return values.stream()
                .map(c -> a + "." + quote(c.name()) + " IS DISTINCT FROM " + b + "." + quote(c.name()))
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** {@code SET} list copying every value column from {@code from}. */
    String assignValues(String from) {
        return schema().valueColumns().stream()
                .map(c -> quote(c.name()) + " = " + from + "." + quote(c.name()))
                .collect(Collectors.joining(", "));
    }

    /**
     * Grid column of {@code alias} between two parameters, epoch microseconds, both inclusive. DuckDB
     * pushes the range into the table scan and skips row groups by their zone maps.
     */
    String gridBetweenParameters(String alias) {
        return alias + "." + grid() + " BETWEEN make_timestamp(?::BIGINT) AND make_timestamp(?::BIGINT)";
    }

    /**
     * Grid column of {@code alias} inside a half-open window given as two parameters, epoch
     * microseconds; bind them with {@link #bindWindow}.
     */
    String gridWithinParameters(String alias) {
        return alias + "." + grid() + " >= make_timestamp(?::BIGINT) AND " + alias + "." + grid()
                + " < make_timestamp(?::BIGINT)";
    }

    /**
     * Binds a window to the parameters of {@link #gridWithinParameters} at {@code first}. Both ends are
     * rounded up to the microsecond: for a stored (whole-microsecond) {@code t}, {@code t >= i} exactly
     * when {@code t >= ceil(i)}.
     */
    static void bindWindow(PreparedStatement p, int first, Window within) throws SQLException {
        p.setLong(first, Instants.ceilingMicros(within.start()));
        p.setLong(first + 1, Instants.ceilingMicros(within.end()));
    }

    private String columnDefinitions(boolean constrained) {
        return schema().columns().stream()
                .map(c -> quote(c.name()) + " " + sqlType(c.type())
                        + (constrained && !c.nullable() ? " NOT NULL" : ""))
                .collect(Collectors.joining(", "));
    }
}
