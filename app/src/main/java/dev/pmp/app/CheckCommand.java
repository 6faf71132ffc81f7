package dev.pmp.app;

import dev.pmp.engine.catalog.Catalog;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.ledger.Grid;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pmp check SOURCE...}: probes each source with one real request per enabled dataset (signing in
 * first where the source needs credentials) and says what answered, without storing anything.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Probe credentials and reachability: one request per enabled dataset of each SOURCE,",
            "parsed but not stored. Exit 0 when every probe answered with data or 'not published yet'."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Source names (ercot, caiso, ...).")
    List<String> sources;

    @Override
    public Integer call() throws Exception {
        int exit = ExitCodes.OK;
        try (Pmp pmp = Pmp.open(main.settings(), main.clock, "pmp check")) {
            List<String> known = pmp.catalog().sources().stream().map(s -> s.name()).toList();
            for (String source : sources) {
                if (!known.contains(source)) {
                    throw new IllegalArgumentException("unknown source " + source + "; known: " + String.join(", ", known));
                }
                List<Catalog.Configured> of = new ArrayList<>();
                pmp.configured().values().stream().filter(c -> c.dataset().source().equals(source)).forEach(of::add);
                for (Catalog.Configured c : of) {
                    if (!c.enabled()) {
                        main.out.println(c.dataset().id() + "\tdisabled\t" + c.disabledReason());
                        continue;
                    }
                    exit = UpdateCommand.worse(exit, probe(pmp, c.feed().orElseThrow()));
                }
            }
        }
        main.out.flush();
        return exit;
    }

    /** One request for the dataset's newest expected interval (or its publisher's window). */
    private int probe(Pmp pmp, Feed feed) {
        Dataset d = feed.dataset();
        Instant end = Pipeline.expectedEnd(d, pmp.clock().instant());
        Window w = new Window(Grid.of(d).floor(end.minus(d.cadence())), end);
        FetchRequest request = feed.request(w);
        long t0 = System.nanoTime();
        try {
            Transfer t = pmp.transport().fetch(d.source(), request, true);
            Parsed parsed = feed.parse(w, t.response());
            main.out.println(d.id() + "\tok\tHTTP " + t.response().status() + ", " + t.raw().length + " bytes, "
                    + parsed.rows().size() + " rows, " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            return ExitCodes.OK;
        } catch (SourceException e) {
            String kind = e.failure().name().toLowerCase(Locale.ROOT);
            main.out.println(d.id() + "\t" + kind + "\t" + e.getMessage());
            return e.failure() == dev.pmp.spi.Failure.NOT_PUBLISHED ? ExitCodes.OK : ExitCodes.of(e.failure());
        }
    }
}
