package dev.pmp.app;

import dev.pmp.spi.StoreException;
import dev.pmp.store.postgres.PostgresStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pmp init}: prepares the store. On PostgreSQL it runs the catalog migrations (other commands
 * refuse a database whose catalog is missing or older); the embedded DuckDB store creates itself on first
 * use, so there it only checks that the file opens.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Prepare the store: run the PostgreSQL catalog migrations (idempotent),",
            "or create the embedded DuckDB file."})
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        AppSettings settings = main.settings();
        if (settings.postgres()) {
            int applied;
            try {
                applied = PostgresStore.migrate(Pmp.postgresLocation(settings));
            } catch (StoreException e) {
                throw new ConfigException("cannot initialise the store: " + e.getMessage());
            }
            main.out.println(applied == 0 ? "the PostgreSQL catalog is up to date"
                    : "applied " + applied + " migration(s) to the PostgreSQL catalog");
        } else {
            try (Pmp pmp = Pmp.open(settings, main.clock, "pmp init")) {
                main.out.println("the DuckDB store " + pmp.settings().duckDbFile().toAbsolutePath() + " is ready");
            }
        }
        main.out.flush();
        return ExitCodes.OK;
    }
}
