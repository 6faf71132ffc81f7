package dev.pmp.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmp.store.postgres.PostgresLocation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pmp query}: one read-only SQL statement over the store. DuckDB is opened read-only on its own
 * connection (external files off), PostgreSQL runs the statement in a read-only transaction that is
 * always rolled back; either way pmp's store lock is held, like every command that opens the store.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one read-only SQL statement over the store and print its result.",
            "Tables: <source>.<dataset name> (ercot.energy_storage_resources), <...>__revisions, pmp.fetches,",
            "pmp.coverage. A statement that would write is refused (exit 64) and changes nothing."})
final class QueryCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "SQL", description = "One SQL statement.")
    String sql;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    /** How a cell is written: numbers unquoted in JSON and right-aligned in a table. */
    private enum Kind {
        NULL, NUMBER, BOOLEAN, TEXT
    }

    private record Cell(String text, Kind kind) {
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new IllegalArgumentException("--format must be table, csv or json, not " + format);
        }
        String statement = SqlText.singleStatement(sql);
        print(main.settings(), statement, List.of(), format, main.out);
        return ExitCodes.OK;
    }

    /**
     * Runs one statement on a read-only connection (holding the store lock) and prints its result.
     *
     * @param parameters values for the statement's {@code ?} placeholders, in order
     * @param format table, csv or json
     * @return the number of rows printed
     */
    @SuppressWarnings("try") // the lock is held, not used, while the query runs
    static int print(AppSettings settings, String statement, List<Object> parameters, String format, PrintStream out)
            throws Exception {
        List<String> names = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        try (StoreLock lock = Pmp.lock(settings, "pmp query"); Connection c = connect(settings)) {
            try (java.sql.PreparedStatement s = c.prepareStatement(statement)) {
                for (int i = 0; i < parameters.size(); i++) {
                    s.setObject(i + 1, parameters.get(i));
                }
                if (s.execute()) {
                    try (ResultSet rs = s.getResultSet()) {
                        read(rs, names, rows);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalArgumentException(refusal(e));
            } finally {
                if (settings.postgres()) {
                    c.rollback();
                }
            }
        }
        switch (format) {
            case "csv" -> csv(out, names, rows);
            case "json" -> json(out, names, rows);
            default -> table(out, names, rows);
        }
        out.flush();
        return rows.size();
    }

    /** A read-only connection to the store; the caller holds the store lock. */
    private static Connection connect(AppSettings settings) {
        try {
            if (settings.postgres()) {
                PostgresLocation loc = Pmp.postgresLocation(settings);
                Properties p = new Properties();
                if (loc.user() != null) {
                    p.setProperty("user", loc.user());
                }
                if (loc.password() != null) {
                    p.setProperty("password", loc.password());
                }
                Connection c = DriverManager.getConnection(loc.jdbcUrl(), p);
                try {
                    c.setAutoCommit(false);
                    c.setReadOnly(true);
                    try (Statement s = c.createStatement()) {
                        s.execute("SET TRANSACTION READ ONLY");
                        // Takes the snapshot, so the statement cannot switch the transaction back to read-write.
                        s.execute("SELECT 1");
                    }
                    return c;
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
            }
            Path file = settings.duckDbFile().toAbsolutePath();
            if (!Files.exists(file)) {
                throw new ConfigException("no store at " + file + "; run pmp init or pmp update first");
            }
            Properties p = new Properties();
            p.setProperty("duckdb.read_only", "true");
            p.setProperty("enable_external_access", "false");
            return DriverManager.getConnection("jdbc:duckdb:" + file, p);
        } catch (SQLException e) {
            throw new ConfigException("cannot open the store " + settings.storeForDisplay() + " read-only: " + e.getMessage());
        }
    }

    private static String refusal(SQLException e) {
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("read-only") || lower.contains("read only") || lower.contains("readonly")) {
            return "pmp query is read-only; the statement was refused and nothing changed: " + m;
        }
        return "the store refused the statement: " + m;
    }

    private static void read(ResultSet rs, List<String> names, List<List<Cell>> rows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        for (int i = 1; i <= n; i++) {
            names.add(md.getColumnLabel(i));
        }
        while (rs.next()) {
            List<Cell> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(cell(rs, i, md.getColumnType(i), String.valueOf(md.getColumnTypeName(i)).toLowerCase(Locale.ROOT)));
            }
            rows.add(row);
        }
    }

    /** One value as text: times ISO-8601 UTC, doubles as their shortest round-tripping decimal. */
    private static Cell cell(ResultSet rs, int i, int type, String typeName) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) {
            return new Cell("", Kind.NULL);
        }
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz") || typeName.contains("with time zone")) {
            return new Cell(Times.format(rs.getObject(i, OffsetDateTime.class).toInstant()), Kind.TEXT);
        }
        if (type == Types.TIMESTAMP) {
            return new Cell(Times.format(rs.getObject(i, LocalDateTime.class).toInstant(ZoneOffset.UTC)), Kind.TEXT);
        }
        if (v instanceof Double x) {
            return new Cell(Times.number(x), Kind.NUMBER);
        }
        if (v instanceof Float x) {
            return new Cell(Times.number(x.doubleValue()), Kind.NUMBER);
        }
        if (v instanceof java.math.BigDecimal x) {
            return new Cell(x.toPlainString(), Kind.NUMBER);
        }
        if (v instanceof Number x) {
            return new Cell(x.toString(), Kind.NUMBER);
        }
        if (v instanceof Boolean x) {
            return new Cell(x.toString(), Kind.BOOLEAN);
        }
        if (v instanceof byte[] b) {
            return new Cell(HexFormat.of().formatHex(b), Kind.TEXT);
        }
        return new Cell(v.toString(), Kind.TEXT);
    }

    private static void table(PrintStream out, List<String> names, List<List<Cell>> rows) {
        int[] width = new int[names.size()];
        boolean[] right = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            width[i] = names.get(i).length();
            right[i] = !rows.isEmpty();
        }
        for (List<Cell> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).text().length());
                right[i] &= row.get(i).kind() == Kind.NUMBER || row.get(i).kind() == Kind.NULL;
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            line.append(i > 0 ? "  " : "").append(pad(names.get(i), width[i], right[i]));
        }
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int i = 0; i < names.size(); i++) {
            line.append(i > 0 ? "  " : "").append("-".repeat(width[i]));
        }
        out.println(line);
        for (List<Cell> row : rows) {
            line.setLength(0);
            for (int i = 0; i < row.size(); i++) {
                line.append(i > 0 ? "  " : "").append(pad(row.get(i).text(), width[i], right[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private static void csv(PrintStream out, List<String> names, List<List<Cell>> rows) {
        out.println(String.join(",", names.stream().map(ExportCommand::csvCell).toList()));
        for (List<Cell> row : rows) {
            out.println(String.join(",", row.stream().map(c -> ExportCommand.csvCell(c.text())).toList()));
        }
    }

    private static void json(PrintStream out, List<String> names, List<List<Cell>> rows) throws java.io.IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        })) {
            g.writeStartArray();
            for (List<Cell> row : rows) {
                g.writeRaw('\n');
                g.writeStartObject();
                for (int i = 0; i < row.size(); i++) {
                    Cell c = row.get(i);
                    g.writeFieldName(names.get(i));
                    switch (c.kind()) {
                        case NULL -> g.writeNull();
                        case NUMBER -> g.writeNumber(c.text());
                        case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(c.text()));
                        case TEXT -> g.writeString(c.text());
                    }
                }
                g.writeEndObject();
            }
            g.writeRaw('\n');
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }
}
