package dev.pmp.app;

import dev.pmp.engine.catalog.Catalog;
import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;

/**
 * The dataset reference, {@code docs/datasets.md}, generated from the {@link Dataset} records. The build
 * fails when the committed file differs (see {@code DatasetDocsTest}); regenerate it with
 * {@code ./pmp datasets --markdown > docs/datasets.md}.
 */
final class DatasetDocs {
    private DatasetDocs() {
    }

    static String markdown(Catalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Datasets\n\n");
        sb.append("Generated from the `Dataset` records by `./pmp datasets --markdown`; do not edit by hand.\n");
        sb.append("The build fails when this file is stale.\n\n");
        sb.append("| id | title | cadence | zone | shape | operator reference |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Dataset d : catalog.datasets()) {
            sb.append("| [`").append(d.id()).append("`](#").append(d.id().replace(".", "")).append(") | ")
                    .append(cell(d.title())).append(" | ").append(Durations.brief(d.cadence())).append(" | ")
                    .append(d.marketZone().getId()).append(" | ").append(d.timeShape().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(cell(d.operatorReference())).append(" |\n");
        }
        for (Dataset d : catalog.datasets()) {
            sb.append("\n## ").append(d.id()).append("\n\n");
            sb.append(cell(d.title())).append("\n\n");
            sb.append("- operator reference: ").append(d.operatorReference()).append('\n');
            sb.append("- time shape: ").append(d.timeShape().name().toLowerCase(java.util.Locale.ROOT))
                    .append(", access: ").append(d.access().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
            sb.append("- cadence: ").append(Durations.brief(d.cadence()))
                    .append(d.pollInterval().equals(d.cadence()) ? "" : ", pulled every " + Durations.brief(d.pollInterval()))
                    .append(", market zone: ").append(d.marketZone().getId()).append('\n');
            sb.append("- publication delay: ").append(Durations.brief(d.publicationDelay())).append(", late after a further ")
                    .append(Durations.brief(d.grace())).append('\n');
            sb.append("- earliest date served: ").append(d.earliest()).append(", source keeps: ")
                    .append(d.sourceRetention().map(Durations::brief).orElse("everything")).append('\n');
            sb.append("- revised by the operator: ").append(d.revisable() ? "yes" : "no")
                    .append(", largest window per request: ").append(Durations.brief(d.maxWindow())).append('\n');
            sb.append("- natural key: ").append(String.join(", ", d.schema().naturalKey().stream().map(k -> "`" + k + "`").toList()))
                    .append("\n\n");
            sb.append("| column | type | unit | description |\n|---|---|---|---|\n");
            for (Column c : d.schema().columns()) {
                sb.append("| `").append(c.name()).append("` | ").append(c.type()).append(" | ").append(cell(c.unit()))
                        .append(" | ").append(cell(c.description())).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
