package dev.pmp.store.postgres;

import dev.pmp.spi.Column;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL names and statements of one dataset: its table {@code <source>.<name>}, its revision table
 * {@code <source>.<name>__revisions} and its session-local staging table. Every identifier is quoted,
 * so column names that are SQL keywords are safe.
 *
 * @param dataset the dataset
 * @param table quoted name of the current-rows table
 * @param revisions quoted name of the superseded-versions table
 * @param stage quoted name of the staging table in {@code pg_temp}
 */
record DatasetTables(Dataset dataset, String table, String revisions, String stage) {

    /** How much time one TimescaleDB chunk holds. */
    static final String CHUNK_INTERVAL = "7 days";

    /** Chunks whose data is older than this are compressed by the TimescaleDB policy. */
    static final String COMPRESS_AFTER = "30 days";

    /**
     * Text columns compare byte by byte (UTF-8, i.e. code point order), whatever the database's locale:
     * natural-key order is then the same as DuckDB's, and independent of the server's collation library.
     */
    static final String BYTE_ORDER = " COLLATE \"C\"";

    /** PostgreSQL silently truncates longer identifiers (NAMEDATALEN - 1 bytes). */
    private static final int MAX_IDENTIFIER_BYTES = 63;

    /**
     * The tables of {@code dataset}, with {@code stageNumber} naming its staging table.
     *
     * @throws IllegalArgumentException when a table name would be longer than PostgreSQL keeps
     */
    static DatasetTables of(Dataset dataset, int stageNumber) {
        String revisionName = dataset.name() + "__revisions";
        String longest = revisionIndex(dataset);
        if (longest.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new IllegalArgumentException("dataset name " + dataset.name() + " is too long for PostgreSQL: "
                    + longest + " exceeds " + MAX_IDENTIFIER_BYTES + " bytes");
        }
        String schema = quote(dataset.source());
        return new DatasetTables(dataset, schema + "." + quote(dataset.name()), schema + "." + quote(revisionName),
                "pg_temp." + quote("stage_" + stageNumber));
    }

