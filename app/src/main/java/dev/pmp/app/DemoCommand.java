package dev.pmp.app;

import dev.pmp.app.web.WebSettings;
import dev.pmp.sim.Simulator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pmp demo}: the daemon against the built-in simulator, offline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the daemon against the built-in simulator of the operators' endpoints (no network).",
            "The simulator serves recorded payloads shifted to today, so new data arrives every 5 minutes.",
            "Uses the store duckdb:./data/demo/pmp.duckdb unless --store is given."})
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--sim-port", defaultValue = "0", description = "Port of the simulator (default: any free port).")
    int simPort;

    @Option(names = "--repoll", paramLabel = "SECONDS", defaultValue = "30",
            description = "How soon to look again while a dataset's newest interval is missing (default ${DEFAULT-VALUE}).")
    int repollSeconds;

    @Option(names = "--http", paramLabel = "HOST:PORT|off", defaultValue = WebSettings.DEFAULT,
            description = {"Where the dashboard listens (default ${DEFAULT-VALUE}), or off.",
                "A non-loopback address needs PMP_HTTP_TOKEN, which also enables the dashboard's actions."})
    String http;

    @Override
    public Integer call() throws Exception {
        if (main.store == null && !main.env.containsKey("PMP_STORE")) {
            main.store = "duckdb:./data/demo/pmp.duckdb";
        }
        AppSettings base = main.settings();
        try (Simulator sim = Simulator.start(main.clock, simPort)) {
            String url = sim.baseUri().toString();
            main.err.println("pmp demo: simulator serving at " + url + " (recorded ERCOT payloads, shifted to today)");
            AppSettings settings = base.with("PMP_ERCOT_DASHBOARD_URL", url);
            return RunCommand.runDaemon(main, settings, repollSeconds, http, "pmp demo");
        }
    }
}
