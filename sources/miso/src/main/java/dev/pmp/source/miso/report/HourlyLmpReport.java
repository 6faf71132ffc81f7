package dev.pmp.source.miso.report;

import dev.pmp.source.miso.Coverage;
import dev.pmp.source.miso.LmpLocation;
import dev.pmp.source.miso.MisoSettings;
import dev.pmp.source.miso.MisoTime;
import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A MISO hourly LMP market report, one CSV per market day ({@code {YYYYMMDD}_da_expost_lmp.csv},
 * {@code {YYYYMMDD}_rt_lmp_final.csv}): a title line, the date line {@code MM/dd/yyyy}, a blank line, an
 * EST notice, then the header {@code Node,Type,Value,HE 1..HE 24} and three rows per node ({@code LMP},
 * {@code MCC}, {@code MLC}). HE n covers {@code [day 00:00 EST + (n−1) h, + 1 h)}; EST has no DST, so
 * every day has exactly 24 hours. A window longer than one day is read one file after the other
 * ({@link Parsed#next()}). Immutable and thread-safe.
 */
public final class HourlyLmpReport implements Feed {

    static final Duration CADENCE = Duration.ofHours(1);

    /**
     * How long after its market day a report that still answers 404 is taken as never published: the day
     * becomes a source gap instead of "not yet".
     */
    public static final Duration MISSING_AFTER = Duration.ofDays(30);

    /** The first market day backfilled. */
    static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);

    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> VALUES = List.of("LMP", "MCC", "MLC");

    /** Day-ahead ex-post LMPs ({@code _da_expost_lmp.csv}). */
    public static final Dataset DAY_AHEAD = dataset("miso.lmp_day_ahead_hourly",
            "MISO day-ahead ex-post LMPs (hourly market report)", "da_expost_lmp.csv", Duration.ZERO);

    /** Real-time final LMPs ({@code _rt_lmp_final.csv}). */
    public static final Dataset REAL_TIME = dataset("miso.lmp_real_time_hourly",
            "MISO real-time final hourly LMPs (market report)", "rt_lmp_final.csv",
            // Assumed: the preliminary file is kept about 4 days, the final one follows it.
            Duration.ofDays(5));

    private final Dataset dataset;
    private final String suffix;
    private final String title;
    private final MisoSettings settings;
    private final boolean hubsOnly;

    private HourlyLmpReport(Dataset dataset, String suffix, String title, MisoSettings settings) {
        this.dataset = dataset;
        this.suffix = suffix;
        this.title = title;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hubsOnly = settings.locations() == MisoSettings.LmpLocations.HUBS;
    }

    /** The feed of {@link #DAY_AHEAD}. */
    public static HourlyLmpReport dayAhead(MisoSettings settings) {
        return new HourlyLmpReport(DAY_AHEAD, "da_expost_lmp.csv", "Day Ahead Market ExPost LMPs", settings);
    }

    /** The feed of {@link #REAL_TIME}. */
    public static HourlyLmpReport realTime(MisoSettings settings) {
        return new HourlyLmpReport(REAL_TIME, "rt_lmp_final.csv", "Realtime Market LMPs", settings);
    }

    private static Dataset dataset(String id, String title, String suffix, Duration delay) {
        return new Dataset(id, title, MisoSettings.DEFAULT_REPORTS_BASE + "/{YYYYMMDD}_" + suffix,
                Schema.builder(TimeShape.INTERVAL)
                        .key("location", ColumnType.VARCHAR, "MISO Node: pricing node name")
                        .value("location_type", ColumnType.VARCHAR, "", "from MISO Type: hub (Hub), load_zone "
                                + "(Loadzone), interface (Interface), node (Gennode)")
                        .value("lmp", ColumnType.DOUBLE, "$/MWh", "MISO LMP row")
                        .value("energy", ColumnType.DOUBLE, "$/MWh", "LMP - MCC - MLC (not published)")
                        .value("congestion", ColumnType.DOUBLE, "$/MWh", "MISO MCC row: marginal congestion")
                        .value("loss", ColumnType.DOUBLE, "$/MWh", "MISO MLC row: marginal loss")
                        .build(),
                TimeShape.INTERVAL,
                Access.WINDOWED,
                CADENCE,
                MisoTime.EST,
                delay,
                Duration.ofDays(1),
                EARLIEST,
                Optional.empty(),
                false,
                Duration.ofDays(1));
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    /** The file of the EST market day holding the window's start. */
    @Override
    public FetchRequest request(Window window) {
        return request(MisoTime.marketDay(window.start()));
    }

    /** The file name of one market day ({@code 20261001_da_expost_lmp.csv}). */
    public String fileName(LocalDate day) {
        return FILE_DAY.format(day) + "_" + suffix;
    }

    private FetchRequest request(LocalDate day) {
        return new FetchRequest(settings.report(fileName(day)), Map.of("Accept", "text/csv"));
    }

    /**
     * A file still answering 404 {@link HourlyLmpReport#MISSING_AFTER} after it was due was never posted: the
     * engine records its day as a source gap instead of asking for it on every pass.
     */
    @Override
    public Optional<Duration> absentAfter() {
        return Optional.of(MISSING_AFTER);
    }

    /**
     * Rows of one market day: one per hour and kept node (hubs only unless
     * {@link MisoSettings#LMP_LOCATIONS} is {@code all}). A cell that is not a number, or a node row repeated
     * with other values, quarantines its hour; identical repeats are merged. Covers the file's day less the
     * quarantined hours. When the window reaches past the day, {@link Parsed#next()} asks for the next day.
     * A 404 never reaches the feed: the engine reports it as not published, and {@link #absentAfter()} turns
     * an old one into a source gap.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for an HTML page, a cut-off file, a date line that is
     *     not the requested day, a missing required column, a row of the wrong width or a node without all
     *     three of LMP, MCC and MLC
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        LocalDate day = dayOf(response, window);
        String file = fileName(day);
        Window dayWindow = new Window(MisoTime.startOfDay(day), MisoTime.startOfDay(day.plusDays(1)));
        Optional<FetchRequest> next = dayWindow.end().isBefore(window.end())
                ? Optional.of(request(day.plusDays(1))) : Optional.empty();
        Table table = read(response.body(), file, day);
        return new Parsed(table.rows(), table.covered(), table.quarantined(), table.notes(), next);
    }

    /** The day named by the answered file, or the window's day when the URI names none. */
    private LocalDate dayOf(FetchResponse response, Window window) {
        String path = response.uri().getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (name.length() > 9 && name.charAt(8) == '_') {
            try {
                return LocalDate.parse(name.substring(0, 8), FILE_DAY);
            } catch (DateTimeParseException e) {
                return MisoTime.marketDay(window.start());
            }
        }
        return MisoTime.marketDay(window.start());
    }

    private record Table(List<Row> rows, List<Window> covered, List<Quarantine> quarantined, List<String> notes) {
    }

    /** One node's rows: values[v][h] for v in LMP, MCC, MLC; null until seen. */
    private static final class Node {
        final String type;
        final double[][] values = new double[3][];

        Node(String type) {
            this.type = type;
        }
    }

    private Table read(byte[] body, String file, LocalDate day) throws SourceException {
        String text = new String(body, StandardCharsets.UTF_8);
        String stripped = text.stripLeading();
        if (stripped.isEmpty()) {
            throw new SourceException(Failure.BAD_DATA, file + ": the file is empty");
        }
        if (stripped.charAt(0) == '<') {
            throw new SourceException(Failure.BAD_DATA, file + ": the body is an HTML page, not the CSV report");
        }
        if (!text.endsWith("\n")) {
            throw new SourceException(Failure.BAD_DATA, file + ": the file does not end with a line break; it was "
                    + "cut off");
        }
        List<String> lines = text.lines().toList();
        List<String> notes = new ArrayList<>();
        if (!lines.get(0).strip().replace(",", "").equalsIgnoreCase(title)) {
            notes.add(file + ": title line is \"" + lines.get(0).strip() + "\", expected \"" + title + "\"");
        }
        checkDate(lines, file, day);
        int headerAt = -1;
        for (int i = 0; i < lines.size() && headerAt < 0; i++) {
            if (firstCell(lines.get(i)).equals("Node")) {
                headerAt = i;
            }
        }
        if (headerAt < 0) {
            throw new SourceException(Failure.BAD_DATA, file + ": no header line starting with Node");
        }
        String[] header = cells(lines.get(headerAt));
        int[] col = columns(header, file, notes);
        Map<String, Node> nodes = new LinkedHashMap<>();
        TreeMap<Integer, String> badHours = new TreeMap<>();
        Set<String> unknownTypes = new LinkedHashSet<>();
        Set<String> unknownValues = new LinkedHashSet<>();
        int repeats = 0;
        for (int i = headerAt + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] c = cells(line);
            int lineNo = i + 1;
            if (c.length != header.length) {
                throw new SourceException(Failure.BAD_DATA, file + ": line " + lineNo + " has " + c.length
                        + " cells, the header has " + header.length);
            }
            String name = c[col[0]].strip();
            String type = c[col[1]].strip();
            int v = VALUES.indexOf(c[col[2]].strip());
            if (v < 0) {
                unknownValues.add(c[col[2]].strip());
                continue;
            }
            String locationType = LmpLocation.ofReportType(type);
            if (locationType == null) {
                unknownTypes.add(type);
                locationType = "node";
            }
            if (hubsOnly && !locationType.equals("hub")) {
                continue;
            }
            double[] hours = new double[24];
            for (int h = 0; h < 24; h++) {
                String cell = c[col[3 + h]].strip();
                Double d = number(cell);
                if (d == null) {
                    badHours.putIfAbsent(h, file + ": line " + lineNo + " (" + name + " " + VALUES.get(v) + ") HE "
                            + (h + 1) + " is \"" + cell + "\", not a number");
                    hours[h] = Double.NaN;
                } else {
                    hours[h] = d;
                }
            }
            String finalType = locationType;
            Node node = nodes.computeIfAbsent(name, k -> new Node(finalType));
            double[] earlier = node.values[v];
            if (earlier == null) {
                node.values[v] = hours;
            } else {
                repeats++;
                for (int h = 0; h < 24; h++) {
                    if (Double.compare(earlier[h], hours[h]) != 0) {
                        badHours.putIfAbsent(h, file + ": line " + lineNo + " repeats " + name + " " + VALUES.get(v)
                                + " with another HE " + (h + 1) + " value (" + earlier[h] + " and " + hours[h] + ")");
                    }
                }
            }
        }
        if (repeats > 0) {
            notes.add(file + ": " + repeats + " node row(s) repeated; identical hours kept once");
        }
        if (!unknownTypes.isEmpty()) {
            notes.add(file + ": node types MISO did not publish before, stored as node: " + unknownTypes);
        }
        if (!unknownValues.isEmpty()) {
            notes.add(file + ": Value rows this reader does not know, ignored: " + unknownValues);
        }
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            for (int v = 0; v < 3; v++) {
                if (e.getValue().values[v] == null) {
                    throw new SourceException(Failure.BAD_DATA, file + ": node " + e.getKey() + " has no "
                            + VALUES.get(v) + " row; the file is incomplete");
                }
            }
        }
        Instant dayStart = MisoTime.startOfDay(day);
        List<Row> rows = new ArrayList<>(nodes.size() * 24);
        List<Quarantine> quarantined = new ArrayList<>();
        List<Instant> holes = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant start = dayStart.plus(CADENCE.multipliedBy(h));
            Instant end = start.plus(CADENCE);
            if (badHours.containsKey(h)) {
                quarantined.add(new Quarantine(new Window(start, end), nodes.size(), badHours.get(h)
                        + "; hour held back"));
                holes.add(start);
                continue;
            }
            for (Map.Entry<String, Node> e : nodes.entrySet()) {
                double[][] x = e.getValue().values;
                rows.add(Row.of(start, end, e.getKey(), e.getValue().type, x[0][h],
                        LmpLocation.energy(x[0][h], x[1][h], x[2][h]), x[1][h], x[2][h]));
            }
        }
        if (nodes.isEmpty()) {
            notes.add(file + ": no " + (hubsOnly ? "hub " : "") + "rows; the day is stored as a source gap");
        }
        Window whole = new Window(dayStart, MisoTime.startOfDay(day.plusDays(1)));
        return new Table(rows, Coverage.minus(whole, holes, CADENCE), quarantined, notes);
    }

    private static void checkDate(List<String> lines, String file, LocalDate day) throws SourceException {
        String line = lines.size() > 1 ? firstCell(lines.get(1)) : "";
        LocalDate stated;
        try {
            stated = MisoTime.monthDayYearSlash(line);
        } catch (DateTimeParseException e) {
            throw new SourceException(Failure.BAD_DATA, file + ": line 2 is \"" + line + "\", expected the market "
                    + "day as MM/dd/yyyy");
        }
        if (!stated.equals(day)) {
            throw new SourceException(Failure.BAD_DATA, file + ": the report states market day " + stated
                    + ", not the requested " + day);
        }
    }

    /** Positions of Node, Type, Value, HE 1 .. HE 24. */
    private static int[] columns(String[] header, String file, List<String> notes) throws SourceException {
        List<String> names = Arrays.stream(header).map(String::strip).toList();
        List<String> wanted = new ArrayList<>(List.of("Node", "Type", "Value"));
        for (int h = 1; h <= 24; h++) {
            wanted.add("HE " + h);
        }
        int[] col = new int[wanted.size()];
        for (int i = 0; i < wanted.size(); i++) {
            col[i] = names.indexOf(wanted.get(i));
            if (col[i] < 0) {
                throw new SourceException(Failure.BAD_DATA, file + ": the header has no column " + wanted.get(i)
                        + " (columns: " + names + ")");
            }
        }
        List<String> extra = new ArrayList<>(names);
        extra.removeAll(wanted);
        extra.removeIf(String::isEmpty);
        if (!extra.isEmpty()) {
            notes.add(file + ": columns this reader does not know, ignored: " + extra);
        }
        return col;
    }

    private static String firstCell(String line) {
        int comma = line.indexOf(',');
        return (comma < 0 ? line : line.substring(0, comma)).strip();
    }

    /** The comma-separated cells of a line (the report quotes nothing). */
    private static String[] cells(String line) {
        List<String> out = new ArrayList<>(27);
        int from = 0;
        int comma;
        while ((comma = line.indexOf(',', from)) >= 0) {
            out.add(line.substring(from, comma));
            from = comma + 1;
        }
        out.add(line.substring(from));
        return out.toArray(new String[0]);
    }

    /** A report number ({@code .61}, {@code -.79}, {@code 27.17}), or null. */
    private static Double number(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != '-' && ch != '+' && ch != 'E' && ch != 'e') {
                return null;
            }
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
