package dev.pmp.store.duckdb;

import dev.pmp.spi.Batch;
import dev.pmp.spi.Column;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Event;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.NaturalKeys;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A {@link Store} in one embedded DuckDB database, reached through one JDBC connection held for the
 * store's life. Layout: schema {@code <source>} with table {@code <name>} (the dataset's columns, then
 * {@code ingested_at_utc} and {@code fetch_id}; primary key = natural key) and {@code <name>__revisions}
 * (superseded versions); schema {@code pmp} with {@code fetches}, {@code coverage} (one row per
 * contiguous covered stretch) and {@code schema_version}.
 *
 * <p>Instants are DuckDB {@code TIMESTAMP}s holding UTC at microsecond precision. A row instant finer
 * than a microsecond is rejected (it would not read back equal); fetch-log and ingestion instants are
 * truncated to the microsecond, fetch durations to the millisecond.
 *
 * <p>Not thread-safe: one thread at a time, like every {@link Store}. DuckDB lets one process write a
 * database file; the caller holds the process lock.
 */
public final class DuckDbStore implements Store {

    /** The layout version this build writes and reads; a file with another version is refused. */
    static final int SCHEMA_VERSION = 1;

    /**
     * Seconds from the epoch inside which an instant's microseconds certainly fit a {@code long}; the
     * quick check sends instants beyond it to {@link #instantProblem}, which decides exactly.
     */
    private static final long MAX_MICROS_SECONDS = Long.MAX_VALUE / 1_000_000L - 1;

    private final DuckDBConnection connection;
    private final String description;
    private final String catalog;
    private final String fetches;
    private final String coverage;
    private final Map<String, DatasetTables> prepared = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final DuckDbStoreView view;

    private DuckDbStore(DuckDBConnection connection, String description, String catalog) {
        this.connection = connection;
        this.description = description;
        this.catalog = catalog;
        this.fetches = catalogTable("fetches");
        this.coverage = catalogTable("coverage");
        this.view = new DuckDbStoreView(this);
    }

    /** DuckDB worker threads per query unless told otherwise. */
    public static final int DEFAULT_THREADS = 1;

    /**
     * Opens (creating when missing) the database file, and its parent directories, with
     * {@value #DEFAULT_THREADS} worker thread per query.
     *
     * @throws StoreException when the file cannot be opened (held by another process, not a DuckDB file)
     *     or holds another layout version
     */
    public static DuckDbStore open(Path file) throws StoreException {
        return open(file, DEFAULT_THREADS);
    }

