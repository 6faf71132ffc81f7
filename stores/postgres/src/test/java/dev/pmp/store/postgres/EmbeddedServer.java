package dev.pmp.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server for a test class, handing out a new database per test: empty, or
 * already migrated (copied from a template database migrated once, which is faster than migrating
 * each). Connects as {@code postgres} without a password.
 */
final class EmbeddedServer implements AutoCloseable {
    static final String USER = "postgres";
    private static final String TEMPLATE = "pmp_template";

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean templateReady;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedServer start() throws IOException {
        return new EmbeddedServer(EmbeddedPostgres.builder().start());
    }

    int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of database {@code name}. */
    String jdbcUrl(String name) {
        return "jdbc:postgresql://localhost:" + port() + "/" + name;
    }

    /** A new database holding nothing; returns its name. */
    String emptyDatabase() throws SQLException {
        return create("");
    }

    /** A new database with the current pmp catalog; returns its JDBC URL. */
    String migratedDatabase() throws Exception {
        if (!templateReady) {
            admin("CREATE DATABASE " + TEMPLATE);
            PostgresStore.migrate(new PostgresLocation(jdbcUrl(TEMPLATE), USER, null));
            templateReady = true;
        }
        return jdbcUrl(create(" TEMPLATE " + TEMPLATE));
    }

    private String create(String options) throws SQLException {
        String name = "test_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name + options);
        return name;
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
