package dev.pmp.app;

import dev.pmp.spi.StoreException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code pmp} command. */
@Command(name = "pmp", mixinStandardHelpOptions = true, version = "pmp 0.1.0",
        description = "Power Market Pipeline: gap-free, deduplicated, DST-correct, revision-aware electricity market data.",
        subcommands = {DatasetsCommand.class, InitCommand.class, UpdateCommand.class, BackfillCommand.class, CheckCommand.class, RunCommand.class, DemoCommand.class,
            StatusCommand.class, GapsCommand.class, ExportCommand.class, ImportCommand.class, LakeCommand.class,
            QueryCommand.class, LeaderboardCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 64 usage, 65 bad data, 69 source failed, 70 internal error,"
            + " 75 store busy, 78 configuration."})
public final class Main implements Runnable {

    @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "STORE",
            description = "Where the catalog lives (default duckdb:./data/pmp.duckdb; env PMP_STORE).")
    String store;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder for the raw archive and lock file (default: the store's folder; env PMP_DATA_DIR).")
    String dataDir;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A properties file of PMP_... settings (env PMP_CONFIG).")
    String config;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "text|json",
            description = "Log lines as text or JSON (env PMP_LOG_FORMAT).")
    String logFormat;

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    final Clock clock;

    Main(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        // One line per message from the engine's System.Logger (retries, redirects), like pmp's own lines.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    "%1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tSZ %4$-5.5s %5$s%6$s%n");
        }
        System.exit(execute(args, System.getenv(), System.out, System.err, Clock.systemUTC()));
    }

    /** Runs one command line; used by {@link #main} and by tests, which pass their own environment. */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        Main main = new Main(env, out, err, clock);
        CommandLine cl = new CommandLine(main);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> main.report(e));
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("pmp: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCodes.USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    /** The settings, with command-line flags over environment over config file. */
    AppSettings settings() {
        Map<String, String> flags = new HashMap<>();
        put(flags, "PMP_STORE", store);
        put(flags, "PMP_DATA_DIR", dataDir);
        put(flags, "PMP_CONFIG", config);
        put(flags, "PMP_LOG_FORMAT", logFormat);
        return AppSettings.load(env, flags);
    }

    RunLog runLog(AppSettings settings) {
        return new RunLog(err, settings.jsonLog(), clock);
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private int report(Exception e) {
        if (e instanceof StoreBusyException) {
            err.println("pmp: " + e.getMessage());
            return ExitCodes.STORE_BUSY;
        }
        if (e instanceof ConfigException) {
            err.println("pmp: configuration: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("pmp: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof StoreException) {
            err.println("pmp: store: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
        err.println("pmp: internal error: " + e);
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }
}