    /** The name of the revision table's newest-first index, the longest name a dataset gets. */
    private static String revisionIndex(Dataset dataset) {
        return dataset.name() + "__revisions_newest";
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The PostgreSQL type of a column type, as {@code information_schema.columns.data_type} names it. */
    static String sqlType(ColumnType type) {
        return switch (type) {
            case TIMESTAMP -> "timestamp with time zone";
            case DATE -> "date";
            case DOUBLE -> "double precision";
            case BIGINT -> "bigint";
            case VARCHAR -> "text";
            case BOOLEAN -> "boolean";
        };
    }

    Schema schema() {
        return dataset.schema();
    }

    String grid() {
        return quote(dataset.timeShape().gridColumn());
    }

    /**
     * The statements that create the dataset's schema and tables, run in one transaction by
     * {@code prepare} when the table does not exist yet. With {@code hypertable} (TimescaleDB is
     * available on the server) they also create the extension when missing, turn the table into a
     * hypertable on its grid column in chunks of {@value #CHUNK_INTERVAL}, and add a compression
     * policy for chunks older than {@value #COMPRESS_AFTER}, segmented by the non-time key columns.
     * The revision table stays a plain table: it is small and read newest first.
     */
    List<String> createStatements(boolean hypertable) {
        List<String> out = new ArrayList<>();
        if (hypertable) {
            out.add("CREATE EXTENSION IF NOT EXISTS timescaledb");
        }
        out.add("CREATE SCHEMA IF NOT EXISTS " + quote(dataset.source()));
        out.add("CREATE TABLE IF NOT EXISTS " + table + " (" + columnDefinitions(true)
                + ", ingested_at_utc timestamptz NOT NULL, fetch_id text NOT NULL, PRIMARY KEY (" + keyColumns(null) + "))");
        out.add("CREATE TABLE IF NOT EXISTS " + revisions + " (" + columnDefinitions(true)
                + ", ingested_at_utc timestamptz NOT NULL, fetch_id text NOT NULL"
                + ", superseded_at_utc timestamptz NOT NULL, superseded_by_fetch_id text NOT NULL"
                + ", line bigint GENERATED ALWAYS AS IDENTITY)");
        out.add("CREATE INDEX IF NOT EXISTS " + quote(revisionIndex(dataset)) + " ON " + revisions
                + " (superseded_at_utc DESC, line DESC)");
        if (hypertable) {
            out.add("SELECT create_hypertable(" + literal(table) + ", " + literal(dataset.timeShape().gridColumn())
                    + ", chunk_time_interval => INTERVAL " + literal(CHUNK_INTERVAL) + ", if_not_exists => TRUE)");
            List<String> segments = schema().naturalKey().stream()
                    .filter(k -> !dataset.timeShape().timeColumns().contains(k))
                    .map(DatasetTables::quote)
                    .toList();
            out.add("ALTER TABLE " + table + " SET (timescaledb.compress, timescaledb.compress_orderby = "
                    + literal(grid()) + (segments.isEmpty() ? "" : ", timescaledb.compress_segmentby = "
                    + literal(String.join(", ", segments))) + ")");
            out.add("SELECT add_compression_policy(" + literal(table) + ", INTERVAL " + literal(COMPRESS_AFTER)
                    + ", if_not_exists => TRUE)");
        }
        return out;
    }

    /** The staging table: the schema's columns without constraints; rows are checked in Java first. */
    String createStage() {
        return "CREATE TEMP TABLE IF NOT EXISTS " + stage.substring("pg_temp.".length()) + " ("
                + columnDefinitions(false) + ")";
    }

    /** The binary {@code COPY} that fills the staging table. */
    String copyIntoStage() {
        return "COPY " + stage + " (" + columns(null) + ") FROM STDIN (FORMAT binary)";
    }

    /** The binary {@code COPY} straight into the current-rows table, ingestion time and fetch id included. */
    String copyIntoTable() {
        return "COPY " + table + " (" + columns(null) + ", ingested_at_utc, fetch_id) FROM STDIN (FORMAT binary)";
    }

    /** Names and types the current-rows table must have, in order. */
    List<String> expectedColumns() {
        List<String> out = new ArrayList<>();
        for (Column c : schema().columns()) {
            out.add(c.name() + " " + sqlType(c.type()));
        }
        out.add("ingested_at_utc " + sqlType(ColumnType.TIMESTAMP));
        out.add("fetch_id " + sqlType(ColumnType.VARCHAR));
        return out;
    }

    /** The schema's columns, qualified by {@code alias} unless it is null, comma separated. */
    String columns(String alias) {
        return schema().columns().stream().map(c -> qualified(alias, c.name())).collect(Collectors.joining(", "));
    }

    /** The natural-key columns, qualified by {@code alias} unless it is null, comma separated. */
    String keyColumns(String alias) {
        return schema().naturalKey().stream().map(k -> qualified(alias, k)).collect(Collectors.joining(", "));
    }

    /** Join condition on the natural key. */
    String sameKey(String a, String b) {
        return schema().naturalKey().stream()
                .map(k -> qualified(a, k) + " = " + qualified(b, k))
                .collect(Collectors.joining(" AND "));
    }

    /** True when any value column differs, nulls included; {@code FALSE} for a schema of key columns only. */
    String valuesDiffer(String a, String b) {
        List<Column> values = schema().valueColumns();
        if (values.isEmpty()) {
            return "FALSE";
        }
        return values.stream()
                .map(c -> qualified(a, c.name()) + " IS DISTINCT FROM " + qualified(b, c.name()))
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    /**
     * Copies the stored versions of rows the staging table changes into the revision table. Parameters:
     * superseded-at, superseding fetch id, smallest and largest staged grid time (which lets the planner,
     * and TimescaleDB's chunk exclusion, skip the rest of the table).
     */
    String keepSupersededVersions() {
        return "INSERT INTO " + revisions + " (" + columns(null) + ", ingested_at_utc, fetch_id, superseded_at_utc, "
                + "superseded_by_fetch_id) SELECT " + columns("t") + ", t.ingested_at_utc, t.fetch_id, ?, ? FROM "
                + table + " t JOIN " + stage + " s ON " + sameKey("t", "s") + " WHERE t." + grid() + " BETWEEN ? AND ? AND "
                + valuesDiffer("t", "s");
    }

    /**
     * Inserts new staged rows and updates changed ones, leaving unchanged rows (and their ingestion time
     * and fetch id) alone; answers one row: inserted count, updated count. Parameters: ingested-at, fetch id.
     * A row inserted by the statement has {@code xmax = 0}; one updated by {@code ON CONFLICT} carries the
     * updating transaction.
     */
    String upsert() {
        String onConflict = schema().valueColumns().isEmpty()
                ? "DO NOTHING"
                : "DO UPDATE SET " + schema().valueColumns().stream()
                        .map(c -> quote(c.name()) + " = EXCLUDED." + quote(c.name()))
                        .collect(Collectors.joining(", "))
                        + ", ingested_at_utc = EXCLUDED.ingested_at_utc, fetch_id = EXCLUDED.fetch_id WHERE "
                        + valuesDiffer("t", "EXCLUDED");
        return "WITH written AS (INSERT INTO " + table + " AS t (" + columns(null) + ", ingested_at_utc, fetch_id) SELECT "
                + columns("s") + ", ?, ? FROM " + stage + " s ON CONFLICT (" + keyColumns(null) + ") " + onConflict
                + " RETURNING (t.xmax = 0) AS inserted) "
                + "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written";
    }

    /** Grid column of {@code alias} inside a half-open window given as two {@code timestamptz} parameters. */
    String gridWithinParameters(String alias) {
        return qualified(alias, dataset.timeShape().gridColumn()) + " >= ? AND "
                + qualified(alias, dataset.timeShape().gridColumn()) + " < ?";
    }

    private static String qualified(String alias, String column) {
        return alias == null ? quote(column) : alias + "." + quote(column);
    }

    private String columnDefinitions(boolean constrained) {
        return schema().columns().stream()
                .map(c -> quote(c.name()) + " " + sqlType(c.type()) + (c.type() == ColumnType.VARCHAR ? BYTE_ORDER : "")
                        + (constrained && !c.nullable() ? " NOT NULL" : ""))
                .collect(Collectors.joining(", "));
    }
}
