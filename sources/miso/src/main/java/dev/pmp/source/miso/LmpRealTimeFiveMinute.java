package dev.pmp.source.miso;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MISO real-time ex-post 5-minute LMPs ({@code api/MarketPricing/GetRealTimeFiveMinExPost/Rolling}): every
 * interval of the current market day, column-oriented ({@code headers} then {@code data}). {@code INTERVAL}
 * is the interval start in EST. Hubs only unless {@link MisoSettings#LMP_LOCATIONS} is {@code all}; the
 * payload carries no location type, so a {@code *.HUB} node is a hub and every other one a node. Read
 * with a streaming parser (the day is tens of MB). Immutable and thread-safe.
 */
public final class LmpRealTimeFiveMinute extends ApiFeed {

    /** Path under the API base. */
    public static final String PATH = "MarketPricing/GetRealTimeFiveMinExPost/Rolling";

    static final Duration CADENCE = Duration.ofMinutes(5);

    private static final List<String> REQUIRED = List.of("INTERVAL", "CPNODE", "LMP", "MLC", "MCC");
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "miso.lmp_real_time_5min",
            "MISO real-time ex-post LMPs (5 minutes, hubs by default)",
            MisoSettings.DEFAULT_API_BASE + "/" + PATH,
            Schema.builder(TimeShape.INTERVAL)
                    .key("location", ColumnType.VARCHAR, "MISO CPNODE: commercial pricing node")
                    .value("location_type", ColumnType.VARCHAR, "", "hub for *.HUB nodes, otherwise node")
                    .value("lmp", ColumnType.DOUBLE, "$/MWh", "MISO LMP")
                    .value("energy", ColumnType.DOUBLE, "$/MWh", "LMP - MCC - MLC (MISO does not publish it here)")
                    .value("congestion", ColumnType.DOUBLE, "$/MWh", "MISO MCC: marginal congestion component")
                    .value("loss", ColumnType.DOUBLE, "$/MWh", "MISO MLC: marginal loss component")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            CADENCE,
            MisoTime.EST,
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            LocalDate.of(2025, 12, 12),
            Optional.of(Duration.ofDays(1)),
            false,
            Duration.ofDays(1));

    private final boolean hubsOnly;

    public LmpRealTimeFiveMinute(MisoSettings settings) {
        super(DATASET, settings, PATH);
        this.hubsOnly = settings.locations() == MisoSettings.LmpLocations.HUBS;
    }

    /**
     * One row per interval and kept node. An interval with a kept node whose price is not a number, or that
     * lists a node twice with different prices, is quarantined as a whole; identical repeats are merged.
     * Covers the first through the last interval published (by any node), less the quarantined ones.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for JSON that is cut off, a missing header, a row of
     *     the wrong width or a bad time; {@link Failure#NOT_PUBLISHED} when {@code data} is empty
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        String what = DATASET.id();
        if (response.body().length > 0 && response.body()[0] == '<') {
            throw new SourceException(Failure.BAD_DATA, what + ": the body is an HTML/XML page, not JSON");
        }
        List<String> notes = new ArrayList<>();
        Map<String, Instant> times = new HashMap<>();
        TreeMap<Instant, Map<String, double[]>> intervals = new TreeMap<>();
        TreeMap<Instant, String> bad = new TreeMap<>();
        int[] col = null;
        int count = 0;
        try (JsonParser p = FACTORY.createParser(response.body())) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "the payload");
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("headers")) {
                    col = headers(p, notes);
                } else if (field.equals("data")) {
                    if (col == null) {
                        throw new SourceException(Failure.BAD_DATA, what + ": data comes before headers");
                    }
                    expect(p.currentToken(), JsonToken.START_ARRAY, "data");
                    JsonToken r;
                    while ((r = p.nextToken()) == JsonToken.START_ARRAY) {
                        String[] cells = cells(p);
                        if (cells.length != col[REQUIRED.size()]) {
                            throw new SourceException(Failure.BAD_DATA, what + ": data[" + count + "] has "
                                    + cells.length + " cells, headers name " + col[REQUIRED.size()]);
                        }
                        count++;
                        String node = cells[col[1]];
                        if (hubsOnly && !LmpLocation.isHubName(node)) {
                            // Still counts toward what the payload spans.
                            times.computeIfAbsent(cells[col[0]], LmpRealTimeFiveMinute::start);
                            continue;
                        }
                        accept(cells, col, count - 1, times, intervals, bad);
                    }
                    expect(r, JsonToken.END_ARRAY, "data");
                } else {
                    notes.add(what + ": field \"" + field + "\" this reader does not know, ignored");
                    p.skipChildren();
                }
            }
            expect(t, JsonToken.END_OBJECT, "the payload");
        } catch (IOException e) {
            throw new SourceException(Failure.BAD_DATA, what + ": not complete JSON (" + Json.firstLine(e) + ")", e);
        } catch (DateTimeParseException e) {
            throw new SourceException(Failure.BAD_DATA, what + ": INTERVAL \"" + e.getParsedString()
                    + "\" is not an ISO local time");
        }
        if (col == null) {
            throw new SourceException(Failure.BAD_DATA, what + ": the payload has no headers");
        }
        if (times.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": the API answered no interval");
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
                    LmpLocation.isHubName(node) ? "hub" : "node", v[0], LmpLocation.energy(v[0], v[2], v[1]), v[2],
                    v[1])));
        }
        Instant first = times.values().stream().min(Instant::compareTo).orElseThrow();
        Instant last = times.values().stream().max(Instant::compareTo).orElseThrow();
        return Parsed.of(rows, Coverage.minus(new Window(first, last.plus(CADENCE)), bad.keySet(), CADENCE),
                quarantined, notes);
    }

    private static void accept(String[] cells, int[] col, int index, Map<String, Instant> times,
            TreeMap<Instant, Map<String, double[]>> intervals, TreeMap<Instant, String> bad) {
        Instant start = times.computeIfAbsent(cells[col[0]], LmpRealTimeFiveMinute::start);
        String node = cells[col[1]];
        double[] v = new double[3];
        for (int k = 0; k < 3; k++) {
            Double d = Json.number(cells[col[2 + k]]);
            if (d == null) {
                bad.putIfAbsent(start, DATASET.id() + ": data[" + index + "] (" + node + " at " + cells[col[0]]
                        + " EST): " + REQUIRED.get(2 + k) + " " + Json.describe(cells[col[2 + k]]) + " is not a number");
                return;
            }
            v[k] = d;
        }
        double[] earlier = intervals.computeIfAbsent(start, s -> new LinkedHashMap<>()).putIfAbsent(node, v);
        if (earlier != null && !java.util.Arrays.equals(earlier, v)) {
            bad.putIfAbsent(start, DATASET.id() + ": data[" + index + "]: " + node + " is listed twice at "
                    + cells[col[0]] + " EST with different prices");
        }
    }

    private static Instant start(String interval) {
        return MisoTime.instant(MisoTime.isoLocal(interval));
    }

    /** Positions of INTERVAL, CPNODE, LMP, MLC, MCC in the header. */
    private static int[] headers(JsonParser p, List<String> notes) throws IOException, SourceException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "headers");
        List<String> names = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            names.add(p.getText().strip());
        }
        expect(p.currentToken(), JsonToken.END_ARRAY, "headers");
        int[] col = new int[REQUIRED.size() + 1];
        for (int i = 0; i < REQUIRED.size(); i++) {
            col[i] = names.indexOf(REQUIRED.get(i));
            if (col[i] < 0) {
                throw new SourceException(Failure.BAD_DATA, DATASET.id() + ": headers " + names + " lack "
                        + REQUIRED.get(i));
            }
        }
        col[REQUIRED.size()] = names.size();
        if (names.size() > REQUIRED.size()) {
            List<String> extra = new ArrayList<>(names);
            extra.removeAll(REQUIRED);
            notes.add(DATASET.id() + ": columns this reader does not know, ignored: " + extra);
        }
        return col;
    }

    private static String[] cells(JsonParser p) throws IOException, SourceException {
        List<String> out = new ArrayList<>(5);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the payload ends inside data");
            }
            out.add(t == JsonToken.VALUE_NULL ? "" : p.getText());
        }
        return out.toArray(new String[0]);
    }

    private static void expect(JsonToken got, JsonToken want, String where) throws SourceException {
        if (got != want) {
            throw new SourceException(Failure.BAD_DATA, DATASET.id() + ": " + where + " is " + got + ", expected " + want);
        }
    }
}
