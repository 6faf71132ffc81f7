package dev.pmp.app;

import dev.pmp.engine.archive.RawArchive;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.spi.Batch;
import dev.pmp.spi.Column;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pmp import}: migrates a CSV kept by another tool (such as the old cron job's
 * {@code bess_catalog.csv}) into a dataset. Columns are matched by name; a column named
 * {@code timestamp} stands for the dataset's time column and must carry a UTC offset. Rows are upserted,
 * so importing twice changes nothing; a value that differs from the stored one becomes a revision.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a CSV (header row; columns named as the dataset's, or 'timestamp' with a UTC offset).")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "DATASET")
    String datasetId;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file.")
    Path csv;

    @Override
    public Integer call() throws Exception {
        AppSettings settings = main.settings();
        try (Pmp pmp = Pmp.open(settings, main.clock, "pmp import")) {
            Dataset d = pmp.catalog().dataset(datasetId);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(csv);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage());
            }
            List<Row> rows;
            try {
                rows = read(d, new String(bytes, StandardCharsets.UTF_8));
                Pipeline.validate(d, rows);
            } catch (SourceException e) {
                main.err.println("pmp import: " + csv + ": " + e.getMessage() + "; nothing was imported");
                return ExitCodes.BAD_DATA;
            }
            pmp.store().prepare(d);
            Instant now = main.clock.instant();
            Window span = rows.isEmpty() ? Window.of(now, Duration.ofSeconds(1))
                    : new Window(rows.get(0).instant(0), rows.get(rows.size() - 1).instant(0).plus(d.cadence()));
            FetchRecord record = new FetchRecord(UUID.randomUUID().toString(), d.id(), span,
                    csv.toAbsolutePath().toUri().toString(), now, 0, bytes.length, RawArchive.sha256(bytes), null,
                    Duration.ZERO, 0, 0, 0, null, "import");
            WriteResult r = pmp.store().write(new Batch(d, record, rows, List.of(), now));
            main.out.println("imported " + rows.size() + " rows into " + d.id() + ": inserted " + r.inserted()
                    + ", updated " + r.updated() + ", unchanged " + r.unchanged());
            main.out.flush();
            return ExitCodes.OK;
        }
    }

    /** Reads the CSV into rows of the dataset's schema, sorted by time; identical repeated lines are merged. */
    static List<Row> read(Dataset d, String text) throws SourceException {
        List<Column> cols = d.schema().columns();
        String timeColumn = cols.get(0).name();
        List<String> lines = new BufferedReader(new java.io.StringReader(text)).lines()
                .filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new SourceException(dev.pmp.spi.Failure.BAD_DATA, "the file is empty");
        }
        String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
        int[] map = new int[cols.size()];
        java.util.Arrays.fill(map, -1);
        for (int h = 0; h < header.length; h++) {
            String name = header[h].trim();
            if (name.equals("timestamp")) {
                name = timeColumn;
            }
            int idx = d.schema().indexOf(name);
            if (idx < 0) {
                throw new SourceException(dev.pmp.spi.Failure.BAD_DATA, "column '" + header[h].trim()
                        + "' is not in " + d.id() + " (" + String.join(", ", d.schema().columnNames()) + ")");
            }
            map[idx] = h;
        }
        for (int i = 0; i < cols.size(); i++) {
            if (map[i] < 0 && !cols.get(i).nullable()) {
                throw new SourceException(dev.pmp.spi.Failure.BAD_DATA, "required column " + cols.get(i).name() + " is missing");
            }
        }
        List<Row> rows = new ArrayList<>(lines.size());
        for (int n = 1; n < lines.size(); n++) {
            String[] cells = lines.get(n).split(",", -1);
            Object[] values = new Object[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                if (map[i] < 0) {
                    continue;
                }
                String cell = map[i] < cells.length ? cells[map[i]].trim() : "";
                try {
                    values[i] = cell.isEmpty() ? null : value(cols.get(i).type(), cell);
                } catch (RuntimeException e) {
                    throw new SourceException(dev.pmp.spi.Failure.BAD_DATA, "line " + (n + 1) + ", column "
                            + cols.get(i).name() + ": cannot read '" + cell + "' as " + cols.get(i).type()
                            + (cols.get(i).type() == ColumnType.TIMESTAMP ? " with a UTC offset" : ""));
                }
            }
            rows.add(Row.of(values));
        }
        rows.sort(Comparator.comparing(r -> r.instant(0)));
        // Identical repeated lines are merged; differing rows for one key are left for validation to reject.
        List<Row> merged = new ArrayList<>(new LinkedHashSet<>(rows));
        return merged;
    }

    private static Object value(ColumnType type, String cell) {
        return switch (type) {
            case TIMESTAMP -> Times.parseWithOffset(cell);
            case DATE -> LocalDate.parse(cell);
            case DOUBLE -> Double.valueOf(Double.parseDouble(cell));
            case BIGINT -> Long.valueOf(Long.parseLong(cell));
            case VARCHAR -> cell;
            case BOOLEAN -> parseBoolean(cell);
        };
    }

    private static Boolean parseBoolean(String cell) {
        return switch (cell.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "y", "yes", "1" -> Boolean.TRUE;
            case "false", "n", "no", "0" -> Boolean.FALSE;
            default -> throw new DateTimeParseException("not a boolean", cell, 0);
        };
    }
}
