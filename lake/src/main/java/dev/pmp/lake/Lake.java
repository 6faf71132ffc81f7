package dev.pmp.lake;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.DatasetSummary;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private final Path root;
    private final Clock clock;

    /**
     * @param root the lake's folder; created on the first sync
     * @param clock stamps {@code written_at_utc} in the manifests
     */
    public Lake(Path root, Clock clock) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path root() {
        return root;
    }

    /** The folder of one partition. */
    public Path partition(Dataset dataset, YearMonth month) {
        return root.resolve("dataset=" + dataset.id())
                .resolve("year=" + month.getYear())
                .resolve(String.format("month=%02d", month.getMonthValue()));
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
            Path dir = partition(dataset, month);
            Path part = dir.resolve(PART);
            Path manifestFile = dir.resolve(MANIFEST);
            Optional<PartitionManifest> previous = readManifest(manifestFile);
            if (previous.isPresent() && previous.get().checksum().equals(sum) && Files.exists(part)) {
                return new PartitionSync(Outcome.UNCHANGED, writer.rows());
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + PART + ".tmp");
            Files.deleteIfExists(tmp);
            writer.copyTo(tmp);
            moveIntoPlace(tmp, part);
            PartitionManifest manifest = new PartitionManifest(dataset.id(), month.getYear(), month.getMonthValue(),
                    writer.rows(), range[0], range[1], sum, clock.instant());
            Path manifestTmp = dir.resolve("." + MANIFEST + ".tmp");
            Files.writeString(manifestTmp, manifest.toJson(), StandardCharsets.UTF_8);
            moveIntoPlace(manifestTmp, manifestFile);
            return new PartitionSync(Outcome.WRITTEN, writer.rows());
        } catch (SQLException e) {
            throw new IOException("cannot write the Parquet file of " + dataset.id() + " " + month + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of a partition, empty when there is none or it cannot be read (the partition is then rewritten). */
    static Optional<PartitionManifest> readManifest(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PartitionManifest.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
