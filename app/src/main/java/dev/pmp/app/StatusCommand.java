package dev.pmp.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmp.engine.catalog.Catalog;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.spi.FetchRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pmp status}: per dataset rows, time range, freshness, last fetch and open gaps. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Per dataset: rows, first and last time, freshness, last fetch outcome and open gaps.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Parameters(paramLabel = "DATASET", arity = "0..*", description = "Dataset ids (default: all).")
    List<String> datasets;

    @Override
    public Integer call() throws Exception {
        AppSettings settings = main.settings();
        List<DatasetHealth> health = new ArrayList<>();
        try (Pmp pmp = Pmp.open(settings, main.clock, "pmp status")) {
            for (Catalog.Configured c : pmp.configured().values()) {
                if (datasets != null && !datasets.isEmpty() && !datasets.contains(c.dataset().id())) {
                    continue;
                }
                // Read only: a dataset that never ran has no table, and the view answers "empty" for it.
                health.add(DatasetHealth.of(c.dataset(), c.enabled(), c.disabledReason(), pmp.store().view(), main.clock.instant()));
            }
        }
        if (datasets != null) {
            for (String id : datasets) {
                if (health.stream().noneMatch(h -> h.dataset().id().equals(id))) {
                    throw new IllegalArgumentException("unknown dataset " + id);
                }
            }
        }
        if (json) {
            writeJson(main.out, health);
        } else {
            writeText(main.out, health);
        }
        return ExitCodes.OK;
    }

    private static void writeText(PrintStream out, List<DatasetHealth> all) {
        for (DatasetHealth h : all) {
            out.println(h.dataset().id() + "  [" + h.state() + "]" + (h.enabled() ? "" : " " + h.disabledReason()));
            out.println("  rows        " + h.summary().rows());
            out.println("  first       " + h.summary().first().map(Times::format).orElse("-"));
            out.println("  last        " + h.summary().last().map(Times::format).orElse("-")
                    + "  (expected " + Times.format(h.expectedNewest()) + ", lag " + Durations.brief(h.lag()) + ")");
            out.println("  last fetch  " + h.summary().lastFetch().map(StatusCommand::describe).orElse("-"));
            long missing = h.gaps().stream().filter(g -> g.kind() == GapKind.MISSING).mapToInt(Gap::points).sum();
            long source = h.gaps().stream().filter(g -> g.kind() == GapKind.SOURCE_GAP).mapToInt(Gap::points).sum();
            out.println("  open gaps   " + h.gaps().size() + " ranges, " + missing + " intervals missing, "
                    + source + " not published by the source");
            if (!h.schemaDrift().isEmpty()) {
                out.println("  drift       " + h.schemaDrift());
            }
        }
        out.flush();
    }

    static String describe(FetchRecord f) {
        String outcome = f.succeeded()
                ? "ok: +" + f.rowsInserted() + " new, " + f.rowsUpdated() + " revised, " + f.rowsUnchanged() + " unchanged"
                : f.failure() + ": " + f.message();
        return Times.format(f.fetchedAt()) + " " + outcome + (f.succeeded() && !f.message().isEmpty() ? " (" + f.message() + ")" : "");
    }

    private static void writeJson(PrintStream out, List<DatasetHealth> all) throws java.io.IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (DatasetHealth h : all) {
                g.writeStartObject();
                g.writeStringField("dataset", h.dataset().id());
                g.writeStringField("state", h.state());
                g.writeBooleanField("enabled", h.enabled());
                if (!h.enabled()) {
                    g.writeStringField("disabled_reason", h.disabledReason());
                }
                g.writeNumberField("rows", h.summary().rows());
                g.writeStringField("first", h.summary().first().map(Times::format).orElse(null));
                g.writeStringField("last", h.summary().last().map(Times::format).orElse(null));
                g.writeStringField("expected_newest", Times.format(h.expectedNewest()));
                g.writeNumberField("lag_seconds", h.lag().toSeconds());
                if (h.summary().lastFetch().isPresent()) {
                    FetchRecord f = h.summary().lastFetch().get();
                    g.writeObjectFieldStart("last_fetch");
                    g.writeStringField("at", Times.format(f.fetchedAt()));
                    g.writeStringField("outcome", f.succeeded() ? "ok" : f.failure().name());
                    g.writeStringField("message", f.message());
                    g.writeNumberField("http_status", f.httpStatus());
                    g.writeNumberField("rows_inserted", f.rowsInserted());
                    g.writeNumberField("rows_updated", f.rowsUpdated());
                    g.writeNumberField("rows_unchanged", f.rowsUnchanged());
                    g.writeEndObject();
                }
                g.writeNumberField("open_gap_ranges", h.gaps().size());
                g.writeNumberField("open_gap_intervals", h.gapPoints());
                if (!h.schemaDrift().isEmpty()) {
                    g.writeStringField("schema_drift", h.schemaDrift());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
        out.flush();
    }
}
