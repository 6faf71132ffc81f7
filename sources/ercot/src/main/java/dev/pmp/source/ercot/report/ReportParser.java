package dev.pmp.source.ercot.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.source.ercot.report.ErcotReport.Binding;
import dev.pmp.source.ercot.report.ErcotReport.Role;
import dev.pmp.source.ercot.time.ErcotTime;
import dev.pmp.source.ercot.time.LabelClock;
import dev.pmp.source.ercot.time.LabelClock.Flag;
import dev.pmp.source.ercot.time.LabelClock.Style;
import dev.pmp.spi.Failure;
import dev.pmp.spi.NaturalKeys;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an ERCOT report (archive CSV or Public API JSON page) into rows of its dataset. Columns are
 * found by name (trimmed, ignoring case, spaces and underscores); a column the report neither maps nor lists
 * as known-but-not-kept is schema drift, reported in {@link ReportRows#unknownColumns()} and a note with the
 * rows kept; a missing required one is an error, a missing optional one leaves its column null. Every row is checked
 * (numbers finite, labels valid, one row per natural key) and any failing row fails the whole file with
 * its file and line: nothing is dropped silently. Stateless; call from any thread.
 */
public final class ReportParser {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int MAX_LISTED = 20;
    private static final long SCED_MARK = 300;

    private ReportParser() {
    }

    /**
     * Parses one archive CSV (header line first).
     *
     * @param file the file's name, used in messages
     * @throws SourceException {@link Failure#BAD_DATA} for a malformed line, a missing required column or
     *     any invalid row, naming file and line
     */
    public static ReportRows parseCsv(ErcotReport report, String file, byte[] csv) throws SourceException {
        return parseCsv(report, file, csv, new StringCache());
    }

    /**
     * Parses the postings of one report one after another (the members of a bundle), decoding each text
     * value (settlement point names) once for all of them instead of once per file. One thread.
     */
    public static final class Postings {
        private final ErcotReport report;
        private final StringCache strings = new StringCache();

        public Postings(ErcotReport report) {
            this.report = java.util.Objects.requireNonNull(report, "report");
        }

        /** {@link ReportParser#parseCsv} of one posting. */
        public ReportRows parse(String file, byte[] csv) throws SourceException {
            return parseCsv(report, file, csv, strings);
        }
    }

    private static ReportRows parseCsv(ErcotReport report, String file, byte[] csv, StringCache strings)
            throws SourceException {
        CsvRecords records = new CsvRecords(csv);
        try {
            if (!records.next()) {
                throw new SourceException(Failure.BAD_DATA, file + ": empty file, no header line");
            }
            List<String> header = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                header.add(records.text(i));
            }
            boolean headerless = isHeaderless(report, header);
            Builder b = new Builder(report, file, headerless ? report.headerlessColumns() : header, strings);
            if (headerless) {
                b.notes.add(file + ": no header line; columns read by position as " + report.headerlessColumns());
                b.add(records, records.line());
            }
            while (records.next()) {
                b.add(records, records.line());
            }
            return b.finish();
        } catch (IllegalArgumentException e) {
            throw new SourceException(Failure.BAD_DATA, file + " " + e.getMessage(), e);
        }
    }

    /**
     * Whether a file of {@code report} starts with a data line instead of its header: the report documents a
     * headerless column order (COP files of Sep-Dec 2014) and the first cell is a date.
     */
    private static boolean isHeaderless(ErcotReport report, List<String> first) {
        if (report.headerlessColumns().isEmpty() || first.size() != report.headerlessColumns().size()) {
            return false;
        }
        byte[] cell = first.get(0).strip().getBytes(StandardCharsets.US_ASCII);
        try {
            Ascii.date(cell, 0, cell.length);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Parses one Public API query page ({@code fields} + {@code data}, in either order; {@code _meta} read
     * for paging into {@link ReportRows#page()} and {@link ReportRows#pages()}; other members skipped).
     * Flags arrive as JSON booleans, numbers unquoted.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for a payload that is not such a page or any
     *     invalid row, naming {@code data[i]}
     */
    public static ReportRows parseApiPage(ErcotReport report, String file, byte[] json) throws SourceException {
        List<String> fields = null;
        List<byte[][]> data = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long[] paging = new long[2];
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SourceException(Failure.BAD_DATA, file + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "fields" -> fields = fields(p, file);
                    case "data" -> data(p, file, data);
                    case "_meta" -> meta(p, notes, paging);
                    default -> p.skipChildren();
                }
                if (t == null) {
                    break;
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new SourceException(Failure.BAD_DATA, file + ": truncated or trailing content");
            }
        } catch (IOException e) {
            throw new SourceException(Failure.BAD_DATA, file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (fields == null) {
            throw new SourceException(Failure.BAD_DATA, file + ": no \"fields\" array");
        }
        try {
            Builder b = new Builder(report, file, fields, new StringCache());
            b.notes.addAll(notes);
            JsonCells cells = new JsonCells();
            for (int i = 0; i < data.size(); i++) {
                cells.values = data.get(i);
                if (cells.values.length != fields.size()) {
                    throw new IllegalArgumentException("data[" + i + "] has " + cells.values.length + " values, fields has "
                            + fields.size());
                }
                b.add(cells, i);
            }
            ReportRows rows = b.finish();
            return new ReportRows(rows.rows(), rows.notes(), paging[0], paging[1], rows.unknownColumns());
        } catch (IllegalArgumentException e) {
            throw new SourceException(Failure.BAD_DATA, file + " " + e.getMessage(), e);
        }
    }

    /**
     * Checks that every series (the key without time) has a whole day of intervals on each operating day
     * it appears on: 24 hours (23 on the spring-forward day, 25 on the fall-back day), or 96 (92, 100)
     * 15-minute intervals. Apply to rows known to span complete days; SCED datasets have no fixed count.
     *
     * @return one sentence per incomplete or overfull series-day, empty when all are complete
     */
    public static List<String> incompleteDays(ErcotReport report, List<Row> rows) {
        Duration cadence = report.style().duration();
        if (cadence.isZero()) {
            return List.of();
        }
        Schema schema = report.dataset().schema();
        List<Integer> keys = new ArrayList<>();
        for (String k : schema.naturalKey()) {
            if (!k.equals("interval_start_utc")) {
                keys.add(schema.indexOf(k));
            }
        }
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (Row r : rows) {
            List<Object> series = new ArrayList<>();
            series.add(r.instant(0).atZone(ErcotTime.ZONE).toLocalDate());
            for (int k : keys) {
                series.add(r.get(k));
            }
            counts.merge(series, 1, Integer::sum);
        }
        List<String> problems = new ArrayList<>();
        long perHour = Duration.ofHours(1).dividedBy(cadence);
        counts.forEach((series, n) -> {
            LocalDate day = (LocalDate) series.get(0);
            long expected = ErcotTime.hours(day) * perHour;
            if (n != expected) {
                problems.add(series + ": " + n + " intervals, a complete day has " + expected);
            }
        });
        problems.sort(null);
        return problems;
    }

    private static List<String> fields(JsonParser p, String file) throws IOException, SourceException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new SourceException(Failure.BAD_DATA, file + ": \"fields\" is not an array");
        }
        List<String> names = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("name") && p.currentToken() == JsonToken.VALUE_STRING) {
                    name = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (name == null) {
                throw new SourceException(Failure.BAD_DATA, file + ": fields[" + names.size() + "] has no name");
            }
            names.add(name);
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new SourceException(Failure.BAD_DATA, file + ": fields[" + names.size() + "] is not an object");
        }
        return names;
    }

    private static void data(JsonParser p, String file, List<byte[][]> out) throws IOException, SourceException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new SourceException(Failure.BAD_DATA, file + ": \"data\" is not an array");
        }
        List<byte[]> row = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            row.clear();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new SourceException(Failure.BAD_DATA, file + ": data[" + out.size() + "] is truncated");
                }
                row.add(switch (t) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText().getBytes(StandardCharsets.UTF_8);
                    case VALUE_TRUE -> new byte[] {'Y'};
                    case VALUE_FALSE -> new byte[] {'N'};
                    case VALUE_NULL -> new byte[0];
                    default -> throw new SourceException(Failure.BAD_DATA, file + ": data[" + out.size()
                            + "] holds a nested " + t + ", expected plain values");
                });
            }
            out.add(row.toArray(new byte[0][]));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new SourceException(Failure.BAD_DATA, file + ": data[" + out.size() + "] is not an array");
        }
    }

    private static void meta(JsonParser p, List<String> notes, long[] paging) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        long currentPage = 0;
        long totalPages = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (key.equals("currentPage") && p.currentToken().isNumeric()) {
                currentPage = p.getLongValue();
            } else if (key.equals("totalPages") && p.currentToken().isNumeric()) {
                totalPages = p.getLongValue();
            } else {
                p.skipChildren();
            }
        }
        paging[0] = currentPage;
        paging[1] = totalPages;
        if (currentPage < totalPages) {
            notes.add("page " + currentPage + " of " + totalPages + ": more pages follow");
        }
    }

    /** A JSON row's values, as the bytes of their text (flags as Y/N). */
    private static final class JsonCells implements Cells {
        byte[][] values;

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public byte[] bytes(int i) {
            return values[i];
        }

        @Override
        public int start(int i) {
            byte[] v = values[i];
            int s = 0;
            while (s < v.length && v[s] == ' ') {
                s++;
            }
            return s;
        }

        @Override
        public int end(int i) {
            byte[] v = values[i];
            int e = v.length;
            while (e > 0 && v[e - 1] == ' ') {
                e--;
            }
            return Math.max(e, start(i));
        }
    }

    /** Builds the rows of one file. One thread. */
    private static final class Builder implements LabelClock.Sink {
        final ErcotReport report;
        final String file;
        final Schema schema;
        final LabelClock clock;
        final List<String> notes = new ArrayList<>();
        final List<String> unknownColumns = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final int width;
        final boolean interval;
        final Duration duration;
        // per header position: the role and schema index of the cell, or null for an unknown column
        final Role[] roles;
        final int[] targets;
        final int headerSize;
        int dateCell = -1;
        int hourCell = -1;
        int intervalCell = -1;
        int stampCell = -1;
        int flagCell = -1;
        final int[] textTargets;
        final int locationColumn;
        final int scedColumn;
        final int locationSource;
        final List<Object[]> values = new ArrayList<>();
        int[] lines = new int[1024];
        final StringCache strings;
        byte[] lastDateBytes = new byte[10];
        int lastDateLength = -1;
        LocalDate lastDate;
        Instant lastStart;
        Instant lastEnd;

        Builder(ErcotReport report, String file, List<String> header, StringCache strings) {
            this.report = report;
            this.strings = strings;
            this.file = file;
            this.schema = report.dataset().schema();
            this.clock = new LabelClock(report.style());
            this.width = schema.width();
            this.interval = report.dataset().timeShape().timeColumns().size() == 2;
            this.duration = report.style().duration();
            this.headerSize = header.size();
            this.roles = new Role[headerSize];
            this.targets = new int[headerSize];
            Map<String, Binding> byName = new HashMap<>();
            for (Binding b : report.bindings()) {
                for (String n : b.names()) {
                    byName.put(n, b);
                }
            }
            Set<Binding> found = new HashSet<>();
            List<String> unknown = new ArrayList<>();
            List<Integer> texts = new ArrayList<>();
            boolean anyValue = false;
            for (int i = 0; i < headerSize; i++) {
                String name = header.get(i);
                Binding b = byName.get(ErcotReport.normalise(name));
                if (b == null) {
                    if (!report.isNotKept(name)) {
                        unknown.add(name.strip());
                    }
                    continue;
                }
                if (!found.add(b)) {
                    throw new IllegalArgumentException("line 1: column " + name.strip() + " maps to a column seen before");
                }
                roles[i] = b.role();
                targets[i] = b.column() == null ? -1 : schema.indexOf(b.column());
                switch (b.role()) {
                    case DATE -> dateCell = i;
                    case HOUR_ENDING, DELIVERY_HOUR, TIME_ENDING -> hourCell = i;
                    case DELIVERY_INTERVAL -> intervalCell = i;
                    case SCED_TIMESTAMP -> stampCell = i;
                    case FLAG -> flagCell = i;
                    case TEXT -> {
                        // The series a row belongs to (for files without a DST flag) is its key, not its values.
                        if (!schema.columns().get(targets[i]).nullable()) {
                            texts.add(targets[i]);
                        }
                    }
                    case NUMBER -> anyValue = true;
                    case INTEGER -> {
                        // an attribute of the row (SMNE Interval Number), not a value column
                    }
                }
            }
            List<String> missing = new ArrayList<>();
            for (Binding b : report.bindings()) {
                if (b.required() && !found.contains(b)) {
                    missing.add(b.names().get(0));
                }
            }
            if (!missing.isEmpty() || !anyValue) {
                throw new IllegalArgumentException("line 1: " + (missing.isEmpty() ? "no value column"
                        : "missing column(s) " + String.join(", ", missing)) + " for " + report.reportId()
                        + "; header is " + header);
            }
            unknownColumns.addAll(unknown);
            if (!unknown.isEmpty()) {
                String listed = unknown.size() <= MAX_LISTED ? String.join(", ", unknown)
                        : String.join(", ", unknown.subList(0, MAX_LISTED)) + " and " + (unknown.size() - MAX_LISTED) + " more";
                notes.add(file + ": column(s) " + listed + " not known for " + report.reportId() + "; ignored, rows kept");
            }
            this.textTargets = texts.stream().mapToInt(Integer::intValue).toArray();
            this.locationColumn = report.locationTypeColumn();
            this.scedColumn = schema.indexOf(ErcotReport.SCED_TIME);
            this.locationSource = locationColumn < 0 ? -1 : schema.indexOf("settlement_point");
        }

        void add(Cells cells, int line) {
            if (cells.size() != headerSize) {
                throw new IllegalArgumentException("line " + line + ": " + cells.size() + " fields, the header has "
                        + headerSize);
            }
            int slot = values.size();
            Object[] row = new Object[width];
            values.add(row);
            if (slot == lines.length) {
                lines = Arrays.copyOf(lines, slot * 2);
            }
            lines[slot] = line;
            try {
                for (int i = 0; i < headerSize; i++) {
                    Role r = roles[i];
                    if (r == Role.TEXT) {
                        if (cells.isEmpty(i)) {
                            if (!schema.columns().get(targets[i]).nullable()) {
                                throw new IllegalArgumentException(schema.columns().get(targets[i]).name() + " is empty");
                            }
                            continue;
                        }
                        row[targets[i]] = strings.get(cells.bytes(i), cells.start(i), cells.end(i));
                    } else if (r == Role.NUMBER) {
                        if (cells.isEmpty(i)) {
                            if (!schema.columns().get(targets[i]).nullable()) {
                                throw new IllegalArgumentException(schema.columns().get(targets[i]).name() + " is empty");
                            }
                            continue;
                        }
                        row[targets[i]] = Ascii.number(cells.bytes(i), cells.start(i), cells.end(i));
                    } else if (r == Role.INTEGER && !cells.isEmpty(i)) {
                        row[targets[i]] = (long) Ascii.integer(cells.bytes(i), cells.start(i), cells.end(i));
                    }
                }
                if (locationColumn >= 0) {
                    row[locationColumn] = ErcotReport.locationType((String) row[locationSource]);
                }
                Instant start = place(cells, slot, row);
                if (start != null) {
                    placed(slot, start);
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                problem(slot, e.getMessage());
            }
        }

        private Instant place(Cells c, int slot, Object[] row) {
            Flag flag = Flag.ABSENT;
            if (flagCell >= 0) {
                flag = Ascii.flag(c.bytes(flagCell), c.start(flagCell), c.end(flagCell)) ? Flag.REPEATED : Flag.NOT_REPEATED;
            }
            LocalDate day;
            int second;
            if (report.style() == Style.SCED || report.style() == Style.END_STAMP) {
                byte[] b = c.bytes(stampCell);
                int s = c.start(stampCell);
                int e = c.end(stampCell);
                second = Ascii.secondOfDay(b, s, e);
                day = date(b, s, s + 10);
            } else {
                day = date(c.bytes(dateCell), c.start(dateCell), c.end(dateCell));
                byte[] b = c.bytes(hourCell);
                int s = c.start(hourCell);
                int e = c.end(hourCell);
                second = switch (report.style()) {
                    case HOUR_ENDING -> {
                        int he = Ascii.hourEnding(b, s, e);
                        if (he < 1 || he > 25) {
                            throw new IllegalArgumentException("hour ending " + he + " is outside 1..25");
                        }
                        yield (he - 1) * 3600;
                    }
                    case DELIVERY_INTERVAL -> {
                        int h = Ascii.integer(b, s, e);
                        int k = Ascii.integer(c.bytes(intervalCell), c.start(intervalCell), c.end(intervalCell));
                        if (h < 1 || h > 25 || k < 1 || k > 4) {
                            throw new IllegalArgumentException("delivery hour " + h + " interval " + k
                                    + " is outside hours 1..25, intervals 1..4");
                        }
                        yield (h - 1) * 3600 + (k - 1) * 900;
                    }
                    case TIME_ENDING -> Ascii.minutes(b, s, e) * 60;
                    case SCED, END_STAMP -> throw new AssertionError("stamps are read above");
                };
            }
            Object series = flag == Flag.ABSENT ? series(row) : null;
            return clock.place(slot, day, second, flag, series);
        }

        private Object series(Object[] row) {
            List<Object> s = new ArrayList<>(textTargets.length);
            for (int t : textTargets) {
                s.add(row[t]);
            }
            return s;
        }

        private LocalDate date(byte[] b, int s, int e) {
            if (e - s == lastDateLength && Ascii.equals(b, s, e, lastDateBytes, 0, lastDateLength)) {
                return lastDate;
            }
            LocalDate d = Ascii.date(b, s, e);
            lastDateBytes = Arrays.copyOfRange(b, s, e);
            lastDateLength = e - s;
            lastDate = d;
            return d;
        }

        @Override
        public void placed(int slot, Instant start) {
            Object[] row = values.get(slot);
            if (scedColumn >= 0) {
                // UTC offsets are whole hours, so the 5-minute mark in UTC is the local one.
                row[scedColumn] = start;
                long s = start.getEpochSecond();
                row[0] = Instant.ofEpochSecond(s - Math.floorMod(s, SCED_MARK));
                return;
            }
            row[0] = start;
            if (interval) {
                // Rows of one interval follow each other: share one end instant instead of one per row.
                if (!start.equals(lastStart)) {
                    lastStart = start;
                    lastEnd = start.plus(duration);
                }
                row[1] = lastEnd;
            }
        }

        @Override
        public void problem(int slot, String message) {
            problems.add("line " + lines[slot] + ": " + message);
        }

        ReportRows finish() {
            clock.finish(this);
            int[] keyColumns = schema.naturalKey().stream().mapToInt(schema::indexOf).toArray();
            List<Row> rows = new ArrayList<>(values.size());
            int[] slotOf = new int[values.size()];
            for (int slot = 0; slot < values.size(); slot++) {
                Object[] v = values.get(slot);
                if (v[0] != null) {
                    slotOf[rows.size()] = slot;
                    rows.add(Row.of(v));
                }
            }
            NaturalKeys keys = new NaturalKeys(rows, keyColumns,
                    schema.indexOf(report.dataset().timeShape().gridColumn()));
            for (int i = 0; i < rows.size(); i++) {
                if (keys.addOrFind(i) >= 0) {
                    int slot = slotOf[i];
                    problems.add("line " + lines[slot] + ": a second row for " + describe(values.get(slot), keyColumns));
                }
            }
            if (!problems.isEmpty()) {
                problems.sort(ReportParser::byLine);
                List<String> listed = problems.subList(0, Math.min(MAX_LISTED, problems.size()));
                String more = problems.size() > MAX_LISTED ? "; and " + (problems.size() - MAX_LISTED) + " more" : "";
                throw new IllegalArgumentException(problems.size() + " bad row(s) in " + report.reportId() + ": "
                        + String.join("; ", listed) + more);
            }
            return new ReportRows(rows, notes, 0, 0, unknownColumns);
        }

        private String describe(Object[] v, int[] keyColumns) {
            StringBuilder b = new StringBuilder();
            for (int k : keyColumns) {
                b.append(b.length() == 0 ? "" : ", ").append(schema.columns().get(k).name()).append('=').append(v[k]);
            }
            return b.toString();
        }
    }

    private static int byLine(String a, String b) {
        return Integer.compare(lineOf(a), lineOf(b));
    }

    private static int lineOf(String problem) {
        int space = problem.indexOf(':');
        try {
            return Integer.parseInt(problem.substring(5, space));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
