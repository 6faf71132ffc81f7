package dev.pmp.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmp.lake.ParquetWriter;
import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Row;
import dev.pmp.spi.StandardTable;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pmp export}: a dataset's rows as CSV, JSON or Parquet, or a standard table's ({@code lmp},
 * {@code as_prices}, {@code load}, {@code fuel_mix}) rows filtered by ISO, market, location, ... as CSV or JSON.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a dataset's rows as CSV, JSON or Parquet to --out or standard output.",
            "Only data goes to standard output; messages go to standard error."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "DATASET|TABLE",
            description = "A dataset id, or a standard table: lmp, as_prices, load, fuel_mix.")
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

    @Option(names = "--iso", paramLabel = "ISO", description = "Standard tables only: the operator (ERCOT, CAISO, ...).")
    String iso;

    @Option(names = "--market", paramLabel = "M", description = "lmp, as_prices only: DAM, RT5M, RT15M, RTH or HASP.")
    String market;

    @Option(names = "--location", paramLabel = "NAME", description = "lmp only: the location (hub, zone or node name).")
    String location;

    @Option(names = "--area", paramLabel = "NAME", description = "load only: the area.")
    String area;

    @Option(names = "--product", paramLabel = "NAME", description = "as_prices only: the product.")
    String product;

    @Option(names = "--fuel", paramLabel = "NAME", description = "fuel_mix only: the fuel.")
    String fuel;

    @Override
    public Integer call() throws Exception {
        if (!List.of("csv", "json", "parquet").contains(format)) {
            throw new IllegalArgumentException("--format must be csv, json or parquet, not " + format);
        }
        AppSettings settings = main.settings();
        Optional<StandardTable> standard = Arrays.stream(StandardTable.values())
                .filter(t -> t.tableName().equals(datasetId)).findFirst();
        if (standard.isPresent()) {
            return exportStandard(settings, standard.get());
        }
        if (iso != null || market != null || location != null || area != null || product != null || fuel != null) {
            throw new IllegalArgumentException("--iso, --market, --location, --area, --product and --fuel filter the"
                    + " standard tables (lmp, as_prices, load, fuel_mix), not a dataset");
        }
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

    /** A standard table, filtered, ordered by time then the other columns, read over SQL. */
    private int exportStandard(AppSettings settings, StandardTable table) throws Exception {
        if (format.equals("parquet")) {
            throw new IllegalArgumentException("the standard tables export as csv or json; for Parquet use"
                    + " pmp lake sync, or pmp query with COPY in DuckDB");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("iso", iso == null ? null : iso.toUpperCase(Locale.ROOT));
        filters.put("market", market == null ? null : market.toUpperCase(Locale.ROOT));
        filters.put("location", location);
        filters.put("area", area);
        filters.put("product", product);
        filters.put("fuel", fuel);
        List<String> columns = table.columns().stream().map(Column::name).toList();
        StringBuilder sql = new StringBuilder("SELECT * FROM " + table.tableName() + " WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<String, String> f : filters.entrySet()) {
            if (f.getValue() == null) {
                continue;
            }
            if (!columns.contains(f.getKey())) {
                throw new IllegalArgumentException("--" + f.getKey() + " does not apply to " + table.tableName()
                        + " (columns: " + String.join(", ", columns) + ")");
            }
            sql.append(" AND ").append(f.getKey()).append(" = ?");
            parameters.add(f.getValue());
        }
        if (from != null) {
            sql.append(" AND interval_start_utc >= ?");
            parameters.add(sqlInstant(settings, Times.parse(from, java.time.ZoneOffset.UTC)));
        }
        if (to != null) {
            sql.append(" AND interval_start_utc < ?");
            parameters.add(sqlInstant(settings, Times.parse(to, java.time.ZoneOffset.UTC)));
        }
        sql.append(" ORDER BY ").append(String.join(", ", columns));
        java.io.PrintStream target = out == null ? main.out
                : new java.io.PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8);
        int rows;
        try {
            rows = QueryCommand.print(settings, sql.toString(), parameters, format, target);
        } finally {
            if (out != null) {
                target.close();
            }
        }
        main.err.println("pmp export: " + rows + " rows of " + table.tableName() + (out != null ? " to " + out : ""));
        return ExitCodes.OK;
    }

    /** An instant as the store's driver binds it: DuckDB keeps UTC wall time, PostgreSQL timestamptz. */
    private static Object sqlInstant(AppSettings settings, Instant t) {
        return settings.postgres() ? t.atOffset(java.time.ZoneOffset.UTC)
                : java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC);
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
