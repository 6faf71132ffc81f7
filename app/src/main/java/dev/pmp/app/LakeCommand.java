package dev.pmp.app;

import dev.pmp.lake.Lake;
import dev.pmp.lake.SyncReport;
import dev.pmp.spi.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pmp lake}: the Parquet lake of the stored datasets. */
@Command(name = "lake", mixinStandardHelpOptions = true, subcommands = LakeCommand.Sync.class,
        description = "Parquet copies of the stored datasets, partitioned by dataset, year and month.")
final class LakeCommand implements Runnable {
    @ParentCommand
    Main main;

    @Override
    public void run() {
        new CommandLine(this).usage(main.out);
    }

    /** {@code pmp lake sync}: rewrites the partitions whose rows changed since the last sync. */
    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Write each dataset to DIR/dataset=<id>/year=YYYY/month=MM/part.parquet (zstd),",
                "rewriting only the months whose rows changed since the last sync (see _manifest.json)."})
    static final class Sync implements Callable<Integer> {
        @ParentCommand
        LakeCommand lake;

        @Parameters(paramLabel = "DATASET", arity = "0..*", description = "Dataset ids (default: every dataset with rows).")
        List<String> datasets;

        @Option(names = "--to", paramLabel = "DIR", required = true, description = "The lake's folder.")
        Path to;

        @Override
        public Integer call() throws Exception {
            Main main = lake.main;
            Lake target = new Lake(to, main.clock);
            List<SyncReport> reports = new ArrayList<>();
            try (Pmp pmp = Pmp.open(main.settings(), main.clock, "pmp lake sync")) {
                List<Dataset> chosen = new ArrayList<>();
                if (datasets == null || datasets.isEmpty()) {
                    chosen.addAll(pmp.catalog().datasets());
                } else {
                    for (String id : datasets) {
                        chosen.add(pmp.catalog().dataset(id));
                    }
                }
                for (Dataset d : chosen) {
                    pmp.store().prepare(d);
                    if ((datasets == null || datasets.isEmpty()) && pmp.store().view().summary(d).rows() == 0) {
                        continue;
                    }
                    reports.add(target.sync(d, pmp.store().view()));
                }
            }
            for (SyncReport r : reports) {
                main.out.println(r.datasetId() + ": " + r.written() + " partitions written, " + r.unchanged()
                        + " unchanged, " + r.rows() + " rows");
            }
            main.err.println("pmp lake sync: " + reports.size() + " datasets to " + target.root());
            main.out.flush();
            return ExitCodes.OK;
        }
    }
}
