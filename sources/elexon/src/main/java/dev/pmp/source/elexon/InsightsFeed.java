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
    private static final int MAX_EXPECTED_ROWS = 4_000_000;

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
        Placing placing = new Placing(window);
        InsightsJson.Answer read = json.read(response.body(), placing);
        for (String d : read.datasets()) {
            if (!d.equals(facts.code())) {
                throw new SourceException(Failure.BAD_DATA, "Elexon " + facts.code() + ": the answer holds rows of dataset " + d);
            }
        }
        if (read.rows() == 0) {
            if (facts.dense()) {
                throw new SourceException(Failure.NOT_PUBLISHED, "Elexon " + facts.code() + ": no rows yet for " + window);
            }
            return Parsed.of(List.of(), List.of(window), List.of(), List.of());
        }
        checkDrift(read);
        if (placing.unplaceable != null) {
            throw new SourceException(Failure.BAD_DATA, placing.unplaceable);
        }
        List<String> notes = new ArrayList<>();
        if (!read.unknown().isEmpty()) {
            notes.add("Elexon " + facts.code() + ": fields not in the catalogue, left out: " + String.join(", ", read.unknown()));
        }
        return placing.parsed(notes);
    }

    private void checkDrift(InsightsJson.Answer read) throws SourceException {
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

    /**
     * The rows of one answer, typed and placed on the grid as the JSON reader hands them over, so no
     * intermediate table of the whole answer is built. One per {@link #parse} call; not thread-safe. A row
     * that cannot be placed in time is remembered, not thrown, so that {@link #parse} reports the faults
     * of the whole answer (another dataset, schema drift) before it.
     */
    private final class Placing implements InsightsJson.RowSink {
        private final Window window;
        private final Duration length;
        private final int keyWidth;
        private final int timeColumns;
        // Reused for every row: Row.of copies it.
        private final Object[] out;
        private final Days days = new Days();
        private final ArrayList<Row> rows = new ArrayList<>();
        private final Uniqueness byKey;
        private final Map<Instant, String> held = new TreeMap<>();
        private final Map<Instant, Integer> heldRows = new HashMap<>();
        private int index;
        private int outside;
        private int merged;
        private int relabelled;
        private int emptyKeys;
        private boolean ordered = true;
        private Instant previous;
        /** Why the first row that could not be placed in time was not, or null. */
        String unplaceable;
        // Where the current row sits: its grid instant, whether its own startTime overrode (SD, SP), or why it cannot be placed.
        private Instant grid;
        private boolean overridden;
        private String gridProblem;
        // Rows come grouped by instant: the last instant floored and the last interval end, reused.
        private Instant lastUnfloored;
        private Instant lastFloored;
        private Instant lastStart;
        private Instant lastEnd;

        Placing(Window window) {
            this.window = window;
            this.length = facts.axis() == Axis.SETTLEMENT_PERIOD ? SettlementPeriods.PERIOD : facts.cadence();
            this.keyWidth = dataset.schema().naturalKey().size();
            this.timeColumns = dataset.timeShape().timeColumns().size();
            this.out = new Object[timeColumns + columnFields.length];
            this.byKey = new Uniqueness(timeColumns, timeColumns + keyWidth - 1, rows);
        }

        @Override
        public void row(Object[] v, String readProblem) {
            int r = index++;
            if (unplaceable != null) {
                return;
            }
            place(v);
            if (gridProblem != null && grid == null) {
                unplaceable = "Elexon " + facts.code() + ": row " + r + " cannot be placed in time: " + gridProblem;
                return;
            }
            relabelled += overridden ? 1 : 0;
            if (!window.contains(grid)) {
                outside++;
                return;
            }
            String problem = readProblem != null ? readProblem : gridProblem;
            out[0] = grid;
            if (timeColumns == 2) {
                out[1] = end(grid);
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
                hold(grid, "row " + r + ": " + problem);
                return;
            }
            Row row = Row.of(out);
            Row earlier = byKey.putIfAbsent(row);
            if (earlier != null) {
                if (earlier.equals(row)) {
                    merged++;
                } else {
                    hold(grid, "row " + r + " repeats key " + byKey.keyText(row) + " with other values");
                }
                return;
            }
            if (previous != null && grid.isBefore(previous)) {
                ordered = false;
            }
            previous = grid;
            rows.add(row);
        }

        @Override
        public void expect(long count) {
            // Sized once rather than grown by copying; the cap keeps an odd first row from reserving too much.
            rows.ensureCapacity((int) Math.min(count + 16, MAX_EXPECTED_ROWS));
        }

        private void hold(Instant at, String reason) {
            held.putIfAbsent(at, reason);
            heldRows.merge(at, 1, Integer::sum);
        }

        private Instant end(Instant start) {
            if (!start.equals(lastStart)) {
                lastStart = start;
                lastEnd = start.plus(length);
            }
            return lastEnd;
        }

        /** The result, once every row has been read. */
        Parsed parsed(List<String> notes) {
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

        private void placed(Instant at, boolean byOwnStart, String problem) {
            grid = at;
            overridden = byOwnStart;
            gridProblem = problem;
        }

        private void place(Object[] v) {
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
                            bySp = days.start(day, sp.intValue());
                        }
                    }
                    if (own != null) {
                        // FUELHH history has rows labelled with the wrong period: startTime is the identity (spec §9.9).
                        // London's offsets are whole hours, so every settlement period starts on a UTC half hour.
                        if (own.getEpochSecond() % HALF_HOUR_SECONDS != 0 || own.getNano() != 0) {
                            placed(floor(own, HALF_HOUR_SECONDS), false, "startTime " + own + " is not the start of a settlement period");
                        } else {
                            placed(own, problem != null || bySp != null && !bySp.equals(own), null);
                        }
                    } else if (bySp == null) {
                        placed(null, false, problem != null ? problem : "no settlementDate and settlementPeriod");
                    } else {
                        placed(bySp, false, problem);
                    }
                }
                case START_TIME -> {
                    Instant own = (Instant) v[gridField];
                    if (own == null) {
                        placed(null, false, "no startTime");
                    } else {
                        Instant mark = floored(own);
                        placed(mark, false, mark.equals(own) ? null : "startTime " + own + " is not on the " + facts.cadence().toMinutes() + "-minute grid");
                    }
                }
                case POINT -> {
                    Instant t = (Instant) v[gridField];
                    placed(t, false, t == null ? "no " + facts.reference() : null);
                }
                case SLOT -> {
                    Instant t = (Instant) v[gridField];
                    if (t == null) {
                        placed(null, false, "no " + facts.reference());
                    } else {
                        placed(floored(t), false, null);
                    }
                }
            }
        }

        /** {@code t} floored to the cadence; the reader hands out one Instant per repeated text, so identity is the cache key. */
        private Instant floored(Instant t) {
            if (t != lastUnfloored) {
                lastUnfloored = t;
                lastFloored = floor(t, facts.cadence().toSeconds());
            }
            return lastFloored;
        }
    }

    /**
     * The rows kept so far, by natural key (the grid instant and the key columns of the row): an
     * open-addressing table of the rows themselves, so a key costs no object of its own. Rows come
     * grouped by instant in time order, and a key holds its instant, so while they do the table holds only
     * the current instant's rows, stays small and warm in cache, and is emptied when a later instant
     * starts; the first row of an earlier instant turns it into a table of every row kept.
     */
    private static final class Uniqueness {
        private final int keyFrom;
        private final int keyTo;
        private final List<Row> kept;
        private Row[] rows = new Row[64];
        private int[] hashes = new int[64];
        private int[] filled = new int[32];
        private int size;
        private Instant group;
        private boolean everyRow;

        /**
         * Key columns are {@code [keyFrom, keyTo)} of a row, after the grid instant in column 0; {@code kept}
         * is the caller's list of every row this table accepted, in order.
         */
        Uniqueness(int keyFrom, int keyTo, List<Row> kept) {
            this.keyFrom = keyFrom;
            this.keyTo = keyTo;
            this.kept = kept;
        }

        /** The row already kept with the key of {@code row}, or null when there is none and the caller keeps {@code row}. */
        Row putIfAbsent(Row row) {
            Instant at = row.instant(0);
            if (!everyRow && !at.equals(group)) {
                if (group == null || at.isAfter(group)) {
                    clear();
                    group = at;
                } else {
                    everyRow = true;
                    clear();
                    for (Row k : kept) {
                        insert(k, hash(k));
                    }
                }
            }
            int h = hash(row);
            int mask = rows.length - 1;
            for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
                Row other = rows[i];
                if (other == null) {
                    break;
                }
                if (hashes[i] == h && sameKey(other, row)) {
                    return other;
                }
            }
            insert(row, h);
            return null;
        }

        /** The key as a message shows it: {@code [grid, key values...]}. */
        String keyText(Row row) {
            StringBuilder sb = new StringBuilder("[").append(row.get(0));
            for (int c = keyFrom; c < keyTo; c++) {
                sb.append(", ").append(row.get(c));
            }
            return sb.append(']').toString();
        }

        private void insert(Row row, int h) {
            if ((size + 1) * 2 > rows.length) {
                grow();
            }
            int mask = rows.length - 1;
            int i = spread(h) & mask;
            while (rows[i] != null) {
                i = (i + 1) & mask;
            }
            rows[i] = row;
            hashes[i] = h;
            if (size == filled.length) {
                filled = Arrays.copyOf(filled, size * 2);
            }
            filled[size++] = i;
        }

        private void clear() {
            for (int j = 0; j < size; j++) {
                rows[filled[j]] = null;
            }
            size = 0;
        }

        private void grow() {
            Row[] oldRows = rows;
            int[] oldHashes = hashes;
            int[] oldFilled = filled;
            int n = size;
            rows = new Row[oldRows.length * 2];
            hashes = new int[oldRows.length * 2];
            filled = new int[oldRows.length];
            size = 0;
            for (int j = 0; j < n; j++) {
                int slot = oldFilled[j];
                insert(oldRows[slot], oldHashes[slot]);
            }
        }

        private int hash(Row row) {
            int h = row.get(0).hashCode();
            for (int c = keyFrom; c < keyTo; c++) {
                h = 31 * h + Objects.hashCode(row.get(c));
            }
            return h;
        }

        private boolean sameKey(Row a, Row b) {
            if (!a.get(0).equals(b.get(0))) {
                return false;
            }
            for (int c = keyFrom; c < keyTo; c++) {
                if (!Objects.equals(a.get(c), b.get(c))) {
                    return false;
                }
            }
            return true;
        }

        private static int spread(int h) {
            int x = h * 0x9E3779B9;
            return x ^ (x >>> 16);
        }
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

    /** The period start instants and period count of the settlement days one answer names, computed once per day. */
    private static final class Days {
        private LocalDate day;
        private Instant[] starts;

        /** The start of period {@code sp} (1 to {@link #periods}) of {@code d}. */
        Instant start(LocalDate d, int sp) {
            load(d);
            return starts[sp - 1];
        }

        int periods(LocalDate d) {
            load(d);
            return starts.length;
        }

        private void load(LocalDate d) {
            if (!d.equals(day)) {
                day = d;
                Instant first = SettlementPeriods.dayStart(d);
                starts = new Instant[SettlementPeriods.periodsIn(d)];
                for (int i = 0; i < starts.length; i++) {
                    starts[i] = first.plusSeconds(i * HALF_HOUR_SECONDS);
                }
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
