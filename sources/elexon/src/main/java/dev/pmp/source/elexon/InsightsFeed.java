package dev.pmp.source.elexon;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads one Insights dataset, driven entirely by its {@link DatasetFacts}: builds the windowed request of
 * its filter family and turns the answer (bare array or {@code {"data": [...]}}) into typed rows on the
 * dataset's grid. Immutable and thread-safe.
 */
public final class InsightsFeed implements Feed {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final long HALF_HOUR_SECONDS = 1800;

    private final DatasetFacts facts;
    private final Dataset dataset;
    private final URI apiBase;
    private final InsightsJson json;
    private final int[] columnFields;
    private final int gridField;
    private final int dateField;
    private final int periodField;

    InsightsFeed(DatasetFacts facts, Dataset dataset, ElexonSettings settings) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.apiBase = settings.apiBase();
        this.json = new InsightsJson(facts.code(), facts.fields());
        this.columnFields = facts.columnFields().stream().mapToInt(Integer::intValue).toArray();
        this.gridField = facts.gridField();
        this.dateField = facts.field("settlementDate");
        this.periodField = facts.periodField();
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    /**
     * The GET for {@code window}, bounds inclusive as the API reads them: instants up to
     * {@code end − 1 s}; settlement periods from the one holding {@code start} to the one holding
     * {@code end − 1 s}, with {@code from}/{@code to} given as the settlement dates they belong to.
     */
    @Override
    public FetchRequest request(Window window) {
        Instant start = window.start();
        Instant last = window.end().minus(SECOND);
        Query q = new Query();
        switch (facts.family()) {
            case P, O -> q.add("publishDateTimeFrom", Instants.format(start)).add("publishDateTimeTo", Instants.format(last));
            case Z -> q.add("submissionDateTimeFrom", Instants.format(start)).add("submissionDateTimeTo", Instants.format(last));
            case M -> q.add("measurementDateTimeFrom", Instants.format(start)).add("measurementDateTimeTo", Instants.format(last));
            case T -> q.add("from", Instants.format(start)).add("to", Instants.format(last));
            // With period filters the API takes from/to as settlement dates (spec §2.5).
            case F, S -> q.add("from", SettlementPeriods.dayOf(start) + "T00:00Z").add("to", SettlementPeriods.dayOf(last) + "T00:00Z")
                    .add("settlementPeriodFrom", Integer.toString(SettlementPeriods.periodOf(start)))
                    .add("settlementPeriodTo", Integer.toString(SettlementPeriods.periodOf(last)));
            case U -> q.add("settlementDateFrom", SettlementPeriods.dayOf(start).toString())
                    .add("settlementPeriodFrom", Integer.toString(SettlementPeriods.periodOf(start)))
                    .add("settlementDateTo", SettlementPeriods.dayOf(last).toString())
                    .add("settlementPeriodTo", Integer.toString(SettlementPeriods.periodOf(last)));
            case X -> {
                LocalDate from = SettlementPeriods.dayOf(start);
                LocalDate to = SettlementPeriods.dayOf(last);
                q.add("settlementDateFrom", from.toString()).add("settlementDateTo", to.toString());
                if (from.equals(to)) {
                    // Within one day the period list narrows the answer to the window; publish-time filters are never added.
                    for (int sp = SettlementPeriods.periodOf(start); sp <= SettlementPeriods.periodOf(last); sp++) {
                        q.add("settlementPeriod", Integer.toString(sp));
                    }
                }
            }
        }
        if (!facts.stream()) {
            q.add("format", "json");
        }
        FetchRequest request = FetchRequest.get(URI.create(apiBase + "/datasets/" + facts.code() + (facts.stream() ? "/stream" : "") + q));
        // UOU2T3YW is the one dataset with a published limit (100 requests per minute, spec §2.3).
        return facts.code().equals("UOU2T3YW") ? request.withBudget(ElexonSource.UOU2T3YW_BUDGET) : request;
    }

