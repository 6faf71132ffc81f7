package dev.pmp.app;

import dev.pmp.app.web.WebSettings;
import dev.pmp.engine.catalog.Catalog;
import dev.pmp.spi.Feed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pmp run}: the daemon. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The daemon: runs every enabled dataset now, then at each of its interval marks,",
            "polling again shortly after a mark until the new interval appears. Stops cleanly on SIGTERM.",
            "Serves a dashboard, /metrics and /health on --http (default 127.0.0.1:8080)."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--repoll", paramLabel = "SECONDS", defaultValue = "30",
            description = "How soon to look again while a dataset's newest interval is missing (default ${DEFAULT-VALUE}).")
    int repollSeconds;

    @Option(names = "--http", paramLabel = "HOST:PORT|off", defaultValue = WebSettings.DEFAULT,
            description = {"Where the dashboard listens (default ${DEFAULT-VALUE}), or off.",
                "A non-loopback address needs PMP_HTTP_TOKEN, which also enables the dashboard's actions."})
    String http;

    @Override
    public Integer call() throws Exception {
        return runDaemon(main, main.settings(), repollSeconds, http, "pmp run");
    }

    static int runDaemon(Main main, AppSettings settings, int repollSeconds, String http, String what) throws Exception {
        if (repollSeconds < 1) {
            throw new IllegalArgumentException("--repoll must be at least 1 second");
        }
        WebSettings web = WebSettings.parse(http, settings.value("PMP_HTTP_TOKEN"));
        Pmp pmp = Pmp.open(settings, main.clock, what);
        List<Feed> feeds;
        Map<String, Catalog.Configured> configured;
        try {
            configured = pmp.configured();
            feeds = Selection.feeds(configured, List.of());
            // Datasets left out by PMP_DATASETS are counted in one line; other reasons (credentials) are each worth one.
            long unselected = configured.values().stream()
                    .filter(c -> !c.enabled() && c.disabledReason().startsWith(Pmp.NOT_SELECTED)).count();
            configured.values().stream().filter(c -> !c.enabled() && !c.disabledReason().startsWith(Pmp.NOT_SELECTED))
                    .forEach(c -> main.err.println(what + ": " + c.dataset().id() + " disabled: " + c.disabledReason()));
            if (unselected > 0) {
                main.err.println(what + ": " + unselected + " other datasets not selected by PMP_DATASETS="
                        + settings.value("PMP_DATASETS").orElse(""));
            }
            main.err.println(what + ": scheduling " + feeds.size() + " datasets, store " + settings.storeForDisplay()
                    + ", raw archive " + (settings.archive() ? settings.rawDir() : "off"));
        } catch (RuntimeException e) {
            pmp.close();
            throw e;
        }
        return new Daemon(pmp, configured, feeds, Duration.ofSeconds(repollSeconds), web, main.err).runUntilStopped();
    }
}
