package dev.pmp.lake;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.DatasetSummary;
import dev.pmp.spi.NativeExport;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A folder of Parquet files, one per dataset and UTC month of the grid column:
 * {@code <root>/dataset=<id>/year=YYYY/month=MM/part.parquet}, each with a {@code _manifest.json}. A sync
 * reads every month through {@link StoreView#scan} (so any store works), sums its rows, and rewrites the
 * file only when the sum differs from the manifest's. Files are written under a temporary name and moved
 * into place, so readers never see half a file. Used by one thread at a time.
 */
public final class Lake {
    /** The data file of a partition. */
    public static final String PART = "part.parquet";
    /** The manifest of a partition. */
    public static final String MANIFEST = "_manifest.json";

    private final LakeTarget target;
    private final Clock clock;

    /**
     * @param root the lake's folder; created on the first sync
     * @param clock stamps {@code written_at_utc} in the manifests
     */
    public Lake(Path root, Clock clock) {
        this(LakeTarget.local(root), clock);
    }

    /**
     * @param target where the partitions go: a local folder or an S3 location
     * @param clock stamps {@code written_at_utc} in the manifests
     */
    public Lake(LakeTarget target, Clock clock) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where the lake is. */
    public String location() {
        return target.location();
    }

    /** The folder of one partition of a lake in a local folder. */
    public Path partition(Dataset dataset, YearMonth month) {
        if (!(target instanceof LakeTarget.Local local)) {
            throw new IllegalStateException("the lake at " + target.location() + " is not a local folder");
        }
        return local.root().resolve(partitionDir(dataset, month));
    }

    /** The relative, {@code /}-separated folder of one partition: {@code dataset=<id>/year=YYYY/month=MM}. */
    public static String partitionDir(Dataset dataset, YearMonth month) {
        return "dataset=" + dataset.id() + "/year=" + month.getYear() + String.format("/month=%02d", month.getMonthValue());
    }

    /**
     * Brings the dataset's partitions up to date with the store. Months without rows are left alone
     * (stores never delete rows, so a partition never has to disappear).
     */
    public SyncReport sync(Dataset dataset, StoreView view) throws StoreException, IOException {
        DatasetSummary summary = view.summary(dataset);
        if (summary.first().isEmpty() || summary.last().isEmpty()) {
            return new SyncReport(dataset.id(), 0, 0, 0);
        }
        YearMonth month = YearMonth.from(summary.first().get().atOffset(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(summary.last().get().atOffset(ZoneOffset.UTC));
        int written = 0;
        int unchanged = 0;
        long rows = 0;
        for (; !month.isAfter(last); month = month.plusMonths(1)) {
            PartitionSync p = syncPartition(dataset, view, month);
            rows += p.rows;
            switch (p.outcome) {
                case WRITTEN -> written++;
                case UNCHANGED -> unchanged++;
                case EMPTY -> {
                    // no rows this month: nothing to write or keep
                }
            }
        }
        return new SyncReport(dataset.id(), written, unchanged, rows);
    }

    private enum Outcome {
        WRITTEN, UNCHANGED, EMPTY
    }

    private record PartitionSync(Outcome outcome, long rows) {
    }

    private PartitionSync syncPartition(Dataset dataset, StoreView view, YearMonth month) throws StoreException, IOException {
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return syncSpan(dataset, view, new Window(start, end), partitionDir(dataset, month), month.getYear(),
                month.getMonthValue());
    }

    /**
     * Writes the annual file of {@code year} (UTC): {@code annual/dataset=<id>/year=YYYY/part.parquet} with its
     * manifest ({@code month} 0), the one-file-per-year layout of the old pipeline's rollups; skipped when the
     * year's rows are unchanged since the last rollup.
     */
    public SyncReport rollup(Dataset dataset, StoreView view, int year) throws StoreException, IOException {
        Instant start = java.time.LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        PartitionSync p = syncSpan(dataset, view, new Window(start, end), annualDir(dataset, year), year, 0);
        return new SyncReport(dataset.id(), p.outcome == Outcome.WRITTEN ? 1 : 0, p.outcome == Outcome.UNCHANGED ? 1 : 0,
                p.rows);
    }

    /** The relative folder of an annual file: {@code annual/dataset=<id>/year=YYYY}. */
    public static String annualDir(Dataset dataset, int year) {
        return "annual/dataset=" + dataset.id() + "/year=" + year;
    }

    private PartitionSync syncSpan(Dataset dataset, StoreView view, Window span, String dir, int year, int month)
            throws StoreException, IOException {
        // A store that fingerprints and exports by itself (DuckDB) is asked first: no row leaves it.
        Optional<NativeExport> print = view.fingerprint(dataset, span);
        if (print.isPresent()) {
            Optional<PartitionManifest> previous = readManifest(target.manifest(dir));
            if (previous.isPresent() && previous.get().checksum().equals(print.get().fingerprint()) && target.hasPart(dir)) {
                return new PartitionSync(Outcome.UNCHANGED, print.get().rows());
            }
            Path tmp = target.scratch(dir);
            try {
                Optional<NativeExport> done = view.exportParquet(dataset, span, tmp);
                if (done.isPresent()) {
                    NativeExport e = done.get();
                    PartitionManifest manifest = new PartitionManifest(dataset.id(), year, month, e.rows(), e.first(),
                            e.last(), e.fingerprint(), clock.instant());
                    target.publish(dir, tmp, manifest.toJson());
                    return new PartitionSync(Outcome.WRITTEN, e.rows());
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return syncRows(dataset, view, span, dir, year, month);
    }

    private PartitionSync syncRows(Dataset dataset, StoreView view, Window span, String dir, int year, int month)
            throws StoreException, IOException {
        Instant start = span.start();
        Instant end = span.end();
        RowChecksum checksum = new RowChecksum(dataset);
        Instant[] range = new Instant[2];
        try (ParquetWriter writer = ParquetWriter.open(dataset)) {
            view.scan(dataset, new Window(start, end), row -> {
                checksum.add(row);
                Instant t = row.instant(0);
                range[0] = range[0] == null || t.isBefore(range[0]) ? t : range[0];
                range[1] = range[1] == null || t.isAfter(range[1]) ? t : range[1];
                writer.append(row);
            });
            if (writer.rows() == 0) {
                return new PartitionSync(Outcome.EMPTY, 0);
            }
            String sum = checksum.hex();
            Optional<PartitionManifest> previous = readManifest(target.manifest(dir));
            if (previous.isPresent() && previous.get().checksum().equals(sum) && target.hasPart(dir)) {
                return new PartitionSync(Outcome.UNCHANGED, writer.rows());
            }
            Path tmp = target.scratch(dir);
            try {
                writer.copyTo(tmp);
                PartitionManifest manifest = new PartitionManifest(dataset.id(), year, month,
                        writer.rows(), range[0], range[1], sum, clock.instant());
                target.publish(dir, tmp, manifest.toJson());
            } finally {
                Files.deleteIfExists(tmp);
            }
            return new PartitionSync(Outcome.WRITTEN, writer.rows());
        } catch (SQLException e) {
            throw new IOException("cannot write the Parquet file of " + dataset.id() + " " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of a partition, empty when there is none or it cannot be read (the partition is then rewritten). */
    static Optional<PartitionManifest> readManifest(Optional<String> text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PartitionManifest.parse(text.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