    /**
     * Types the rows and places each on the grid. Rows outside the window are left out (noted); a row
     * whose value cannot be read, or whose key is not unique with different values, holds back its grid
     * interval (quarantined, not covered). Identical repeats are merged. Covered: the window, minus the
     * quarantined intervals; for a dense dataset only up to the end of its newest row.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for a payload that is not Insights JSON, rows of
     *     another dataset, or a key or time field missing from every row (schema drift);
     *     {@link Failure#NOT_PUBLISHED} when a dense dataset answers with no rows
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        InsightsJson.Rows read = json.read(response.body());
        List<String> notes = new ArrayList<>();
        for (String d : read.datasets()) {
            if (!d.equals(facts.code())) {
                throw new SourceException(Failure.BAD_DATA, "Elexon " + facts.code() + ": the answer holds rows of dataset " + d);
            }
        }
        if (read.values().isEmpty()) {
            if (facts.dense()) {
                throw new SourceException(Failure.NOT_PUBLISHED, "Elexon " + facts.code() + ": no rows yet for " + window);
            }
            return Parsed.of(List.of(), List.of(window), List.of(), List.of());
        }
        checkDrift(read);
        if (!read.unknown().isEmpty()) {
            notes.add("Elexon " + facts.code() + ": fields not in the catalogue, left out: " + String.join(", ", read.unknown()));
        }
        Duration length = facts.axis() == Axis.SETTLEMENT_PERIOD ? SettlementPeriods.PERIOD : facts.cadence();
        Map<Instant, String> held = new TreeMap<>();
        Map<Instant, Integer> heldRows = new HashMap<>();
        Uniqueness byKey = new Uniqueness();
        List<Row> rows = new ArrayList<>(read.values().size());
        int outside = 0;
        int merged = 0;
        int relabelled = 0;
        int emptyKeys = 0;
        boolean ordered = true;
        Instant previous = null;
        Days days = new Days();
        int keyWidth = dataset.schema().naturalKey().size();
        int timeColumns = dataset.timeShape().timeColumns().size();
        for (int r = 0; r < read.values().size(); r++) {
            Object[] v = read.values().get(r);
            Placed placed = place(v, days);
            if (placed.problem != null && placed.grid == null) {
                throw new SourceException(Failure.BAD_DATA, "Elexon " + facts.code() + ": row " + r + " cannot be placed in time: " + placed.problem);
            }
            Instant grid = placed.grid;
            relabelled += placed.relabelled ? 1 : 0;
            if (!window.contains(grid)) {
                outside++;
                continue;
            }
            String problem = read.problems().get(r);
            if (problem == null) {
                problem = placed.problem;
            }
            Object[] out = new Object[timeColumns + columnFields.length];
            out[0] = grid;
            if (timeColumns == 2) {
                out[1] = grid.plus(length);
            }
            for (int c = 0; c < columnFields.length; c++) {
                Object value = v[columnFields[c]];
                if (value == null && c < keyWidth - 1) {
                    if (facts.fields().get(columnFields[c]).type() == FieldType.TEXT) {
                        value = "";
                        emptyKeys++;
                    } else if (problem == null) {
                        problem = "key field " + facts.fields().get(columnFields[c]).json() + " is null";
                    }
                }
                out[timeColumns + c] = value;
            }
            if (problem != null) {
                hold(held, heldRows, grid, "row " + r + ": " + problem);
                continue;
            }
            Row row = Row.of(out);
            Key key = new Key(Arrays.copyOfRange(out, timeColumns, timeColumns + keyWidth - 1));
            Row earlier = byKey.putIfAbsent(grid, key, row);
            if (earlier != null) {
                if (earlier.equals(row)) {
                    merged++;
                } else {
                    hold(held, heldRows, grid, "row " + r + " repeats key " + key.text(grid) + " with other values");
                }
                continue;
            }
            if (previous != null && grid.isBefore(previous)) {
                ordered = false;
            }
            previous = grid;
            rows.add(row);
        }
        List<Quarantine> quarantined = new ArrayList<>();
        if (!held.isEmpty()) {
            rows.removeIf(row -> held.containsKey(row.instant(0)));
            for (Map.Entry<Instant, String> e : held.entrySet()) {
                quarantined.add(new Quarantine(new Window(e.getKey(), e.getKey().plus(length)), heldRows.get(e.getKey()), e.getValue()));
            }
        }
        if (!ordered) {
            rows.sort((a, b) -> a.instant(0).compareTo(b.instant(0)));
            notes.add("Elexon " + facts.code() + ": rows arrived out of time order; sorted");
        }
        note(notes, outside, "rows outside the requested window " + window + " left out");
        note(notes, merged, "identical repeated rows merged");
        note(notes, relabelled, "rows whose startTime disagrees with their settlement date and period; startTime kept");
        note(notes, emptyKeys, "null text key values stored as empty text");
        return Parsed.of(rows, covered(window, rows, quarantined, length), quarantined, notes);
    }

    private void checkDrift(InsightsJson.Rows read) throws SourceException {
        List<Integer> required = new ArrayList<>();
        for (String k : facts.key()) {
            required.add(facts.field(k));
        }
        if (gridField >= 0 && (facts.axis() != Axis.SETTLEMENT_PERIOD)) {
            required.add(gridField);
        }
        if (facts.axis() == Axis.SETTLEMENT_PERIOD && (gridField < 0 || !read.present()[gridField])) {
            required.add(dateField);
            required.add(periodField);
        }
        for (int f : required) {
            if (!read.present()[f]) {
                throw new SourceException(Failure.BAD_DATA, "Elexon " + facts.code() + ": no row has the field "
                        + facts.fields().get(f).json() + " (column " + facts.fields().get(f).column()
                        + "); the dataset's schema has changed");
            }
        }
    }

    /** The key columns of a row after its grid instant, hashed once. */
    private static final class Key {
        private final Object[] values;
        private final int hash;

