package dev.pmp.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmp.lake.ParquetWriter;
import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Row;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pmp export}: a dataset's rows as CSV, JSON or Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a dataset's rows as CSV, JSON or Parquet to --out or standard output.",
            "Only data goes to standard output; messages go to standard error."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "DATASET")
    String datasetId;

    @Option(names = "--from", paramLabel = "T", description = "Start, inclusive (default: everything).")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End, exclusive (default: everything).")
    String to;

    @Option(names = "--format", paramLabel = "csv|json|parquet", defaultValue = "csv",
            description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!List.of("csv", "json", "parquet").contains(format)) {
            throw new IllegalArgumentException("--format must be csv, json or parquet, not " + format);
        }
        AppSettings settings = main.settings();
        long rows;
        try (Pmp pmp = Pmp.open(settings, main.clock, "pmp export")) {
            Dataset d = pmp.catalog().dataset(datasetId);
            pmp.store().prepare(d);
            Instant start = from == null ? Instant.parse("1990-01-01T00:00:00Z") : Times.parse(from, d.marketZone());
            Instant end = to == null ? Instant.parse("2200-01-01T00:00:00Z") : Times.parse(to, d.marketZone());
            Window window = new Window(start, end);
            StoreView view = pmp.store().view();
            if (format.equals("parquet")) {
                Path target = out != null ? out : Files.createTempFile("pmp-export-", ".parquet");
                try {
                    rows = ParquetWriter.write(d, view, window, target);
                    if (out == null) {
                        Files.copy(target, main.out);
                        main.out.flush();
                    }
                } finally {
                    if (out == null) {
                        Files.deleteIfExists(target);
                    }
                }
            } else {
                OutputStream os = out != null ? Files.newOutputStream(out) : new NonClosing(main.out);
                try (OutputStream buffered = new BufferedOutputStream(os, 1 << 16)) {
                    rows = format.equals("csv") ? csv(d, view, window, buffered) : json(d, view, window, buffered);
                }
            }
        }
        main.err.println("pmp export: " + rows + " rows of " + datasetId + (out != null ? " to " + out : ""));
        return ExitCodes.OK;
    }

    private static long csv(Dataset d, StoreView view, Window window, OutputStream os) throws Exception {
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        w.write(String.join(",", d.schema().columnNames()));
        w.write('\n');
        long[] count = {0};
        List<Column> cols = d.schema().columns();
        view.scan(d, window, row -> {
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write(csvCell(text(row, i)));
            }
            w.write('\n');
            count[0]++;
        });
        w.flush();
        return count[0];
    }

    private static long json(Dataset d, StoreView view, Window window, OutputStream os) throws Exception {
        long[] count = {0};
        List<Column> cols = d.schema().columns();
        try (JsonGenerator g = new JsonFactory().createGenerator(os)) {
            g.writeStartArray();
            view.scan(d, window, row -> {
                g.writeRaw('\n');
                g.writeStartObject();
                for (int i = 0; i < cols.size(); i++) {
                    Object v = row.get(i);
                    g.writeFieldName(cols.get(i).name());
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Double x) {
                        g.writeNumber(Times.number(x));
                    } else if (v instanceof Long x) {
                        g.writeNumber(x);
                    } else if (v instanceof Boolean x) {
                        g.writeBoolean(x);
                    } else {
                        g.writeString(text(row, i));
                    }
                }
                g.writeEndObject();
                count[0]++;
            });
            g.writeRaw('\n');
            g.writeEndArray();
            g.writeRaw('\n');
        }
        return count[0];
    }

    /** A value as export text: times ISO-8601 UTC, numbers as published, empty for null. */
    static String text(Row row, int i) {
        Object v = row.get(i);
        if (v == null) {
            return "";
        }
        if (v instanceof Instant t) {
            return Times.format(t);
        }
        if (v instanceof Double x) {
            return Times.number(x);
        }
        if (v instanceof LocalDate date) {
            return date.toString();
        }
        return v.toString();
    }

    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Standard output must stay open after an export writes to it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
