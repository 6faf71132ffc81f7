package dev.pmp.app;

import dev.pmp.lake.Lake;
import dev.pmp.lake.LakeTarget;
import dev.pmp.lake.ObjectStore;
import dev.pmp.lake.S3Location;
import dev.pmp.lake.S3ObjectStore;
import dev.pmp.lake.S3Settings;
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
@Command(name = "lake", mixinStandardHelpOptions = true, subcommands = {LakeCommand.Sync.class, LakeCommand.Rollup.class},
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

        @Option(names = "--to", paramLabel = "DIR|s3://bucket/prefix", required = true,
                description = "The lake's folder, or an S3 location (PMP_S3_ENDPOINT, PMP_S3_REGION, PMP_S3_PATH_STYLE).")
        String to;

        @Override
        public Integer call() throws Exception {
            Main main = lake.main;
            ObjectStore[] objects = new ObjectStore[1];
            Lake target = lakeAt(main, to, objects);
            List<SyncReport> reports = new ArrayList<>();
            try (Pmp pmp = Pmp.open(main.settings(), main.clock, "pmp lake sync")) {
                for (Dataset d : chosen(pmp, datasets)) {
                    reports.add(target.sync(d, pmp.store().view()));
                }
            }
            for (SyncReport r : reports) {
                main.out.println(r.datasetId() + ": " + r.written() + " partitions written, " + r.unchanged()
                        + " unchanged, " + r.rows() + " rows");
            }
            if (objects[0] != null) {
                objects[0].close();
            }
            main.err.println("pmp lake sync: " + reports.size() + " datasets to " + target.location());
            main.out.flush();
            return ExitCodes.OK;
        }
    }

    /** A lake in a folder or at {@code s3://bucket/prefix}; the object store opened, if any, goes in {@code opened[0]}. */
    static Lake lakeAt(Main main, String to, ObjectStore[] opened) {
        if (!S3Location.isS3(to)) {
            return new Lake(Path.of(to), main.clock);
        }
        try {
            S3Location at = S3Location.parse(to);
            opened[0] = S3ObjectStore.open(S3Settings.from(main.settings()::value), at.bucket());
            return new Lake(LakeTarget.s3(opened[0], at), main.clock);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--to: " + e.getMessage());
        }
    }

    /** {@code pmp lake rollup}: one Parquet file per dataset and year. */
    @Command(name = "rollup", mixinStandardHelpOptions = true,
            description = {"Write DIR/annual/dataset=<id>/year=YYYY/part.parquet (zstd) with a manifest: one file per",
                "dataset and year, rewritten only when the year's rows changed."})
    static final class Rollup implements Callable<Integer> {
        @ParentCommand
        LakeCommand lake;

        @Parameters(paramLabel = "DATASET", arity = "0..*", description = "Dataset ids (default: every dataset with rows).")
        List<String> datasets;

        @Option(names = "--year", paramLabel = "YYYY", required = true, description = "The calendar year (UTC).")
        int year;

        @Option(names = "--to", paramLabel = "DIR|s3://bucket/prefix", required = true,
                description = "The lake's folder, or an S3 location.")
        String to;

        @Override
        public Integer call() throws Exception {
            Main main = lake.main;
            if (year < 1990 || year > 2200) {
                throw new IllegalArgumentException("--year must be a calendar year, not " + year);
            }
            ObjectStore[] objects = new ObjectStore[1];
            Lake target = lakeAt(main, to, objects);
            List<SyncReport> reports = new ArrayList<>();
            try (Pmp pmp = Pmp.open(main.settings(), main.clock, "pmp lake rollup")) {
                for (Dataset d : chosen(pmp, datasets)) {
                    SyncReport r = target.rollup(d, pmp.store().view(), year);
                    if (r.rows() > 0 || (datasets != null && !datasets.isEmpty())) {
                        reports.add(r);
                    }
                }
            } finally {
                if (objects[0] != null) {
                    objects[0].close();
                }
            }
            for (SyncReport r : reports) {
                main.out.println(r.datasetId() + " " + year + ": " + (r.written() > 0 ? "written" : r.rows() == 0
                        ? "no rows" : "unchanged") + ", " + r.rows() + " rows");
            }
            main.err.println("pmp lake rollup: " + reports.size() + " datasets to " + target.location());
            main.out.flush();
            return ExitCodes.OK;
        }
    }

    /** The named datasets, prepared; without names, every dataset that has rows (no table is created for the rest). */
    static List<Dataset> chosen(Pmp pmp, List<String> ids) throws dev.pmp.spi.StoreException {
        List<Dataset> out = new ArrayList<>();
        if (ids == null || ids.isEmpty()) {
            for (Dataset d : pmp.catalog().datasets()) {
                if (pmp.store().view().summary(d).rows() > 0) {
                    out.add(d);
                }
            }
        } else {
            for (String id : ids) {
                out.add(pmp.catalog().dataset(id));
            }
        }
        for (Dataset d : out) {
            pmp.store().prepare(d);
        }
        return out;
    }
}
