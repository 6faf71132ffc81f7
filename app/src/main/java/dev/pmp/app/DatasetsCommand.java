package dev.pmp.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmp.engine.catalog.Catalog;
import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pmp datasets}: every dataset with cadence, zone, operator reference and whether it is enabled. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List every dataset with its cadence, market zone, operator reference and status.")
final class DatasetsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--markdown", description = "Print the dataset reference (docs/datasets.md) as Markdown.")
    boolean markdown;

    @Override
    public Integer call() throws IOException {
        AppSettings settings = main.settings();
        Catalog catalog = Catalog.load();
        if (markdown) {
            main.out.print(DatasetDocs.markdown(catalog));
            main.out.flush();
            return ExitCodes.OK;
        }
        Map<String, Catalog.Configured> all = catalog.configure(settings);
        if (json) {
            try (JsonGenerator g = new JsonFactory().createGenerator(main.out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (Catalog.Configured c : all.values()) {
                    Dataset d = c.dataset();
                    g.writeStartObject();
                    g.writeStringField("id", d.id());
                    g.writeStringField("title", d.title());
                    g.writeStringField("operator_reference", d.operatorReference());
                    g.writeStringField("time_shape", d.timeShape().name());
                    g.writeStringField("access", d.access().name());
                    g.writeStringField("cadence", d.cadence().toString());
                    g.writeStringField("poll_interval", d.pollInterval().toString());
                    g.writeStringField("market_zone", d.marketZone().getId());
                    g.writeStringField("publication_delay", d.publicationDelay().toString());
                    g.writeStringField("earliest", d.earliest().toString());
                    g.writeStringField("source_retention", d.sourceRetention().map(Object::toString).orElse(null));
                    g.writeBooleanField("revisable", d.revisable());
                    g.writeBooleanField("enabled", c.enabled());
                    if (!c.enabled()) {
                        g.writeStringField("disabled_reason", c.disabledReason());
                    }
                    g.writeArrayFieldStart("natural_key");
                    for (String k : d.schema().naturalKey()) {
                        g.writeString(k);
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("columns");
                    for (Column col : d.schema().columns()) {
                        g.writeStartObject();
                        g.writeStringField("name", col.name());
                        g.writeStringField("type", col.type().name());
                        g.writeStringField("unit", col.unit());
                        g.writeStringField("description", col.description());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            main.out.println();
            main.out.flush();
            return ExitCodes.OK;
        }
        main.out.printf("%-40s %-8s %-16s %-9s %s%n", "DATASET", "CADENCE", "ZONE", "STATUS", "OPERATOR REFERENCE");
        for (Catalog.Configured c : all.values()) {
            Dataset d = c.dataset();
            main.out.printf("%-40s %-8s %-16s %-9s %s%n", d.id(), Durations.brief(d.cadence()), d.marketZone().getId(),
                    c.enabled() ? "enabled" : "disabled", d.operatorReference());
            if (!c.enabled()) {
                main.out.println("    disabled: " + c.disabledReason());
            }
        }
        main.out.flush();
        return ExitCodes.OK;
    }
}
