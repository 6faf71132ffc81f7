package dev.pmp.app;

import dev.pmp.app.web.WebSettings;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.caiso.CaisoEndpoint;
import dev.pmp.sim.elexon.InsightsEndpoint;
import dev.pmp.sim.ercotapi.ErcotApiEndpoint;
import dev.pmp.sim.isone.IsoneEndpoint;
import dev.pmp.sim.miso.MisoEndpoint;
import dev.pmp.sim.nyiso.MisEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** What the demo collects unless PMP_DATASETS says otherwise: datasets of every operator the simulator serves. */
    static final List<String> DEMO_DATASETS = List.of(
            "ercot.energy_storage_resources", "ercot.system_wide_prices", "ercot.system_wide_prices_day_ahead",
            "ercot.fuel_mix", "ercot.spp_real_time_15min",
            "caiso.lmp_day_ahead_hourly", "caiso.fuel_mix",
            "nyiso.lmp_real_time_5min", "nyiso.load_actual",
            "isone.lmp_day_ahead_hourly", "isone.load_actual",
            "miso.csat_supply_demand", "miso.fuel_mix",
            "elexon.fuelinst", "elexon.mid",
            "neso.carbon_intensity_national");

    /** Every operator's base URL, credentials included, pointed at the simulator at {@code url}. */
    static Map<String, String> simulatorSettings(String url) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PMP_ERCOT_DASHBOARD_URL", url);
        m.put("PMP_ERCOT_API_URL", url + ErcotApiEndpoint.BASE);
        m.put("PMP_ERCOT_TOKEN_URL", url + ErcotApiEndpoint.TOKEN_PATH);
        m.put("PMP_ERCOT_USERNAME", "demo");
        m.put("PMP_ERCOT_PASSWORD", "demo");
        m.put("PMP_ERCOT_SUBSCRIPTION_KEY", ErcotApiEndpoint.DEFAULT_KEY);
        m.put("PMP_CAISO_OASIS_URL", url + CaisoEndpoint.OASIS_PATH);
        m.put("PMP_CAISO_OUTLOOK_URL", url + CaisoEndpoint.OUTLOOK_BASE);
        m.put("PMP_NYISO_MIS_URL", url + MisEndpoint.CSV_ROOT);
        m.put("PMP_ISONE_API_URL", url + IsoneEndpoint.API);
        m.put("PMP_ISONE_EXPRESS_URL", url + IsoneEndpoint.EXPRESS);
        m.put("PMP_ISONE_USERNAME", "pmp-demo");
        m.put("PMP_ISONE_PASSWORD", "pmp-demo");
        m.put("PMP_MISO_API_URL", url + MisoEndpoint.API);
        m.put("PMP_MISO_REPORTS_URL", url + MisoEndpoint.REPORTS);
        m.put("PMP_ELEXON_API_URL", url + InsightsEndpoint.API_ROOT);
        m.put("PMP_NESO_API_URL", url + "/neso");
        m.put("PMP_CARBON_INTENSITY_URL", url + "/neso/carbonintensity");
        return m;
    }

    @Override
    public Integer call() throws Exception {
        if (main.store == null && !main.env.containsKey("PMP_STORE")) {
            main.store = "duckdb:./data/demo/pmp.duckdb";
        }
        AppSettings base = main.settings();
        try (Simulator sim = Simulator.start(main.clock, simPort)) {
            String url = sim.baseUri().toString();
            main.err.println("pmp demo: simulator serving at " + url + " (recorded ERCOT payloads, shifted to today)");
            AppSettings settings = base;
            for (Map.Entry<String, String> e : simulatorSettings(url).entrySet()) {
                settings = settings.with(e.getKey(), e.getValue());
            }
            if (base.value("PMP_DATASETS").isEmpty()) {
                settings = settings.with("PMP_DATASETS", String.join(",", DEMO_DATASETS));
            }
            return RunCommand.runDaemon(main, settings, repollSeconds, http, "pmp demo");
        }
    }
}
