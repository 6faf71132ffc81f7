package dev.pmp.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code pmp init}: the catalog migrations, and how {@code open} treats a missing or newer catalog. */
class CatalogMigrationsTest {
    private static EmbeddedServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static PostgresLocation location(String database) {
        return PostgresLocation.parse("postgresql://" + EmbeddedServer.USER + "@localhost:" + server.port() + "/" + database);
    }

    @Test
    void openingAnEmptyDatabaseAsksForPmpInit() throws Exception {
        PostgresLocation empty = location(server.emptyDatabase());

        assertThatThrownBy(() -> PostgresStore.open(empty))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("run `pmp init`")
                .hasMessageContaining("PostgresStore.migrate");
    }

    @Test
    void migratingAnEmptyDatabaseCreatesTheCatalogOnce() throws Exception {
        PostgresLocation database = location(server.emptyDatabase());

        assertThat(PostgresStore.migrate(database)).isEqualTo(3);
        assertThat(PostgresStore.migrate(database)).isZero();

        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT string_agg(table_name, ' ' ORDER BY table_name) FROM information_schema.tables "
                    + "WHERE table_schema = 'pmp'")).isEqualTo("coverage fetches flyway_schema_history leases outbox");
            assertThat(single(s, "SELECT string_agg(version, ' ' ORDER BY installed_rank) FROM pmp.flyway_schema_history "
                    + "WHERE version IS NOT NULL AND type = 'SQL'")).isEqualTo("1 2 3");
        }
        try (PostgresStore store = PostgresStore.open(database)) {
            assertThat(store.view().fetches(dev.pmp.testkit.SampleDatasets.SYSTEM_LOAD, 10)).isEmpty();
        }
    }

    @Test
    void aCatalogAtThePreviousVersionIsRefusedUntilPmpInitUpgradesIt() throws Exception {
        PostgresLocation database = location(server.emptyDatabase());
        org.flywaydb.core.Flyway.configure(CatalogMigrations.class.getClassLoader())
                .dataSource(database.jdbcUrl(), database.user(), null).schemas("pmp")
                .locations("classpath:db/migration").target("1").load().migrate();

        assertThatThrownBy(() -> PostgresStore.open(database)).isInstanceOf(dev.pmp.spi.StoreException.class)
                .hasMessageContaining("is at version 1, older than this build's 3")
                .hasMessageContaining("pmp init");
        assertThat(PostgresStore.migrate(database)).isEqualTo(2);
        try (PostgresStore store = PostgresStore.open(database)) {
            store.appendEvents(java.util.List.of(new dev.pmp.spi.Event(0, "gap_found", "x.y",
                    java.time.Instant.parse("2024-01-01T00:00:00Z"), "{}")));
            assertThat(store.pendingEvents(5)).hasSize(1);
        }
    }

    @Test
    void openRefusesACatalogNewerThanThisBuild() throws Exception {
        PostgresLocation database = location(server.emptyDatabase());
        PostgresStore.migrate(database);
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO pmp.flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) "
                    + "SELECT max(installed_rank) + 1, '99', 'from the future', 'SQL', 'V99__future.sql', 0, "
                    + "'postgres', 0, TRUE FROM pmp.flyway_schema_history");
        }

        assertThatThrownBy(() -> PostgresStore.open(database))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer than this build");
    }

    @Test
    void failuresToConnectNeverShowThePassword() {
        PostgresLocation wrong = PostgresLocation.parse("postgresql://nobody:s3cret@localhost:" + server.port() + "/none");

        assertThatThrownBy(() -> PostgresStore.open(wrong))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        assertThatThrownBy(() -> PostgresStore.migrate(wrong))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }
}
