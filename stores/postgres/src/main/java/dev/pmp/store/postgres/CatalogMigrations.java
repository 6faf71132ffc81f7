package dev.pmp.store.postgres;

import dev.pmp.spi.StoreException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * The Flyway migrations of the catalog schema {@code pmp} ({@code src/main/resources/db/migration}),
 * with Flyway's history in {@code pmp.flyway_schema_history}. Dataset tables are not migrated here:
 * {@code prepare} creates them.
 */
final class CatalogMigrations {
    static final String SCHEMA = "pmp";

    private final Flyway flyway;
    private final String description;

    CatalogMigrations(DataSource dataSource, String description) {
        this.flyway = Flyway.configure(CatalogMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        this.description = description;
    }

    /**
     * Brings the catalog to this build's version; a no-op when it is there already.
     *
     * @return the number of migrations applied
     */
    int migrate() throws StoreException {
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the pmp catalog of " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the catalog is at exactly this build's version.
     *
     * @throws StoreException naming {@code pmp init} when the catalog is missing or older, or saying so when
     *     it is newer than this build or a migration failed
     */
    void check() throws StoreException {
        MigrationInfoService info;
        try {
            info = flyway.info();
        } catch (FlywayException e) {
            throw new StoreException("cannot read the pmp catalog version of " + description + ": " + e.getMessage(), e);
        }
        List<MigrationInfo> all = Arrays.asList(info.all());
        for (MigrationInfo m : all) {
            if (m.getState().isFailed()) {
                throw new StoreException("migration " + m.getVersion() + " of the pmp catalog in " + description
                        + " failed (" + m.getState().getDisplayName() + "); repair it, then run `pmp init`");
            }
            if (m.getState() == MigrationState.FUTURE_SUCCESS) {
                throw new StoreException("the pmp catalog in " + description + " is at version "
                        + info.current().getVersion() + ", newer than this build knows; use a newer pmp");
            }
        }
        MigrationInfo current = info.current();
        if (current == null || current.getVersion() == null) {
            throw new StoreException(description + " holds no pmp catalog (schema " + SCHEMA
                    + "); run `pmp init` (PostgresStore.migrate) first");
        }
        if (info.pending().length > 0) {
            throw new StoreException("the pmp catalog in " + description + " is at version " + current.getVersion()
                    + ", older than this build's " + all.get(all.size() - 1).getVersion()
                    + "; run `pmp init` (PostgresStore.migrate) to upgrade it");
        }
    }
}