        Key(Object[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        String text(Instant grid) {
            return "[" + grid + (values.length == 0 ? "]" : ", " + Arrays.toString(values).substring(1));
        }
    }

    /**
     * The rows seen so far by natural key, one small map per grid instant: rows arrive grouped by
     * instant, so each map stays small and warm in cache.
     */
    private static final class Uniqueness {
        private final Map<Instant, Map<Key, Row>> byInstant = new HashMap<>();
        private Instant lastAt;
        private Map<Key, Row> last;

        Row putIfAbsent(Instant at, Key key, Row row) {
            if (!at.equals(lastAt)) {
                last = byInstant.computeIfAbsent(at, x -> new HashMap<>());
                lastAt = at;
            }
            return last.putIfAbsent(key, row);
        }
    }

    private static void hold(Map<Instant, String> held, Map<Instant, Integer> heldRows, Instant grid, String reason) {
        held.putIfAbsent(grid, reason);
        heldRows.merge(grid, 1, Integer::sum);
    }

    private static void note(List<String> notes, int count, String what) {
        if (count > 0) {
            notes.add(count + " " + what);
        }
    }

    private List<Window> covered(Window window, List<Row> rows, List<Quarantine> quarantined, Duration length) {
        Instant end = window.end();
        if (facts.dense()) {
            Instant newest = null;
            for (Row r : rows) {
                newest = newest == null || r.instant(0).isAfter(newest) ? r.instant(0) : newest;
            }
            for (Quarantine q : quarantined) {
                newest = newest == null || q.window().start().isAfter(newest) ? q.window().start() : newest;
            }
            Instant rowEnd = newest == null ? window.start() : newest.plus(facts.axis() == Axis.POINT ? SECOND : length);
            end = rowEnd.isBefore(end) ? rowEnd : end;
        }
        List<Window> out = new ArrayList<>();
        Instant from = window.start();
        for (Quarantine q : quarantined) {
            if (q.window().start().isAfter(from) && from.isBefore(end)) {
                out.add(new Window(from, q.window().start().isBefore(end) ? q.window().start() : end));
            }
            if (q.window().end().isAfter(from)) {
                from = q.window().end();
            }
        }
        if (from.isBefore(end)) {
            out.add(new Window(from, end));
        }
        return out;
    }

    /** Where a row sits: its grid instant, whether its own startTime overrode (SD, SP), or why it cannot be placed. */
    private record Placed(Instant grid, boolean relabelled, String problem) {
    }

    private Placed place(Object[] v, Days days) {
        switch (facts.axis()) {
            case SETTLEMENT_PERIOD -> {
                Instant own = gridField >= 0 ? (Instant) v[gridField] : null;
                Instant bySp = null;
                String problem = null;
                LocalDate day = dateField >= 0 ? (LocalDate) v[dateField] : null;
                Long sp = periodField >= 0 ? (Long) v[periodField] : null;
                if (day != null && sp != null) {
                    int periods = days.periods(day);
                    if (sp < 1 || sp > periods) {
                        problem = "settlement period " + sp + " does not exist on " + day + " (" + periods + " periods)";
                    } else {
                        bySp = days.start(day).plusSeconds((sp - 1) * HALF_HOUR_SECONDS);
                    }
                }
                if (own != null) {
                    // FUELHH history has rows labelled with the wrong period: startTime is the identity (spec §9.9).
                    // London's offsets are whole hours, so every settlement period starts on a UTC half hour.
                    if (own.getEpochSecond() % HALF_HOUR_SECONDS != 0 || own.getNano() != 0) {
                        return new Placed(floor(own, HALF_HOUR_SECONDS), false, "startTime " + own + " is not the start of a settlement period");
                    }
                    return new Placed(own, problem != null || bySp != null && !bySp.equals(own), null);
                }
                if (bySp == null) {
                    return new Placed(null, false, problem != null ? problem : "no settlementDate and settlementPeriod");
                }
                return new Placed(bySp, false, problem);
            }
            case START_TIME -> {
                Instant own = (Instant) v[gridField];
                if (own == null) {
                    return new Placed(null, false, "no startTime");
                }
                Instant mark = floor(own, facts.cadence().toSeconds());
                return new Placed(mark, false, mark.equals(own) ? null : "startTime " + own + " is not on the " + facts.cadence().toMinutes() + "-minute grid");
            }
            case POINT -> {
                Instant t = (Instant) v[gridField];
                return new Placed(t, false, t == null ? "no " + facts.reference() : null);
            }
            case SLOT -> {
                Instant t = (Instant) v[gridField];
                return t == null ? new Placed(null, false, "no " + facts.reference()) : new Placed(floor(t, facts.cadence().toSeconds()), false, null);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The start instant and period count of the settlement days one answer names, computed once per day. */
    private static final class Days {
        private LocalDate day;
        private Instant start;
        private int periods;

        Instant start(LocalDate d) {
            load(d);
            return start;
        }

        int periods(LocalDate d) {
            load(d);
            return periods;
        }

        private void load(LocalDate d) {
            if (!d.equals(day)) {
                day = d;
                start = SettlementPeriods.dayStart(d);
                periods = SettlementPeriods.periodsIn(d);
            }
        }
    }

    /** The grid point at or before {@code t}: cadences divide an hour, and London's offsets are whole hours. */
    private static Instant floor(Instant t, long step) {
        long s = Math.floorDiv(t.getEpochSecond(), step) * step;
        return s == t.getEpochSecond() && t.getNano() == 0 ? t : Instant.ofEpochSecond(s);
    }

    /** A query string, values left as they are (they hold only [0-9A-Za-z:-]). */
    private static final class Query {
        private final StringBuilder sb = new StringBuilder();

        Query add(String name, String value) {
            sb.append(sb.length() == 0 ? '?' : '&').append(name).append('=').append(value);
            return this;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
