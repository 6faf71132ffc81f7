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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * MISO's weekly final real-time 5-minute LMPs ({@code {YYYYMMDD}_5MIN_LMP.zip}): the file dated Monday M
 * holds the week Monday M−14 to Sunday M−8 (EST). Inside, one CSV: four preamble lines, the header
 * {@code MKTHOUR_EST,PNODENAME,LMP,CON_LMP,LOSS_LMP}, one line per 5-minute interval (start, EST) and node,
 * then a disclaimer footer. No file was recorded; this reader follows the documented layout (shared MISO
 * README section 3.2). Read as a stream, byte by byte, keeping hubs only unless
 * {@link MisoSettings#LMP_LOCATIONS} is {@code all} (a week of every node is some 14 million lines).
 * Immutable and thread-safe.
 */
public final class WeeklyFiveMinuteLmp implements Feed {

    static final Duration CADENCE = Duration.ofMinutes(5);
    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter MKTHOUR = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");
    private static final List<String> REQUIRED = List.of("MKTHOUR_EST", "PNODENAME", "LMP", "CON_LMP", "LOSS_LMP");
    private static final byte[] HUB = ".HUB".getBytes(StandardCharsets.US_ASCII);

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "miso.lmp_real_time_5min_final",
            "MISO real-time final 5-minute LMPs (weekly market report, hubs by default)",
            MisoSettings.DEFAULT_REPORTS_BASE + "/{YYYYMMDD}_5MIN_LMP.zip",
            Schema.builder(TimeShape.INTERVAL)
                    .key("location", ColumnType.VARCHAR, "MISO PNODENAME: pricing node")
                    .value("location_type", ColumnType.VARCHAR, "", "hub for *.HUB nodes, otherwise node")
                    .value("lmp", ColumnType.DOUBLE, "$/MWh", "MISO LMP")
                    .value("energy", ColumnType.DOUBLE, "$/MWh", "LMP - CON_LMP - LOSS_LMP (not published)")
                    .value("congestion", ColumnType.DOUBLE, "$/MWh", "MISO CON_LMP: congestion component")
                    .value("loss", ColumnType.DOUBLE, "$/MWh", "MISO LOSS_LMP: loss component")
                    .build(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            CADENCE,
            MisoTime.EST,
            // The week's last day is published 8 days later, its first 14 days later.
            Duration.ofDays(15),
            Duration.ofDays(7),
            // The only availability claim is "2024-present" (battalion-energy, unverified).
            LocalDate.of(2024, 1, 1),
            Optional.empty(),
            false,
            Duration.ofDays(7));

    private final MisoSettings settings;
    private final boolean hubsOnly;

    public WeeklyFiveMinuteLmp(MisoSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hubsOnly = settings.locations() == MisoSettings.LmpLocations.HUBS;
    }

    @Override
    public Dataset dataset() {
        return DATASET;
    }

    /** The Monday starting the EST week that holds {@code day}. */
    static LocalDate weekOf(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    /** The file holding the week that starts on Monday {@code week}: dated two weeks later. */
    public static String fileName(LocalDate week) {
        return FILE_DAY.format(week.plusDays(14)) + "_5MIN_LMP.zip";
    }

    /** The file of the week holding the window's start. */
    @Override
    public FetchRequest request(Window window) {
        return request(weekOf(MisoTime.marketDay(window.start())));
    }

    private FetchRequest request(LocalDate week) {
        return new FetchRequest(settings.report(fileName(week)), Map.of("Accept", "application/zip"));
    }

    /**
     * Rows of the file's week. A price that is not a number, or a node listed twice in an interval with
     * other prices, quarantines the interval; an interval outside the file's week is bad data. Covers the
     * week less the quarantined intervals (intervals without a kept node are source gaps). Footer lines
     * with fewer cells than the header are skipped and noted. Asks for the next week's file while the window
     * reaches past this week.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for a body that is not a complete zip, an empty zip,
     *     a missing header column, a row of the wrong width or a time outside the week
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        LocalDate week = weekOf(MisoTime.marketDay(window.start()));
        String path = response.uri().getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (name.length() > 8) {
            try {
                week = LocalDate.parse(name.substring(0, 8), FILE_DAY).minusDays(14);
            } catch (DateTimeParseException e) {
                // Not a dated file name (a proxy's URL): keep the window's week.
            }
        }
        String file = fileName(week);
        Window weekWindow = new Window(MisoTime.startOfDay(week), MisoTime.startOfDay(week.plusDays(7)));
        Optional<FetchRequest> next = weekWindow.end().isBefore(window.end())
                ? Optional.of(request(week.plusDays(7))) : Optional.empty();
        byte[] body = response.body();
        if (body.length < 4 || body[0] != 'P' || body[1] != 'K') {
            throw new SourceException(Failure.BAD_DATA, file + ": the body is not a zip archive"
                    + (body.length > 0 && body[0] == '<' ? " but an HTML page" : ""));
        }
        Reader reader = new Reader(file, weekWindow, hubsOnly);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null) {
                throw new SourceException(Failure.BAD_DATA, file + ": the zip archive holds no file");
            }
            reader.read(zip);
            if (zip.getNextEntry() != null) {
                reader.notes.add(file + ": the archive holds more than one file; read only " + entry.getName());
            }
        } catch (IOException e) {
            throw new SourceException(Failure.BAD_DATA, file + ": the zip archive is damaged or cut off ("
                    + e.getMessage() + ")", e);
        }
        return reader.result(next);
    }

    /** Reads one CSV stream; used by one parse call only. */
    private static final class Reader {
        final String file;
        final Window week;
        final boolean hubsOnly;
        final List<String> notes = new ArrayList<>();
        final Map<String, Instant> times = new HashMap<>();
        final Map<String, String> names = new HashMap<>();
        final TreeMap<Instant, Map<String, double[]>> intervals = new TreeMap<>();
        final TreeMap<Instant, String> bad = new TreeMap<>();
        int[] col;
        int width;
        int footer;

        Reader(String file, Window week, boolean hubsOnly) {
            this.file = file;
            this.week = week;
            this.hubsOnly = hubsOnly;
        }

        void read(InputStream in) throws IOException, SourceException {
            byte[] buf = new byte[1 << 16];
            byte[] line = new byte[256];
            int len = 0;
            int lineNo = 0;
            int n;
            boolean ended = true;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        lineNo++;
                        line(line, len, lineNo);
                        len = 0;
                        ended = true;
                    } else {
                        if (len == line.length) {
                            line = java.util.Arrays.copyOf(line, len * 2);
                        }
                        line[len++] = b;
                        ended = false;
                    }
                }
            }
            if (!ended) {
                lineNo++;
                line(line, len, lineNo);
            }
            if (col == null) {
                throw new SourceException(Failure.BAD_DATA, file + ": no header line starting with MKTHOUR_EST");
            }
        }

        private void line(byte[] line, int length, int lineNo) throws SourceException {
            int len = length;
            while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ')) {
                len--;
            }
            if (len == 0) {
                return;
            }
            if (col == null) {
                String[] cells = split(line, len);
                if (cells[0].strip().equals("MKTHOUR_EST")) {
                    header(cells);
                }
                return;
            }
            int[] at = commas(line, len);
            if (at.length + 1 != width) {
                if (at.length + 1 < REQUIRED.size()) {
                    footer++;
                    return;
                }
                throw new SourceException(Failure.BAD_DATA, file + ": line " + lineNo + " has " + (at.length + 1)
                        + " cells, the header has " + width);
            }
            if (footer > 0) {
                throw new SourceException(Failure.BAD_DATA, file + ": line " + lineNo + " holds data after the footer");
            }
            int nodeFrom = start(at, col[1]);
            int nodeTo = end(at, col[1], len);
            boolean hub = endsWith(line, nodeFrom, nodeTo, HUB);
            if (hubsOnly && !hub) {
                time(line, at, len, lineNo);
                return;
            }
            Instant t = time(line, at, len, lineNo);
            String node = names.computeIfAbsent(new String(line, nodeFrom, nodeTo - nodeFrom, StandardCharsets.US_ASCII)
                    .strip(), k -> k);
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                int c = col[2 + k];
                String cell = new String(line, start(at, c), end(at, c, len) - start(at, c), StandardCharsets.US_ASCII)
                        .strip();
                try {
                    v[k] = Double.parseDouble(cell);
                    if (!Double.isFinite(v[k])) {
                        throw new NumberFormatException(cell);
                    }
                } catch (NumberFormatException e) {
                    bad.putIfAbsent(t, file + ": line " + lineNo + " (" + node + "): " + REQUIRED.get(2 + k) + " \""
                            + cell + "\" is not a number");
                    return;
                }
            }
            double[] earlier = intervals.computeIfAbsent(t, k -> new LinkedHashMap<>()).putIfAbsent(node, v);
            if (earlier != null && !java.util.Arrays.equals(earlier, v)) {
                bad.putIfAbsent(t, file + ": line " + lineNo + " repeats " + node + " with other prices");
            }
        }

        private Instant time(byte[] line, int[] at, int len, int lineNo) throws SourceException {
            String text = new String(line, start(at, col[0]), end(at, col[0], len) - start(at, col[0]),
                    StandardCharsets.US_ASCII).strip();
            Instant t = times.get(text);
            if (t == null) {
                try {
                    t = MisoTime.instant(LocalDateTime.parse(text, MKTHOUR));
                } catch (DateTimeParseException e) {
                    throw new SourceException(Failure.BAD_DATA, file + ": line " + lineNo + ": MKTHOUR_EST \"" + text
                            + "\" is not MM/dd/yyyy HH:mm");
                }
                if (!week.contains(t)) {
                    throw new SourceException(Failure.BAD_DATA, file + ": line " + lineNo + ": " + text
                            + " EST is outside the file's week " + week);
                }
                times.put(text, t);
            }
            return t;
        }

        private void header(String[] cells) throws SourceException {
            List<String> names = java.util.Arrays.stream(cells).map(String::strip).toList();
            col = new int[REQUIRED.size()];
            for (int i = 0; i < REQUIRED.size(); i++) {
                col[i] = names.indexOf(REQUIRED.get(i));
                if (col[i] < 0) {
                    throw new SourceException(Failure.BAD_DATA, file + ": the header has no column " + REQUIRED.get(i)
                            + " (columns: " + names + ")");
                }
            }
            width = cells.length;
            if (width > REQUIRED.size()) {
                List<String> extra = new ArrayList<>(names);
                extra.removeAll(REQUIRED);
                notes.add(file + ": columns this reader does not know, ignored: " + extra);
            }
        }

        Parsed result(Optional<FetchRequest> next) {
            if (footer > 0) {
                notes.add(file + ": " + footer + " footer line(s) skipped");
            }
            List<Quarantine> quarantined = new ArrayList<>();
            for (Map.Entry<Instant, String> b : bad.entrySet()) {
                Map<String, double[]> held = intervals.remove(b.getKey());
                quarantined.add(new Quarantine(Window.of(b.getKey(), CADENCE), held == null ? 1 : held.size() + 1,
                        b.getValue() + "; interval held back"));
            }
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<Instant, Map<String, double[]>> e : intervals.entrySet()) {
                Instant start = e.getKey();
                Instant end = start.plus(CADENCE);
                e.getValue().forEach((node, v) -> rows.add(Row.of(start, end, node,
                        node.endsWith(".HUB") ? "hub" : "node", v[0], LmpLocation.energy(v[0], v[1], v[2]), v[1], v[2])));
            }
            if (times.isEmpty()) {
                notes.add(file + ": no data line; the week is stored as a source gap");
            }
            return new Parsed(rows, Coverage.minus(week, bad.keySet(), CADENCE), quarantined, notes, next);
        }
    }

    private static int[] commas(byte[] line, int len) {
        int count = 0;
        for (int i = 0; i < len; i++) {
            if (line[i] == ',') {
                count++;
            }
        }
        int[] at = new int[count];
        int k = 0;
        for (int i = 0; i < len; i++) {
            if (line[i] == ',') {
                at[k++] = i;
            }
        }
        return at;
    }

    private static int start(int[] commas, int cell) {
        return cell == 0 ? 0 : commas[cell - 1] + 1;
    }

    private static int end(int[] commas, int cell, int len) {
        return cell < commas.length ? commas[cell] : len;
    }

    private static boolean endsWith(byte[] line, int from, int to, byte[] suffix) {
        int end = to;
        while (end > from && line[end - 1] == ' ') {
            end--;
        }
        if (end - from < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (line[end - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String[] split(byte[] line, int len) {
        String text = new String(line, 0, len, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int from = 0;
        int comma;
        while ((comma = text.indexOf(',', from)) >= 0) {
            out.add(text.substring(from, comma));
            from = comma + 1;
        }
        out.add(text.substring(from));
        return out.toArray(new String[0]);
    }
}
