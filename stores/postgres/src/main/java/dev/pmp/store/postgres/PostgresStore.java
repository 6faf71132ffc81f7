package dev.pmp.store.postgres;

import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.NaturalKeys;
import dev.pmp.spi.Event;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@link Store} in a PostgreSQL database, reached through one JDBC connection held for the store's
 * life. Layout: schema {@code <source>} with table {@code <name>} (the dataset's columns, then
 * {@code ingested_at_utc} and {@code fetch_id}; primary key = natural key) and {@code <name>__revisions}
 * (superseded versions); schema {@code pmp} with {@code fetches} and {@code coverage} (one row per
 * contiguous covered stretch), created by the Flyway migrations that {@link #migrate} runs.
 *
 * <p>When the server offers the {@code timescaledb} extension, {@link #prepare} makes each new dataset
 * table a hypertable on its grid column with a compression policy; otherwise tables are plain.
 *
 * <p>Instants are {@code timestamptz}, exact to the microsecond. A row instant finer than a microsecond
 * is rejected (it would not read back equal); fetch-log and ingestion instants are truncated to it,
 * fetch durations to the millisecond.
 *
 * <p>Not thread-safe: one thread at a time, like every {@link Store}.
 */
public final class PostgresStore implements Store {
    /** The advisory lock key ("pmpdefs" in ASCII) held while a transaction creates schemas, tables or views. */
    static final long DEFINITIONS_LOCK = 0x706d7064656673L;


    private final Connection connection;
    private final String description;
    private final boolean timescale;
    private final Map<String, DatasetTables> prepared = new HashMap<>();
    /** The staging table of each dataset id in this session: {@code pg_temp.stage_<n>}. */
    private final Map<String, Integer> stageNumbers = new HashMap<>();
    private final PostgresStoreView view;

    private PostgresStore(Connection connection, String description, boolean timescale) {
        this.connection = connection;
        this.description = description;
        this.timescale = timescale;
        this.view = new PostgresStoreView(this);
    }

    /**
     * Opens the store at {@code location}, e.g. {@code PostgresLocation.parse("postgresql://pmp@db:5432/pmp")}.
     *
     * @throws StoreException when the server cannot be reached, or its catalog is missing or of another
     *     version (the message then says to run {@code pmp init})
     */
    public static PostgresStore open(PostgresLocation location) throws StoreException {
        return open(dataSource(location), location.describe());
    }

    /**
     * Opens the store at a {@code jdbc:postgresql:} URL.
     *
     * @param user null to leave it to the URL
     * @param password null when none is needed
     */
    public static PostgresStore open(String jdbcUrl, String user, String password) throws StoreException {
        return open(new PostgresLocation(jdbcUrl, user, password));
    }

    /**
     * Opens the store behind {@code dataSource}, taking one connection from it for the store's life.
     *
     * @param description how messages name the database; no password
     */
    public static PostgresStore open(DataSource dataSource, String description) throws StoreException {
        new CatalogMigrations(dataSource, description).check();
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot connect to " + description + ": " + e.getMessage(), e);
        }
        try {
            try (Statement s = connection.createStatement()) {
                // Staging tables are temporary; give them room so a 100k-row batch stays in memory.
                s.execute("SET temp_buffers = '64MB'");
            }
            return new PostgresStore(connection, description, timescaleAvailable(connection));
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw new StoreException("cannot set up a session on " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates or upgrades the catalog at {@code location} ({@code pmp init}). Running it again is a no-op.
     *
     * @return the number of migrations applied, 0 when the catalog was current
     */
    public static int migrate(PostgresLocation location) throws StoreException {
        return migrate(dataSource(location), location.describe());
    }

    /** {@link #migrate(PostgresLocation)} on the database behind {@code dataSource}. */
    public static int migrate(DataSource dataSource, String description) throws StoreException {
        return new CatalogMigrations(dataSource, description).migrate();
    }

    private static DataSource dataSource(PostgresLocation location) throws StoreException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        try {
            source.setURL(location.jdbcUrl());
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot use store location " + location.describe() + ": " + e.getMessage(), e);
        }
        if (location.user() != null) {
            source.setUser(location.user());
        }
        if (location.password() != null) {
            source.setPassword(location.password());
        }
        source.setApplicationName("pmp");
        return source;
    }

    /** Whether the server can load TimescaleDB, and so whether {@link #prepare} creates hypertables. */
    static boolean timescaleAvailable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_available_extensions "
                        + "WHERE name = 'timescaledb')")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    /**
     * Creates the dataset's schema, table (a hypertable under TimescaleDB) and revision table when the
     * table is missing, checks that an existing table has the dataset's columns, and creates the
     * session's staging table.
     *
     * @throws StoreException when an existing table's columns differ from the dataset's schema, or the
     *     dataset's name is too long for PostgreSQL
     */
    @Override
    public void prepare(Dataset dataset) throws StoreException {
        DatasetTables known = prepared.get(dataset.id());
        if (known != null && known.dataset().equals(dataset)) {
            // Already created and checked by this store: passes call prepare every time, so it must be free.
            return;
        }
        DatasetTables tables;
        int stage = stageNumbers.computeIfAbsent(dataset.id(), id -> stageNumbers.size() + 1);
        try {
            tables = DatasetTables.of(dataset, stage);
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot prepare " + dataset.id() + " in " + description + ": " + e.getMessage(), e);
        }
        try {
            if (!tableExists(dataset.source(), dataset.name())) {
                inTransaction(() -> {
                    lockDefinitions();
                    // Another collector may have created it while this one waited for the lock.
                    if (!tableExists(dataset.source(), dataset.name())) {
                        try (Statement s = connection.createStatement()) {
                            for (String sql : tables.createStatements(timescale)) {
                                s.execute(sql);
                            }
                        }
                    }
                    return null;
                });
            }
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
                lockDefinitions();
                try (Statement s = connection.createStatement()) {
                    java.util.Set<String> existing = new java.util.HashSet<>();
                    try (ResultSet r = s.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables")) {
                        while (r.next()) {
                            existing.add(r.getString(1));
                        }
                    }
                    for (StandardTable table : StandardTable.values()) {
                        String body = StandardMapping.viewSql(table, mappings, id -> existing.contains(id),
                                id -> DatasetTables.quote(id.substring(0, id.indexOf('.'))) + "."
                                        + DatasetTables.quote(id.substring(id.indexOf('.') + 1)),
                                DatasetTables::sqlType);
                        // Dropped and created, not replaced: a replacement may not change a column's collation,
                        // and dataset tables use "C" where the empty view has the default.
                        s.execute("DROP VIEW IF EXISTS public." + DatasetTables.quote(table.tableName()));
                        s.execute("CREATE VIEW public." + DatasetTables.quote(table.tableName()) + " AS " + body);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot create the standard views in " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean acquireLease(String name, String holder, java.time.Duration period) throws StoreException {
        try {
            return inTransaction(() -> {
                // The database's clock decides, so collectors on machines with skewed clocks agree.
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO pmp.leases AS l (name, holder, expires_at)"
                        + " VALUES (?, ?, now() + make_interval(secs => ?)) ON CONFLICT (name) DO UPDATE"
                        + " SET holder = excluded.holder, expires_at = excluded.expires_at"
                        + " WHERE l.holder = excluded.holder OR l.expires_at < now() RETURNING holder")) {
                    p.setString(1, name);
                    p.setString(2, holder);
                    p.setDouble(3, period.toMillis() / 1000.0);
                    try (ResultSet r = p.executeQuery()) {
                        return r.next() && holder.equals(r.getString(1));
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot take the lease " + name + " in " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void releaseLeases(String holder) throws StoreException {
        try {
            inTransaction(() -> {
                try (PreparedStatement p = connection.prepareStatement("DELETE FROM pmp.leases WHERE holder = ?")) {
                    p.setString(1, holder);
                    p.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot release the leases of " + holder + " in " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> leaseHolder(String name) throws StoreException {
        try {
            return inTransaction(() -> {
                try (PreparedStatement p = connection.prepareStatement(
                        "SELECT holder FROM pmp.leases WHERE name = ? AND expires_at >= now()")) {
                    p.setString(1, name);
                    try (ResultSet r = p.executeQuery()) {
                        return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read the lease " + name + " in " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void appendEvents(List<Event> events) throws StoreException {
        if (events.isEmpty()) {
            return;
        }
        try {
            inTransaction(() -> {
                try (PreparedStatement p = connection.prepareStatement(
                        "INSERT INTO pmp.outbox (type, dataset_id, at_utc, payload) VALUES (?, ?, ?, ?)")) {
                    for (Event e : events) {
                        p.setString(1, e.type());
                        p.setString(2, e.datasetId());
                        p.setObject(3, Instants.truncated(e.at()));
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
        try {
            inTransaction(() -> {
                try (PreparedStatement p = connection.prepareStatement(
                        "SELECT seq, type, dataset_id, at_utc, payload FROM pmp.outbox ORDER BY seq LIMIT ?")) {
                    p.setInt(1, limit);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            out.add(new Event(r.getLong(1), r.getString(2), r.getString(3),
                                    Instants.of(r.getObject(4, java.time.OffsetDateTime.class)), r.getString(5)));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read the event outbox of " + description + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void markDelivered(long seq) throws StoreException {
        try {
            inTransaction(() -> {
                try (PreparedStatement p = connection.prepareStatement("DELETE FROM pmp.outbox WHERE seq <= ?")) {
                    p.setLong(1, seq);
                    p.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot mark events delivered in " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the batch in one transaction: rows are checked in Java, loaded into the staging table with a
     * binary {@code COPY}, the stored versions of changed rows copied to the revision table, rows upserted
     * ({@code INSERT ... ON CONFLICT DO UPDATE} only where values differ), coverage merged and the fetch
     * line appended. On any failure the transaction is rolled back and nothing has changed.
     *
     * @throws StoreException when the dataset was not prepared, a row does not fit the schema, two rows
     *     share a natural key, or PostgreSQL fails
     */
    @Override
    public WriteResult write(Batch batch) throws StoreException {
        Dataset dataset = batch.dataset();
        DatasetTables tables = prepared.get(dataset.id());
        if (tables == null) {
            throw new StoreException(dataset.id() + " was not prepared in " + description);
        }
        Instant[] gridRange = check(dataset, batch.rows());
        try {
            return inTransaction(() -> {
                WriteResult result = gridRange == null ? WriteResult.NONE : upsert(tables, batch, gridRange);
                mergeCoverage(dataset.id(), batch.covered());
                insertFetch(batch.fetch().withCounts(result));
                return result;
            });
        } catch (SQLException | RuntimeException e) {
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
            throw new StoreException("cannot log fetch " + failed.fetchId() + " of " + failed.datasetId() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public StoreView view() {
        return view;
    }

    @Override
    public void close() throws StoreException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PostgresStore[" + description + (timescale ? ", TimescaleDB" : "") + "]";
    }

    Connection connection() {
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
        try {
            tables = DatasetTables.of(dataset, 0);
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage(), e);
        }
        checkColumns(tables);
        return Optional.of(tables);
    }

    private boolean tableExists(String schema, String table) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = ? AND table_name = ?")) {
            p.setString(1, schema);
            p.setString(2, table);
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
                + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            p.setString(1, dataset.source());
            p.setString(2, dataset.name());
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
     * Checks every row against the schema and the natural-key uniqueness of the batch.
     *
     * @return the smallest and largest grid time, or null when there are no rows
     */
    private static Instant[] check(Dataset dataset, List<Row> rows) throws StoreException {
        Schema schema = dataset.schema();
        int[] keyIndexes = schema.naturalKey().stream().mapToInt(schema::indexOf).toArray();
        int grid = schema.indexOf(dataset.timeShape().gridColumn());
        NaturalKeys keys = new NaturalKeys(rows, keyIndexes, grid);
        Instant lo = null;
        Instant hi = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String problem = schema.problemWith(row);
            if (problem == null) {
                problem = instantProblem(schema, row);
            }
            if (problem != null) {
                throw new StoreException(dataset.id() + ": row " + (i + 1) + " of " + rows.size() + " " + row
                        + " rejected, nothing written: " + problem);
            }
            if (!keys.add(i)) {
                throw new StoreException(dataset.id() + ": two rows for natural key " + schema.naturalKey() + " = "
                        + keys.key(row) + " in one batch, nothing written");
            }
            Instant at = row.instant(grid);
            lo = lo == null || at.isBefore(lo) ? at : lo;
            hi = hi == null || at.isAfter(hi) ? at : hi;
        }
        return rows.isEmpty() ? null : new Instant[] {lo, hi};
    }

    private static String instantProblem(Schema schema, Row row) {
        for (int i = 0; i < schema.width(); i++) {
            if (row.get(i) instanceof Instant instant) {
                if (!Instants.isWholeMicros(instant)) {
                    return "column " + schema.columns().get(i).name() + " holds " + instant
                            + ", finer than the microsecond this store keeps";
                }
                try {
                    Instants.postgresMicros(instant);
                } catch (ArithmeticException e) {
                    return "column " + schema.columns().get(i).name() + " holds " + instant + ", out of range";
                }
            }
        }
        return null;
    }

    /**
     * Stages the rows and upserts them: the superseded versions of changed rows go to the revision table
     * first, then one {@code INSERT ... ON CONFLICT} inserts new rows and updates changed ones. The two
     * statements must agree on the number of changed rows.
     */
    private WriteResult upsert(DatasetTables t, Batch batch, Instant[] gridRange) throws SQLException {
        if (!anyStored(t, gridRange)) {
            // Nothing stored in the batch's time range (new data, a backfill): nothing to compare, supersede or
            // conflict with, so the rows are copied straight into the table.
            long copied = StageEncoder.copy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(t.copyIntoTable()),
                    t.schema().columns(), batch.rows(), batch.ingestedAt(), batch.fetch().fetchId());
            if (copied != batch.rows().size()) {
                throw new IllegalStateException("copied " + copied + " of " + batch.rows().size() + " rows");
            }
            return new WriteResult(copied, 0, 0);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE " + t.stage());
        }
        long staged = StageEncoder.copy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(t.copyIntoStage()),
                t.schema().columns(), batch.rows());
        if (staged != batch.rows().size()) {
            throw new IllegalStateException("staged " + staged + " of " + batch.rows().size() + " rows");
        }
        OffsetDateTime ingestedAt = Instants.truncated(batch.ingestedAt());
        String fetchId = batch.fetch().fetchId();
        long changed = 0;
        if (!t.schema().valueColumns().isEmpty()) {
            try (PreparedStatement p = connection.prepareStatement(t.keepSupersededVersions())) {
                p.setObject(1, ingestedAt);
                p.setString(2, fetchId);
                p.setObject(3, Instants.truncated(gridRange[0]));
                p.setObject(4, Instants.truncated(gridRange[1]));
                changed = p.executeLargeUpdate();
            }
        }
        long inserted;
        long updated;
        try (PreparedStatement p = connection.prepareStatement(t.upsert())) {
            p.setObject(1, ingestedAt);
            p.setString(2, fetchId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                inserted = r.getLong(1);
                updated = r.getLong(2);
            }
        }
        if (updated != changed) {
            throw new IllegalStateException("kept " + changed + " superseded versions but updated " + updated
                    + " rows; was another process writing " + t.dataset().id() + "?");
        }
        return new WriteResult(inserted, updated, batch.rows().size() - inserted - updated);
    }

    /** Whether the table holds any row whose grid time lies in the closed range. */
    private boolean anyStored(DatasetTables t, Instant[] gridRange) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + t.table() + " t WHERE t."
                + DatasetTables.quote(t.dataset().timeShape().gridColumn()) + " BETWEEN ? AND ?)")) {
            p.setObject(1, Instants.truncated(gridRange[0]));
            p.setObject(2, Instants.ceiling(gridRange[1]));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /**
     * Merges the covered windows into {@code pmp.coverage}: every stored stretch a window touches or
     * overlaps is replaced by their union, so the table keeps one row per contiguous stretch.
     */
    private void mergeCoverage(String datasetId, List<Window> covered) throws SQLException {
        for (Window window : Window.merge(covered)) {
            OffsetDateTime start = Instants.truncated(window.start());
            OffsetDateTime end = Instants.truncated(window.end());
            Instant newStart = start.toInstant();
            Instant newEnd = end.toInstant();
            int touching = 0;
            try (PreparedStatement p = connection.prepareStatement("DELETE FROM pmp.coverage WHERE dataset_id = ? "
                    + "AND start_utc <= ? AND end_utc >= ? RETURNING start_utc, end_utc")) {
                p.setString(1, datasetId);
                p.setObject(2, end);
                p.setObject(3, start);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        touching++;
                        Instant s = r.getObject(1, OffsetDateTime.class).toInstant();
                        Instant e = r.getObject(2, OffsetDateTime.class).toInstant();
                        newStart = s.isBefore(newStart) ? s : newStart;
                        newEnd = e.isAfter(newEnd) ? e : newEnd;
                    }
                }
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO pmp.coverage (dataset_id, start_utc, "
                    + "end_utc) VALUES (?, ?, ?)")) {
                p.setString(1, datasetId);
                p.setObject(2, Instants.truncated(newStart));
                p.setObject(3, Instants.truncated(newEnd));
                p.executeUpdate();
            }
        }
    }

    private void insertFetch(FetchRecord f) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO pmp.fetches (fetch_id, dataset_id, "
                + "window_start_utc, window_end_utc, url, fetched_at_utc, http_status, bytes, sha256, archive_path, "
                + "duration_ms, rows_inserted, rows_updated, rows_unchanged, failure, message) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, f.fetchId());
            p.setString(2, f.datasetId());
            p.setObject(3, Instants.truncated(f.window().start()));
            p.setObject(4, Instants.truncated(f.window().end()));
            p.setString(5, f.url());
            p.setObject(6, Instants.truncated(f.fetchedAt()));
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
    }

    /**
     * Takes the transaction-scoped advisory lock that serializes schema changes between collectors
     * sharing this database. PostgreSQL's {@code CREATE SCHEMA IF NOT EXISTS} and {@code CREATE TABLE IF
     * NOT EXISTS} are not safe against a concurrent twin: the loser fails on the catalog's unique index
     * ({@code pg_namespace_nspname_index}) instead of finding the object.
     */
    private void lockDefinitions() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + DEFINITIONS_LOCK + ")");
        }
    }

    /** Work that runs inside one transaction. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(TransactionWork<T> work) throws SQLException {
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