    /**
     * Opens (or creates) a store file using {@code threads} DuckDB worker threads per query.
     *
     * @param threads at least 1; pmp's statements are small and bounded by grid-time ranges, where DuckDB's
     *     per-query thread coordination costs more than parallelism gains ({@value #DEFAULT_THREADS} by
     *     default: a daemon tick measured 2.6 ms faster than with DuckDB's one-thread-per-core default)
     */
    public static DuckDbStore open(Path file, int threads) throws StoreException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the directory of store " + absolute + ": " + e.getMessage(), e);
        }
        DuckDbStore store = connect("jdbc:duckdb:" + absolute, absolute.toString());
        try (Statement s = store.connection.createStatement()) {
            s.execute("SET threads = " + threads);
        } catch (SQLException e) {
            store.close();
            throw new StoreException("cannot set " + threads + " threads on " + absolute + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** A new empty store in memory, gone when closed; for tests. */
    public static DuckDbStore inMemory() throws StoreException {
        return connect("jdbc:duckdb:", "in-memory store");
    }

    private static DuckDbStore connect(String url, String description) throws StoreException {
        DuckDBConnection connection;
        try {
            connection = DriverManager.getConnection(url).unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + description + ": " + e.getMessage(), e);
        }
        DuckDbStore store;
        try {
            store = new DuckDbStore(connection, description, currentDatabase(connection));
            store.initialize();
            store.ensureOutbox();
        } catch (SQLException e) {
            closeAfter(connection, e);
            throw new StoreException("cannot read the database name of " + description + ": " + e.getMessage(), e);
        } catch (StoreException | RuntimeException e) {
            closeAfter(connection, e);
            throw e;
        }
        return store;
    }

    /** Closes the connection of a store that failed to open, keeping any close error with the failure. */
    private static void closeAfter(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT current_database()")) {
            r.next();
            return r.getString(1);
        }
    }

    /** The quoted, fully qualified name of a table in schema {@code pmp}. */
    String catalogTable(String name) {
        return DatasetTables.quote(catalog) + ".pmp." + DatasetTables.quote(name);
    }

    /** Creates the event outbox when missing (it joined layout version 1 later, as an addition). */
    private void ensureOutbox() throws StoreException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SEQUENCE IF NOT EXISTS " + catalogTable("outbox_seq"));
            s.execute("CREATE TABLE IF NOT EXISTS " + catalogTable("outbox") + " ("
                    + "seq BIGINT NOT NULL DEFAULT nextval('" + catalogTable("outbox_seq").replace("'", "''") + "') PRIMARY KEY, "
                    + "type VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, at_utc TIMESTAMP NOT NULL, payload VARCHAR NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS " + catalogTable("leases") + " ("
                    + "name VARCHAR PRIMARY KEY, holder VARCHAR NOT NULL, expires_at_utc TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            throw new StoreException("cannot set up the event outbox of " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean acquireLease(String name, String holder, java.time.Duration period) throws StoreException {
        long now = Instants.truncatedMicros(Instant.now());
        long until = now + period.toNanos() / 1000;
        try {
            return inTransaction(() -> {
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + catalogTable("leases")
                        + " VALUES (?, ?, make_timestamp(?::BIGINT)) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
                        + " expires_at_utc = excluded.expires_at_utc WHERE " + catalogTable("leases") + ".holder = excluded.holder"
                        + " OR " + catalogTable("leases") + ".expires_at_utc < make_timestamp(?::BIGINT)")) {
                    p.setString(1, name);
                    p.setString(2, holder);
                    p.setLong(3, until);
                    p.setLong(4, now);
                    p.executeUpdate();
                }
                return holder.equals(leaseHolderAt(name, now).orElse(null));
            });
        } catch (SQLException e) {
            throw new StoreException("cannot take the lease " + name + " in " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void releaseLeases(String holder) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + catalogTable("leases") + " WHERE holder = ?")) {
            p.setString(1, holder);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot release the leases of " + holder + " in " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> leaseHolder(String name) throws StoreException {
        try {
            return leaseHolderAt(name, Instants.truncatedMicros(Instant.now()));
        } catch (SQLException e) {
            throw new StoreException("cannot read the lease " + name + " in " + description + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> leaseHolderAt(String name, long nowMicros) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT holder FROM " + catalogTable("leases")
                + " WHERE name = ? AND expires_at_utc >= make_timestamp(?::BIGINT)")) {
            p.setString(1, name);
            p.setLong(2, nowMicros);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public void appendEvents(List<Event> events) throws StoreException {
        if (events.isEmpty()) {
            return;
        }
        try {
            inTransaction(() -> {
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + catalogTable("outbox")
                        + " (type, dataset_id, at_utc, payload) VALUES (?, ?, make_timestamp(?::BIGINT), ?)")) {
                    for (Event e : events) {
                        p.setString(1, e.type());
                        p.setString(2, e.datasetId());
                        p.setLong(3, Instants.truncatedMicros(e.at()));
                        p.setString(4, e.payload());
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot append events to " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Event> pendingEvents(int limit) throws StoreException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT seq, type, dataset_id, epoch_us(at_utc), payload FROM "
                + catalogTable("outbox") + " ORDER BY seq LIMIT ?")) {
            p.setInt(1, limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Event(r.getLong(1), r.getString(2), r.getString(3), Instants.fromMicros(r.getLong(4)), r.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the event outbox of " + description + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void markDelivered(long seq) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + catalogTable("outbox") + " WHERE seq <= ?")) {
            p.setLong(1, seq);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot mark events delivered in " + description + ": " + e.getMessage(), e);
        }
    }

    /** Creates the catalog tables of a new database, or checks the layout version of an existing one. */
    private void initialize() throws StoreException {
        try {
            if (!tableExists("pmp", "schema_version")) {
                inTransaction(() -> {
                    try (Statement s = connection.createStatement()) {
                        s.execute("CREATE SCHEMA IF NOT EXISTS " + DatasetTables.quote(catalog) + ".pmp");
                        s.execute("CREATE SEQUENCE IF NOT EXISTS " + catalogTable("fetch_line"));
                        s.execute("CREATE TABLE IF NOT EXISTS " + fetches + " ("
                                + "line BIGINT NOT NULL DEFAULT nextval('" + catalogTable("fetch_line").replace("'", "''")
                                + "'), "
                                + "fetch_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, "
                                + "window_start_utc TIMESTAMP NOT NULL, window_end_utc TIMESTAMP NOT NULL, "
                                + "url VARCHAR NOT NULL, fetched_at_utc TIMESTAMP NOT NULL, "
                                + "http_status INTEGER NOT NULL, bytes BIGINT NOT NULL, sha256 VARCHAR, "
                                + "archive_path VARCHAR, duration_ms BIGINT NOT NULL, "
                                + "rows_inserted BIGINT NOT NULL, rows_updated BIGINT NOT NULL, "
                                + "rows_unchanged BIGINT NOT NULL, failure VARCHAR, message VARCHAR NOT NULL)");
                        s.execute("CREATE TABLE IF NOT EXISTS " + coverage + " ("
                                + "dataset_id VARCHAR NOT NULL, start_utc TIMESTAMP NOT NULL, end_utc TIMESTAMP NOT NULL)");
                        s.execute("CREATE TABLE " + catalogTable("schema_version") + " (version INTEGER NOT NULL)");
                        s.execute("INSERT INTO " + catalogTable("schema_version") + " VALUES (" + SCHEMA_VERSION + ")");
                    }
                    return null;
                });
                return;
            }
            List<Integer> versions = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("SELECT version FROM " + catalogTable("schema_version"))) {
                while (r.next()) {
                    versions.add(r.getInt(1));
                }
            }
            if (!versions.equals(List.of(SCHEMA_VERSION))) {
                throw new StoreException(description + " has layout version " + versions
                        + " in pmp.schema_version; this build reads version " + SCHEMA_VERSION);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot set up " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the dataset's schema, table, revision table and staging table when missing, and checks
     * that an existing table has the dataset's columns.
     *
     * @throws StoreException when an existing table's columns differ from the dataset's schema
     */
    @Override
    public void prepare(Dataset dataset) throws StoreException {
        DatasetTables known = prepared.get(dataset.id());
        if (known != null && known.dataset().equals(dataset)) {
            // Already created and checked by this store: passes call prepare every time, so it must be free.
            return;
        }
        DatasetTables tables = DatasetTables.of(dataset, catalog);
        try {
            inTransaction(() -> {
                try (Statement s = connection.createStatement()) {
                    s.execute(tables.createSchema());
                    s.execute(tables.createTable());
                    s.execute(tables.createRevisions());
                }
                return null;
            });
            checkColumns(tables);
            try (Statement s = connection.createStatement()) {
                s.execute(tables.createStage());
            }
        } catch (SQLException e) {
            throw new StoreException("cannot prepare " + dataset.id() + " in " + description + ": " + e.getMessage(), e);
        }
        prepared.put(dataset.id(), tables);
    }

    @Override
    public void refreshStandardViews(List<StandardMapping> mappings) throws StoreException {
        try {
            inTransaction(() -> {
                try (Statement s = connection.createStatement()) {
                    java.util.Set<String> existing = new java.util.HashSet<>();
                    try (ResultSet r = s.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_catalog = '" + catalog.replace("'", "''") + "'")) {
                        while (r.next()) {
                            existing.add(r.getString(1));
                        }
                    }
                    for (StandardTable table : StandardTable.values()) {
                        String body = StandardMapping.viewSql(table, mappings, id -> existing.contains(id),
                                id -> DatasetTables.quote(catalog) + "." + DatasetTables.quote(id.substring(0, id.indexOf('.'))) + "."
                                        + DatasetTables.quote(id.substring(id.indexOf('.') + 1)),
                                DatasetTables::sqlType);
                        s.execute("CREATE OR REPLACE VIEW " + DatasetTables.quote(catalog) + ".main." + DatasetTables.quote(table.tableName())
                                + " AS " + body);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot create the standard views in " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the batch in one transaction: rows are checked, then, when the table holds no row in the
     * batch's grid-time range (a backfill of new time), appended straight into the table with the DuckDB
     * appender (nothing can match); otherwise staged with the appender and compared with the stored rows
     * of the same grid-time range (never the whole table), superseded versions copied to the revision
     * table, changed rows updated and new rows inserted. Then coverage is merged and the fetch line
     * appended. On any failure the transaction is rolled back, appended rows included, and nothing has
     * changed.
     *
     * @throws StoreException when the dataset was not prepared, a row does not fit the schema, two rows
     *     share a natural key, or DuckDB fails
     */
    @Override
    public WriteResult write(Batch batch) throws StoreException {
        Dataset dataset = batch.dataset();
        DatasetTables tables = prepared.get(dataset.id());
        if (tables == null) {
            throw new StoreException(dataset.id() + " was not prepared in " + description);
        }
        long[] gridRange = check(dataset, batch.rows());
        try {
            return inTransaction(() -> {
                WriteResult result;
                if (gridRange == null) {
                    result = WriteResult.NONE;
                } else if (rangeEmpty(tables, gridRange)) {
                    result = appendNew(tables, batch);
                } else {
                    stage(tables, batch.rows());
                    result = upsert(tables, batch, gridRange);
                }
                mergeCoverage(dataset.id(), batch.covered());
                insertFetch(batch.fetch().withCounts(result));
                return result;
            });
        } catch (SQLException | RuntimeException e) {
            forgetStatements(e);
            throw new StoreException("write of " + batch.rows().size() + " rows to " + dataset.id() + " by fetch "
                    + batch.fetch().fetchId() + " rolled back: " + e.getMessage(), e);
        }
    }

    @Override
    public void logFailure(FetchRecord failed) throws StoreException {
        try {
            inTransaction(() -> {
                insertFetch(failed);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            forgetStatements(e);
            throw new StoreException("cannot log fetch " + failed.fetchId() + " of " + failed.datasetId() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public StoreView view() {
        return view;
    }

    /** Checkpoints the write-ahead log into the file and closes the connection. */
    @Override
    public void close() throws StoreException {
        try {
            if (connection.isClosed()) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                for (PreparedStatement p : statements.values()) {
                    p.close();
                }
                statements.clear();
                s.execute("CHECKPOINT");
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DuckDbStore[" + description + "]";
    }

    DuckDBConnection connection() {
        return connection;
    }

    String description() {
        return description;
    }

    /** The tables of a dataset prepared in this process, or existing from an earlier one; empty otherwise. */
    Optional<DatasetTables> readable(Dataset dataset) throws SQLException, StoreException {
        DatasetTables tables = prepared.get(dataset.id());
        if (tables != null) {
            return Optional.of(tables);
        }
        if (!tableExists(dataset.source(), dataset.name())) {
            return Optional.empty();
        }
        tables = DatasetTables.of(dataset, catalog);
        checkColumns(tables);
        return Optional.of(tables);
    }

    private boolean tableExists(String schema, String table) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_catalog = ? AND table_schema = ? AND table_name = ?")) {
            p.setString(1, catalog);
            p.setString(2, schema);
            p.setString(3, table);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    private void checkColumns(DatasetTables tables) throws SQLException, StoreException {
        Dataset dataset = tables.dataset();
        List<String> actual = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT column_name, data_type "
                + "FROM information_schema.columns WHERE table_catalog = ? "
                + "AND table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            p.setString(1, catalog);
            p.setString(2, dataset.source());
            p.setString(3, dataset.name());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    actual.add(r.getString(1) + " " + r.getString(2));
                }
            }
        }
        if (!actual.equals(tables.expectedColumns())) {
            throw new StoreException("table " + tables.table() + " in " + description + " has columns " + actual
                    + " but dataset " + dataset.id() + " needs " + tables.expectedColumns()
                    + "; this store does not migrate tables");
        }
    }

    /**
     * Checks every row against the schema and the natural-key uniqueness of the batch, in row order: the
     * first bad row or repeated key fails the call.
     *
     * @return the smallest and largest grid time in microseconds, or null when there are no rows
     */
    private static long[] check(Dataset dataset, List<Row> rows) throws StoreException {
        Schema schema = dataset.schema();
        int width = schema.width();
        ColumnType[] types = columnTypes(schema);
        boolean[] nullable = new boolean[width];
        for (int c = 0; c < width; c++) {
            nullable[c] = schema.columns().get(c).nullable();
        }
        int[] keyIndexes = schema.naturalKey().stream().mapToInt(schema::indexOf).toArray();
        int grid = schema.indexOf(dataset.timeShape().gridColumn());
        NaturalKeys keys = new NaturalKeys(rows, keyIndexes, grid);
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (!fits(row, types, nullable)) {
                // The quick test may refuse a far-future instant that fits; the exact checks decide and word it.
                String problem = schema.problemWith(row);
                if (problem == null) {
                    problem = instantProblem(schema, row);
                }
                if (problem != null) {
                    throw new StoreException(dataset.id() + ": row " + (i + 1) + " of " + rows.size() + " " + row
                            + " rejected, nothing written: " + problem);
                }
            }
            if (!keys.add(i)) {
                throw new StoreException(dataset.id() + ": two rows for natural key " + schema.naturalKey() + " = "
                        + keys.key(row) + " in one batch, nothing written");
            }
            long micros = Instants.exactMicros(row.instant(grid));
            lo = Math.min(lo, micros);
            hi = Math.max(hi, micros);
        }
        return rows.isEmpty() ? null : new long[] {lo, hi};
    }

    private static ColumnType[] columnTypes(Schema schema) {
        return schema.columns().stream().map(Column::type).toArray(ColumnType[]::new);
    }

    /**
     * Whether {@code row} passes {@link Schema#problemWith} and {@link #instantProblem} (the same rules,
     * answered without building a message): every value of its column's type and class, no null where
     * the column is required, doubles finite, instants whole microseconds inside the microsecond range.
     */
    private static boolean fits(Row row, ColumnType[] types, boolean[] nullable) {
        if (row.width() != types.length) {
            return false;
        }
        for (int c = 0; c < types.length; c++) {
            Object v = row.get(c);
            if (v == null) {
                if (!nullable[c]) {
                    return false;
                }
                continue;
            }
            boolean ok = switch (types[c]) {
                case TIMESTAMP -> v instanceof Instant t && t.getNano() % 1_000 == 0
                        && Math.abs(t.getEpochSecond()) < MAX_MICROS_SECONDS;
                case DATE -> v instanceof LocalDate;
                case DOUBLE -> v instanceof Double d && Double.isFinite(d);
                case BIGINT -> v instanceof Long;
                case VARCHAR -> v instanceof String;
                case BOOLEAN -> v instanceof Boolean;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String instantProblem(Schema schema, Row row) {
        for (int i = 0; i < schema.width(); i++) {
            if (row.get(i) instanceof Instant instant) {
                if (instant.getNano() % 1_000 != 0) {
                    return "column " + schema.columns().get(i).name() + " holds " + instant
                            + ", finer than the microsecond this store keeps";
                }
                try {
                    Instants.exactMicros(instant);
                } catch (ArithmeticException e) {
                    return "column " + schema.columns().get(i).name() + " holds " + instant + ", out of range";
                }
            }
        }
        return null;
    }

    /** Replaces the staging table's content with the rows; the staging table is connection-local scratch space. */
    private void stage(DatasetTables tables, List<Row> rows) throws SQLException {
        statement("DELETE FROM " + tables.stage()).executeUpdate();
        if (rows.isEmpty()) {
            return;
        }
        ColumnType[] types = columnTypes(tables.schema());
        Utf8 utf8 = new Utf8();
        try (DuckDBAppender appender = connection.createAppender("temp", "main", tables.stageName())) {
            for (Row row : rows) {
                appender.beginRow();
                for (int i = 0; i < types.length; i++) {
                    append(appender, types[i], row.get(i), utf8);
                }
                appender.endRow();
            }
            appender.flush();
        }
    }

    /**
     * Appends the batch's rows, with its ingestion time and fetch id, straight into the dataset's table. The
     * appender joins the write's open transaction, so a rollback removes them. Only for a grid-time range the
     * table holds no row in: nothing is compared.
     */
    private WriteResult appendNew(DatasetTables tables, Batch batch) throws SQLException {
        ColumnType[] types = columnTypes(tables.schema());
        long ingestedAt = Instants.truncatedMicros(batch.ingestedAt());
        byte[] fetchId = batch.fetch().fetchId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Utf8 utf8 = new Utf8();
        Dataset dataset = batch.dataset();
        try (DuckDBAppender appender = connection.createAppender(catalog, dataset.source(), dataset.name())) {
            for (Row row : batch.rows()) {
                appender.beginRow();
                for (int i = 0; i < types.length; i++) {
                    append(appender, types[i], row.get(i), utf8);
                }
                appender.appendEpochMicros(ingestedAt);
                appender.append(fetchId);
                appender.endRow();
            }
            appender.flush();
        }
        return new WriteResult(batch.rows().size(), 0, 0);
    }

    /**
     * The UTF-8 bytes of the texts of one write, each encoded once: parsers hand over one instance per
     * distinct text (a settlement point's name in each of a month's 2,976 intervals), and the appender
     * would otherwise encode it on every row. Texts of many distinct values (more than {@value #LIMIT})
     * are encoded as they come.
     */
    private static final class Utf8 {
        private static final int LIMIT = 100_000;
        private final Map<String, byte[]> known = new HashMap<>();

        byte[] of(String text) {
            byte[] bytes = known.get(text);
            if (bytes == null) {
                bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (known.size() < LIMIT) {
                    known.put(text, bytes);
                }
            }
            return bytes;
        }
    }

    private static void append(DuckDBAppender appender, ColumnType type, Object value, Utf8 utf8) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case TIMESTAMP -> appender.appendEpochMicros(Instants.exactMicros((Instant) value));
            case DATE -> appender.append((LocalDate) value);
            case DOUBLE -> appender.append(((Double) value).doubleValue());
            case BIGINT -> appender.append(((Long) value).longValue());
            case VARCHAR -> appender.append(utf8.of((String) value));
            case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
        }
    }

    /**
     * Upserts the staged rows into a grid range the table already holds rows in, with three statements whose
     * affected-row counts give the result: copy the stored versions of changed rows to the revision table,
     * update those rows, insert the new ones. Every statement that reads the target restricts its grid
     * column to the staged range, so its cost follows the batch, not the table: DuckDB skips every row group
     * whose zone map lies outside the range.
     */
    private WriteResult upsert(DatasetTables t, Batch batch, long[] gridRange) throws SQLException {
        long ingestedAt = Instants.truncatedMicros(batch.ingestedAt());
        String fetchId = batch.fetch().fetchId();
        String inRange = t.gridBetweenParameters("t");
        String keys = t.sameKey("t", "s");
        String differ = t.valuesDiffer("t", "s");
        long changed = execute(statement("INSERT INTO " + t.revisions() + " SELECT " + t.columns("t")
                + ", t.ingested_at_utc, t.fetch_id, make_timestamp(?::BIGINT), ? FROM " + t.table() + " t JOIN "
                + t.stage() + " s ON " + keys + " WHERE " + inRange + " AND " + differ),
                ingestedAt, fetchId, gridRange);
        if (changed > 0) {
            long updated = execute(statement("UPDATE " + t.table() + " AS t SET " + t.assignValues("s")
                    + ", ingested_at_utc = make_timestamp(?::BIGINT), fetch_id = ? FROM " + t.stage() + " s WHERE "
                    + keys + " AND " + inRange + " AND " + differ),
                    ingestedAt, fetchId, gridRange);
            if (updated != changed) {
                throw new IllegalStateException("kept " + changed + " superseded versions but updated " + updated
                        + " rows");
            }
        }
        long inserted = execute(statement("INSERT INTO " + t.table() + " SELECT " + t.columns("s")
                + ", make_timestamp(?::BIGINT), ? FROM " + t.stage() + " s WHERE NOT EXISTS (SELECT 1 FROM "
                + t.table() + " t WHERE " + keys + " AND " + inRange + ")"),
                ingestedAt, fetchId, gridRange);
        return new WriteResult(inserted, changed, batch.rows().size() - inserted - changed);
    }

    /** Whether the table holds no row whose grid time lies in {@code gridRange} (microseconds, inclusive). */
    private boolean rangeEmpty(DatasetTables t, long[] gridRange) throws SQLException {
        PreparedStatement p = statement("SELECT count(*) FROM (SELECT 1 FROM " + t.table() + " t WHERE "
                + t.gridBetweenParameters("t") + " LIMIT 1)");
        p.setLong(1, gridRange[0]);
        p.setLong(2, gridRange[1]);
        try (ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1) == 0;
        }
    }

    /**
     * Runs a row statement whose parameters are: ingestion time, fetch id, grid range start, grid range end.
     *
     * @return the number of rows it inserted or updated
     */
    private static long execute(PreparedStatement p, long ingestedAt, String fetchId, long[] gridRange)
            throws SQLException {
        p.setLong(1, ingestedAt);
        p.setString(2, fetchId);
        p.setLong(3, gridRange[0]);
        p.setLong(4, gridRange[1]);
        return p.executeLargeUpdate();
    }

    /**
     * Merges the covered windows into {@code pmp.coverage}: every stored stretch a window touches or
     * overlaps is replaced by their union, so the table keeps one row per contiguous stretch.
     */
    private void mergeCoverage(String datasetId, List<Window> covered) throws SQLException {
        for (Window window : Window.merge(covered)) {
            long start = Instants.truncatedMicros(window.start());
            long end = Instants.truncatedMicros(window.end());
            String touching = " FROM " + coverage + " WHERE dataset_id = ? AND start_utc <= make_timestamp(?::BIGINT) "
                    + "AND end_utc >= make_timestamp(?::BIGINT)";
            List<long[]> stretches = new ArrayList<>();
            PreparedStatement select = statement("SELECT epoch_us(start_utc), epoch_us(end_utc)" + touching);
            select.setString(1, datasetId);
            select.setLong(2, end);
            select.setLong(3, start);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    stretches.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
            long newStart = start;
            long newEnd = end;
            for (long[] stretch : stretches) {
                newStart = Math.min(newStart, stretch[0]);
                newEnd = Math.max(newEnd, stretch[1]);
            }
            if (stretches.size() == 1) {
                long[] only = stretches.get(0);
                if (only[0] != newStart || only[1] != newEnd) {
                    PreparedStatement widen = statement("UPDATE " + coverage + " SET start_utc = make_timestamp(?::BIGINT), "
                            + "end_utc = make_timestamp(?::BIGINT) WHERE dataset_id = ? "
                            + "AND start_utc = make_timestamp(?::BIGINT) AND end_utc = make_timestamp(?::BIGINT)");
                    widen.setLong(1, newStart);
                    widen.setLong(2, newEnd);
                    widen.setString(3, datasetId);
                    widen.setLong(4, only[0]);
                    widen.setLong(5, only[1]);
                    widen.executeUpdate();
                }
                continue;
            }
            if (!stretches.isEmpty()) {
                PreparedStatement delete = statement("DELETE" + touching);
                delete.setString(1, datasetId);
                delete.setLong(2, end);
                delete.setLong(3, start);
                delete.executeUpdate();
            }
            PreparedStatement insert = statement("INSERT INTO " + coverage
                    + " VALUES (?, make_timestamp(?::BIGINT), make_timestamp(?::BIGINT))");
            insert.setString(1, datasetId);
            insert.setLong(2, newStart);
            insert.setLong(3, newEnd);
            insert.executeUpdate();
        }
    }

    private void insertFetch(FetchRecord f) throws SQLException {
        PreparedStatement p = statement("INSERT INTO " + fetches + " (fetch_id, dataset_id, "
                + "window_start_utc, window_end_utc, url, fetched_at_utc, http_status, bytes, sha256, archive_path, "
                + "duration_ms, rows_inserted, rows_updated, rows_unchanged, failure, message) VALUES (?, ?, "
                + "make_timestamp(?::BIGINT), make_timestamp(?::BIGINT), ?, make_timestamp(?::BIGINT), "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        p.setString(1, f.fetchId());
        p.setString(2, f.datasetId());
        p.setLong(3, Instants.truncatedMicros(f.window().start()));
        p.setLong(4, Instants.truncatedMicros(f.window().end()));
        p.setString(5, f.url());
        p.setLong(6, Instants.truncatedMicros(f.fetchedAt()));
        p.setInt(7, f.httpStatus());
        p.setLong(8, f.bytes());
        p.setString(9, f.sha256());
        p.setString(10, f.archivePath());
        p.setLong(11, f.duration().toMillis());
        p.setLong(12, f.rowsInserted());
        p.setLong(13, f.rowsUpdated());
        p.setLong(14, f.rowsUnchanged());
        p.setString(15, f.failure() == null ? null : f.failure().name());
        p.setString(16, f.message());
        p.executeUpdate();
    }

    /**
     * The prepared statement of {@code sql}, prepared once per store: the write path runs the same
     * dozen statements every tick, and DuckDB then skips parsing and planning them.
     */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null || p.isClosed()) {
            p = connection.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    /**
     * Closes and forgets every cached statement. Called after a failed write: the DuckDB driver may
     * close a statement whose execution failed, and a changed catalog may have invalidated the others.
     */
    private void forgetStatements(Exception failure) {
        for (PreparedStatement p : statements.values()) {
            try {
                p.close();
            } catch (SQLException closing) {
                failure.addSuppressed(closing);
            }
        }
        statements.clear();
    }

    /** Work that runs inside one transaction. */
    @FunctionalInterface
    private interface TransactionWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(TransactionWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
