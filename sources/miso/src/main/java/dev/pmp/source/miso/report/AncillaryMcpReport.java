package dev.pmp.source.miso.report;

import dev.pmp.source.miso.Coverage;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A MISO hourly ancillary service MCP report, one CSV per market day ({@code {YYYYMMDD}_asm_expost_damcp.csv},
 * {@code {YYYYMMDD}_asm_rtmcp_final.csv}). Only the zonal table (the first one) is read: its header holds
 * {@code MCP Type} and {@code HE 1..HE 24} after two unnamed leading columns, the first of which names the
 * reserve zone ({@code Zone 1}: the digits are the zone). The node table that follows a blank line (header
 * starting {@code Pnode}) is not read. No file was recorded; the layout follows the shared MISO README
 * section 3.3 (taken from MISOReports' parser), so anything it does not describe is reported, not guessed:
 * an unknown {@code MCP Type} is kept under its normalised name and noted. Immutable and thread-safe.
 */
public final class AncillaryMcpReport implements Feed {

    static final Duration CADENCE = Duration.ofHours(1);
    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** MISO MCP Type (normalised: lower case, letters and digits only) to the product name stored. */
    static final Map<String, String> PRODUCTS = Map.ofEntries(
            Map.entry("regulation", "regulation"), Map.entry("reg", "regulation"),
            Map.entry("spin", "spinning"), Map.entry("spinning", "spinning"),
            Map.entry("supplemental", "supplemental"), Map.entry("supp", "supplemental"),
            Map.entry("str", "short_term_reserve"), Map.entry("shorttermreserve", "short_term_reserve"),
            Map.entry("rampup", "ramp_up"), Map.entry("rcup", "ramp_up"), Map.entry("rampcapabilityup", "ramp_up"),
            Map.entry("rampdown", "ramp_down"), Map.entry("rcdown", "ramp_down"),
            Map.entry("rampcapabilitydown", "ramp_down"));

    /** Day-ahead ex-post zonal MCPs ({@code _asm_expost_damcp.csv}). */
    public static final Dataset DAY_AHEAD = dataset("miso.as_prices_day_ahead_hourly",
            "MISO day-ahead ex-post ancillary service MCPs by reserve zone (hourly market report)",
            "asm_expost_damcp.csv", Duration.ZERO);

    /** Real-time final zonal hourly MCPs ({@code _asm_rtmcp_final.csv}). */
    public static final Dataset REAL_TIME = dataset("miso.as_prices_real_time_hourly",
            "MISO real-time final ancillary service MCPs by reserve zone (hourly market report)",
            "asm_rtmcp_final.csv", Duration.ofDays(5));

    private final Dataset dataset;
    private final String suffix;
    private final MisoSettings settings;

    private AncillaryMcpReport(Dataset dataset, String suffix, MisoSettings settings) {
        this.dataset = dataset;
        this.suffix = suffix;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The feed of {@link #DAY_AHEAD}. */
    public static AncillaryMcpReport dayAhead(MisoSettings settings) {
        return new AncillaryMcpReport(DAY_AHEAD, "asm_expost_damcp.csv", settings);
    }

    /** The feed of {@link #REAL_TIME}. */
    public static AncillaryMcpReport realTime(MisoSettings settings) {
        return new AncillaryMcpReport(REAL_TIME, "asm_rtmcp_final.csv", settings);
    }

    private static Dataset dataset(String id, String title, String suffix, Duration delay) {
        return new Dataset(id, title, MisoSettings.DEFAULT_REPORTS_BASE + "/{YYYYMMDD}_" + suffix,
                Schema.builder(TimeShape.INTERVAL)
                        .key("reserve_zone", ColumnType.VARCHAR, "MISO reserve zone number (digits of the zone cell)")
                        .key("product", ColumnType.VARCHAR, "from MISO MCP Type: regulation, spinning, supplemental, "
                                + "short_term_reserve, ramp_up, ramp_down; another type under its normalised name")
                        .value("price", ColumnType.DOUBLE, "$/MWh", "market clearing price of the hour ending")
                        .build(),
                TimeShape.INTERVAL,
                Access.WINDOWED,
                CADENCE,
                MisoTime.EST,
                delay,
                Duration.ofDays(1),
                HourlyLmpReport.EARLIEST,
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

    /** The file name of one market day. */
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
        return Optional.of(HourlyLmpReport.MISSING_AFTER);
    }

    /**
     * Rows of the zonal table: one per hour, zone and MCP type. A cell that is not a number, or a zone and
     * type listed twice with another value, quarantines its hour. Covers the day less those hours; pages on
     * to the next day while the window reaches past this one. A 404 is handled by the engine (see
     * {@link #absentAfter()}).
     *
     * @throws SourceException {@link Failure#BAD_DATA} for an HTML page, a cut-off file, a stated day that
     *     is not the requested one, a missing required column, a row of the wrong width or a zone cell without
     *     a number
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        LocalDate day = MisoTime.marketDay(window.start());
        String path = response.uri().getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (name.length() > 9 && name.charAt(8) == '_') {
            try {
                day = LocalDate.parse(name.substring(0, 8), FILE_DAY);
            } catch (DateTimeParseException e) {
                // Not a dated file name (a proxy's URL): keep the window's day.
            }
        }
        String file = fileName(day);
        Window dayWindow = new Window(MisoTime.startOfDay(day), MisoTime.startOfDay(day.plusDays(1)));
        Optional<FetchRequest> next = dayWindow.end().isBefore(window.end())
                ? Optional.of(request(day.plusDays(1))) : Optional.empty();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new SourceException(Failure.BAD_DATA, file + ": the file is empty");
        }
        if (text.stripLeading().startsWith("<")) {
            throw new SourceException(Failure.BAD_DATA, file + ": the body is an HTML page, not the CSV report");
        }
        if (!text.endsWith("\n")) {
            throw new SourceException(Failure.BAD_DATA, file + ": the file does not end with a line break; it was cut off");
        }
        List<String> lines = text.lines().toList();
        List<String> notes = new ArrayList<>();
        int headerAt = -1;
        for (int i = 0; i < lines.size() && headerAt < 0; i++) {
            List<String> cells = cells(lines.get(i));
            if (cells.contains("MCP Type") && !cells.contains("Pnode")) {
                headerAt = i;
            }
            if (headerAt < 0 && !cells.isEmpty()) {
                checkDate(cells.get(0), file, day);
            }
        }
        if (headerAt < 0) {
            throw new SourceException(Failure.BAD_DATA, file + ": no zonal table header with an MCP Type column");
        }
        List<String> header = cells(lines.get(headerAt));
        int type = header.indexOf("MCP Type");
        int[] he = new int[24];
        for (int h = 0; h < 24; h++) {
            he[h] = header.indexOf("HE " + (h + 1));
            if (he[h] < 0) {
                throw new SourceException(Failure.BAD_DATA, file + ": the zonal header has no column HE " + (h + 1)
                        + " (columns: " + header + ")");
            }
        }
        if (type < 1) {
            throw new SourceException(Failure.BAD_DATA, file + ": the zonal header has no unnamed zone column before "
                    + "MCP Type (columns: " + header + ")");
        }
        Map<List<String>, double[]> prices = new LinkedHashMap<>();
        TreeMap<Integer, String> badHours = new TreeMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = headerAt + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                break;
            }
            List<String> c = cells(line);
            int lineNo = i + 1;
            if (c.size() != header.size()) {
                throw new SourceException(Failure.BAD_DATA, file + ": line " + lineNo + " has " + c.size()
                        + " cells, the zonal header has " + header.size());
            }
            String zone = c.get(0).replaceAll("[^0-9]", "");
            if (zone.isEmpty()) {
                throw new SourceException(Failure.BAD_DATA, file + ": line " + lineNo + ": zone cell \"" + c.get(0)
                        + "\" holds no zone number");
            }
            String raw = c.get(type);
            String normalised = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            String product = PRODUCTS.get(normalised);
            if (product == null) {
                unknown.add(raw);
                product = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
            }
            double[] hours = new double[24];
            for (int h = 0; h < 24; h++) {
                String cell = c.get(he[h]);
                try {
                    hours[h] = Double.parseDouble(cell);
                    if (!Double.isFinite(hours[h])) {
                        throw new NumberFormatException(cell);
                    }
                } catch (NumberFormatException e) {
                    badHours.putIfAbsent(h, file + ": line " + lineNo + " (zone " + zone + " " + raw + ") HE " + (h + 1)
                            + " is \"" + cell + "\", not a number");
                    hours[h] = Double.NaN;
                }
            }
            double[] earlier = prices.putIfAbsent(List.of(zone, product), hours);
            for (int h = 0; earlier != null && h < 24; h++) {
                if (Double.compare(earlier[h], hours[h]) != 0) {
                    badHours.putIfAbsent(h, file + ": line " + lineNo + " repeats zone " + zone + " " + product
                            + " with another HE " + (h + 1) + " value");
                }
            }
        }
        if (!unknown.isEmpty()) {
            notes.add(file + ": MCP types this reader does not know, kept under their normalised names: " + unknown);
        }
        List<Row> rows = new ArrayList<>(prices.size() * 24);
        List<Quarantine> quarantined = new ArrayList<>();
        List<Instant> holes = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant start = dayWindow.start().plus(CADENCE.multipliedBy(h));
            Instant end = start.plus(CADENCE);
            if (badHours.containsKey(h)) {
                quarantined.add(new Quarantine(new Window(start, end), prices.size(), badHours.get(h) + "; hour held back"));
                holes.add(start);
                continue;
            }
            for (Map.Entry<List<String>, double[]> e : prices.entrySet()) {
                rows.add(Row.of(start, end, e.getKey().get(0), e.getKey().get(1), e.getValue()[h]));
            }
        }
        if (prices.isEmpty()) {
            notes.add(file + ": the zonal table has no row; the day is stored as a source gap");
        }
        return new Parsed(rows, Coverage.minus(dayWindow, holes, CADENCE), quarantined, notes, next);
    }

    /** A preamble cell that is a {@code MM/dd/yyyy} date must be the requested day. */
    private static void checkDate(String cell, String file, LocalDate day) throws SourceException {
        LocalDate stated;
        try {
            stated = MisoTime.monthDayYearSlash(cell);
        } catch (DateTimeParseException e) {
            return;
        }
        if (!stated.equals(day)) {
            throw new SourceException(Failure.BAD_DATA, file + ": the report states market day " + stated
                    + ", not the requested " + day);
        }
    }

    /** The comma-separated, stripped cells of a line; empty for a blank line. */
    private static List<String> cells(String line) {
        if (line.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(27);
        int from = 0;
        int comma;
        while ((comma = line.indexOf(',', from)) >= 0) {
            out.add(line.substring(from, comma).strip());
            from = comma + 1;
        }
        out.add(line.substring(from).strip());
        return out;
    }
}
