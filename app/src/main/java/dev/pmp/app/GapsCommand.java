package dev.pmp.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pmp gaps}: missing intervals as ranges with counts and kind. */
@Command(name = "gaps", mixinStandardHelpOptions = true,
        description = {"Missing intervals of a dataset as ranges, with counts and kind:",
            "MISSING (never fetched: pmp fills these) or SOURCE_GAP (fetched, but the operator published nothing)."})
final class GapsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "DATASET")
    String datasetId;

    @Option(names = "--from", paramLabel = "T", description = "Start (default: the start of the ledger). ISO instant, or date/date-time in market time.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End, exclusive (default: what should be published by now).")
    String to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AppSettings settings = main.settings();
        try (Pmp pmp = Pmp.open(settings, main.clock, "pmp gaps")) {
            Dataset d = pmp.catalog().dataset(datasetId);
            pmp.store().prepare(d);
            Ledger ledger = new Ledger(pmp.store().view());
            Instant end = to != null ? Times.parse(to, d.marketZone()) : Pipeline.expectedEnd(d, main.clock.instant());
            Instant start;
            if (from != null) {
                start = Times.parse(from, d.marketZone());
            } else {
                Instant earliest = d.earliest().atStartOfDay(d.marketZone()).toInstant();
                Optional<Instant> s = earliest.isBefore(end) ? ledger.start(d, new Window(earliest, end)) : Optional.empty();
                start = s.orElse(end);
            }
            List<Gap> gaps = start.isBefore(end) ? ledger.gaps(d, new Window(start, end)) : List.of();
            print(d, start, end, gaps);
        }
        return ExitCodes.OK;
    }

    private void print(Dataset d, Instant start, Instant end, List<Gap> gaps) throws java.io.IOException {
        if (json) {
            try (JsonGenerator g = new JsonFactory().createGenerator(main.out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("dataset", d.id());
                g.writeStringField("from", Times.format(start));
                g.writeStringField("to", Times.format(end));
                g.writeNumberField("intervals_missing", gaps.stream().mapToInt(Gap::points).sum());
                g.writeArrayFieldStart("gaps");
                for (Gap gap : gaps) {
                    g.writeStartObject();
                    g.writeStringField("from", Times.format(gap.window().start()));
                    g.writeStringField("to", Times.format(gap.window().end()));
                    g.writeNumberField("intervals", gap.points());
                    g.writeStringField("kind", gap.kind().name());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            main.out.println();
        } else {
            main.out.println(d.id() + " from " + Times.format(start) + " to " + Times.format(end) + ": "
                    + gaps.size() + " gaps, " + gaps.stream().mapToInt(Gap::points).sum() + " intervals");
            for (Gap gap : gaps) {
                main.out.printf("%s  %s  %6d  %s%n", Times.format(gap.window().start()), Times.format(gap.window().end()),
                        gap.points(), gap.kind());
            }
        }
        main.out.flush();
    }
}
