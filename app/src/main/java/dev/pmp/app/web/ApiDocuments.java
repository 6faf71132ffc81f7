package dev.pmp.app.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmp.app.DatasetHealth;
import dev.pmp.app.Times;
import dev.pmp.engine.catalog.Catalog;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.ledger.Grid;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.spi.Column;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Revision;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON documents of the API, read from the store. Every method runs on the thread that owns the store
 * (the scheduler's, through {@code Scheduler.submit}); none writes.
 */
final class ApiDocuments {
    private static final JsonFactory JSON = new JsonFactory();
    /** Days of the coverage calendar, today included. */
    static final int CALENDAR_DAYS = 42;
    /** At most this many points go into one rows answer; the rest is cut and flagged. */
    static final int MAX_POINTS = 50_000;
    /** How far back a chart looks by default, and the span over which {@code key_values} are listed. */
    static final Duration RECENT = Duration.ofDays(2);

    private final Map<String, Catalog.Configured> datasets;
    private final Store store;
    private final Clock clock;
    private final DatasetState schedule;
    /** Datasets prepared in this process; the store's thread only. */
    private final Set<String> prepared = new HashSet<>();

    /** What the scheduler says about a dataset, beside what the store holds. */
    interface DatasetState {
        boolean paused(String datasetId);

        Optional<Instant> nextRun(String datasetId);
    }

    ApiDocuments(Map<String, Catalog.Configured> datasets, Store store, Clock clock, DatasetState schedule) {
        this.datasets = datasets;
        this.store = store;
        this.clock = clock;
        this.schedule = schedule;
    }

    /** The configured dataset with this id, or an exception a handler turns into 404. */
    Catalog.Configured configured(String id) {
        Catalog.Configured c = datasets.get(id);
        if (c == null) {
            throw new NotFound("unknown dataset " + id);
        }
        return c;
    }

    Map<String, Catalog.Configured> datasets() {
        return datasets;
    }

    StoreView view(Dataset d) throws StoreException {
        if (!prepared.contains(d.id())) {
            store.prepare(d);
            prepared.add(d.id());
        }
        return store.view();
    }

    /** Health of a dataset now. */
    DatasetHealth health(Catalog.Configured c) throws StoreException {
        return DatasetHealth.of(c.dataset(), c.enabled(), c.disabledReason(), view(c.dataset()), clock.instant());
    }

    /** {@code /api/datasets}: one summary per dataset. */
    byte[] overview() throws StoreException {
        List<DatasetHealth> health = new ArrayList<>();
        for (Catalog.Configured c : datasets.values()) {
            health.add(health(c));
        }
        return write(g -> {
            g.writeStartArray();
            for (DatasetHealth h : health) {
                g.writeStartObject();
                summary(g, datasets.get(h.dataset().id()), h);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** {@code /api/datasets/{id}}: the summary, schema, calendar, gaps, fetch log and revisions. */
    byte[] detail(String id) throws StoreException {
        Catalog.Configured c = configured(id);
        Dataset d = c.dataset();
        DatasetHealth h = health(c);
        StoreView view = view(d);
        List<FetchRecord> fetches = view.fetches(d, 30);
        List<Revision> revisions = view.revisions(d, 20);
        Map<String, List<String>> keyValues = keyValues(d, view, recentWindow(d, clock.instant()));
        List<Row> current = new ArrayList<>();
        for (Revision r : revisions) {
            current.add(currentVersion(d, view, r.old()).orElse(null));
        }
        return write(g -> {
            g.writeStartObject();
            summary(g, c, h);
            g.writeStringField("operator_reference", d.operatorReference());
            g.writeStringField("time_shape", d.timeShape().name());
            g.writeStringField("access", d.access().name());
            g.writeStringField("market_zone", d.marketZone().getId());
            g.writeBooleanField("revisable", d.revisable());
            g.writeStringField("grid_column", d.timeShape().gridColumn());
            g.writeArrayFieldStart("columns");
            for (Column col : d.schema().columns()) {
                g.writeStartObject();
                g.writeStringField("name", col.name());
                g.writeStringField("type", col.type().name());
                g.writeStringField("unit", col.unit());
                g.writeStringField("description", col.description());
                g.writeBooleanField("nullable", col.nullable());
                g.writeBooleanField("key", d.schema().naturalKey().contains(col.name()));
                g.writeBooleanField("chartable", chartable(d, col));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("key_values");
            for (Map.Entry<String, List<String>> e : keyValues.entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (String v : e.getValue()) {
                    g.writeString(v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            calendar(g, d, h);
            g.writeArrayFieldStart("gaps");
            for (Gap gap : h.gaps()) {
                gap(g, d, gap);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("fetches");
            for (FetchRecord f : fetches) {
                fetch(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("revisions");
            for (int i = 0; i < revisions.size(); i++) {
                revision(g, d, revisions.get(i), current.get(i));
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * {@code /api/datasets/{id}/rows}: one column's values over a window, as two arrays for a chart, for one
     * location: a dataset with key columns besides time has one series per combination of their values, and
     * the answer holds exactly one of them, named under {@code selection}.
     *
     * @param column a numeric value column; null picks the first
     * @param asked values of non-time key columns, by column name, as query text (a timestamp as ISO-8601 UTC);
     *     a key column not named here gets the first value present in the window (in the key's order), and
     *     a name that is not such a key column is a {@link BadRequest}; a value no row has gives an empty series
     */
    byte[] rows(String id, Window window, String column, Map<String, String> asked) throws StoreException {
        Dataset d = configured(id).dataset();
        Schema schema = d.schema();
        Column col;
        if (column == null) {
            col = schema.valueColumns().stream().filter(x -> chartable(d, x)).findFirst()
                    .orElseThrow(() -> new BadRequest(id + " has no numeric column to chart"));
        } else {
            if (!schema.columnNames().contains(column)) {
                throw new BadRequest(id + " has no column " + column + "; it has " + schema.columnNames());
            }
            col = schema.column(column);
            if (!chartable(d, col)) {
                throw new BadRequest("column " + column + " is not numeric");
            }
        }
        List<String> keys = locationKeys(d);
        for (String name : new TreeSet<>(asked.keySet())) {
            if (!keys.contains(name)) {
                throw new BadRequest(keys.isEmpty()
                        ? id + " has no key column besides time, so rows cannot be filtered by " + name
                        : "rows of " + id + " can be filtered by " + keys + " (besides from, to and column), not by " + name);
            }
        }
        StoreView view = view(d);
        Map<String, String> selection = new LinkedHashMap<>();
        for (String k : keys) {
            selection.put(k, asked.get(k));
        }
        if (selection.containsValue(null)) {
            chooseDefaults(d, view, window, selection);
        }
        int[] keyIndex = keys.stream().mapToInt(schema::indexOf).toArray();
        int timeIndex = schema.indexOf(d.timeShape().gridColumn());
        int valueIndex = schema.indexOf(col.name());
        List<Instant> times = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        boolean[] truncated = {false};
        view.scan(d, window, row -> {
            for (int i = 0; i < keyIndex.length; i++) {
                // A key left null had no row in the window: nothing matches, rather than every location.
                if (!text(row.get(keyIndex[i])).equals(selection.get(keys.get(i)))) {
                    return;
                }
            }
            if (times.size() >= MAX_POINTS) {
                truncated[0] = true;
                return;
            }
            times.add(row.instant(timeIndex));
            values.add(row.get(valueIndex));
        });
        // The store promises no order within a window.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(times::get));
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("dataset", id);
            g.writeStringField("column", col.name());
            g.writeStringField("unit", col.unit());
            g.writeObjectFieldStart("selection");
            for (Map.Entry<String, String> e : selection.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeStringField("from", Times.format(window.start()));
            g.writeStringField("to", Times.format(window.end()));
            g.writeNumberField("points", times.size());
            g.writeBooleanField("truncated", truncated[0]);
            g.writeArrayFieldStart("t");
            for (int i : order) {
                g.writeNumber(times.get(i).getEpochSecond());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("v");
            for (int i : order) {
                Object v = values.get(i);
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof Double x) {
                    g.writeNumber(x);
                } else {
                    g.writeNumber((Long) v);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * The window a chart shows by default: the last {@link #RECENT} up to the newest interval that should be
     * published at {@code now}, that interval included.
     */
    static Window recentWindow(Dataset d, Instant now) {
        Instant to = Pipeline.expectedEnd(d, now).plus(d.cadence());
        return new Window(to.minus(RECENT), to);
    }

    /** The key columns that tell a dataset's series apart (its natural key less the time columns), in key order. */
    static List<String> locationKeys(Dataset d) {
        List<String> time = d.timeShape().timeColumns();
        return d.schema().naturalKey().stream().filter(k -> !time.contains(k)).toList();
    }

    /**
     * Fills the null entries of {@code selection} with the smallest combination (compared column by column, in
     * key order) of their values among the rows of {@code window} that match the entries already given. Leaves
     * them null when no row matches.
     */
    private static void chooseDefaults(Dataset d, StoreView view, Window window, Map<String, String> selection)
            throws StoreException {
        Schema schema = d.schema();
        List<String> open = new ArrayList<>();
        selection.forEach((k, v) -> {
            if (v == null) {
                open.add(k);
            }
        });
        List<Map.Entry<String, String>> given = selection.entrySet().stream().filter(e -> e.getValue() != null).toList();
        int[] givenIndex = given.stream().mapToInt(e -> schema.indexOf(e.getKey())).toArray();
        int[] openIndex = open.stream().mapToInt(schema::indexOf).toArray();
        List<Comparator<Object>> orders = open.stream().map(k -> order(schema.column(k).type())).toList();
        Object[][] best = {null};
        view.scan(d, window, row -> {
            for (int i = 0; i < givenIndex.length; i++) {
                if (!text(row.get(givenIndex[i])).equals(given.get(i).getValue())) {
                    return;
                }
            }
            Object[] candidate = new Object[openIndex.length];
            for (int i = 0; i < openIndex.length; i++) {
                candidate[i] = row.get(openIndex[i]);
            }
            if (best[0] == null || compare(orders, candidate, best[0]) < 0) {
                best[0] = candidate;
            }
        });
        if (best[0] != null) {
            for (int i = 0; i < open.size(); i++) {
                selection.put(open.get(i), text(best[0][i]));
            }
        }
    }

    private static int compare(List<Comparator<Object>> orders, Object[] a, Object[] b) {
        for (int i = 0; i < orders.size(); i++) {
            int c = orders.get(i).compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Per non-time key column, in key order, the values present in {@code window}, sorted, as query text. */
    private static Map<String, List<String>> keyValues(Dataset d, StoreView view, Window window) throws StoreException {
        Schema schema = d.schema();
        List<String> keys = locationKeys(d);
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        int[] keyIndex = keys.stream().mapToInt(schema::indexOf).toArray();
        List<TreeSet<Object>> seen = keys.stream().map(k -> new TreeSet<>(order(schema.column(k).type()))).toList();
        view.scan(d, window, row -> {
            for (int i = 0; i < keyIndex.length; i++) {
                seen.get(i).add(row.get(keyIndex[i]));
            }
        });
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), seen.get(i).stream().map(ApiDocuments::text).toList());
        }
        return out;
    }

    /** The natural order of a key column's values (key columns are never null). */
    private static Comparator<Object> order(ColumnType type) {
        return switch (type) {
            case TIMESTAMP -> Comparator.comparing(v -> (Instant) v);
            case DATE -> Comparator.comparing(v -> (LocalDate) v);
            case DOUBLE -> Comparator.comparing(v -> (Double) v);
            case BIGINT -> Comparator.comparing(v -> (Long) v);
            case VARCHAR -> Comparator.comparing(v -> (String) v);
            case BOOLEAN -> Comparator.comparing(v -> (Boolean) v);
        };
    }

    /** A key value as it is written in a query: a timestamp as ISO-8601 UTC, anything else as its text. */
    private static String text(Object v) {
        return v instanceof Instant i ? Times.format(i) : String.valueOf(v);
    }

    /** {@code /api/gaps}: open gaps of every dataset (or one), oldest first per dataset. */
    byte[] gaps(String onlyDataset) throws StoreException {
        List<Catalog.Configured> chosen = onlyDataset == null ? List.copyOf(datasets.values())
                : List.of(configured(onlyDataset));
        List<DatasetHealth> health = new ArrayList<>();
        for (Catalog.Configured c : chosen) {
            health.add(health(c));
        }
        return write(g -> {
            g.writeStartArray();
            for (DatasetHealth h : health) {
                for (Gap gap : h.gaps()) {
                    gap(g, h.dataset(), gap);
                }
            }
            g.writeEndArray();
        });
    }

    /** {@code /api/fetches}: the newest fetch-log lines of one dataset or of all, newest first. */
    byte[] fetches(String onlyDataset, int limit) throws StoreException {
        List<Catalog.Configured> chosen = onlyDataset == null ? List.copyOf(datasets.values())
                : List.of(configured(onlyDataset));
        List<FetchRecord> all = new ArrayList<>();
        for (Catalog.Configured c : chosen) {
            all.addAll(view(c.dataset()).fetches(c.dataset(), limit));
        }
        all.sort(Comparator.comparing(FetchRecord::fetchedAt).reversed());
        List<FetchRecord> newest = all.subList(0, Math.min(limit, all.size()));
        return write(g -> {
            g.writeStartArray();
            for (FetchRecord f : newest) {
                fetch(g, f);
            }
            g.writeEndArray();
        });
    }

    private void summary(JsonGenerator g, Catalog.Configured c, DatasetHealth h) throws IOException {
        Dataset d = c.dataset();
        Instant end = Pipeline.expectedEnd(d, clock.instant());
        g.writeStringField("id", d.id());
        g.writeStringField("title", d.title());
        g.writeStringField("source", d.source());
        g.writeBooleanField("enabled", c.enabled());
        g.writeStringField("state", h.state());
        g.writeStringField("disabled_reason", c.disabledReason());
        g.writeBooleanField("paused", schedule.paused(d.id()));
        g.writeNumberField("cadence_seconds", d.cadence().toSeconds());
        g.writeNumberField("rows", h.summary().rows());
        g.writeStringField("first", h.summary().first().map(Times::format).orElse(null));
        g.writeStringField("newest", h.summary().last().map(Times::format).orElse(null));
        g.writeStringField("expected_newest", Times.format(h.expectedNewest()));
        g.writeNumberField("lag_seconds", h.lag().toSeconds());
        Optional<Instant> start = ledgerStart(h);
        writePercent(g, "coverage_7d_pct", h, start.map(s -> later(s, end.minus(Duration.ofDays(7)))), end);
        writePercent(g, "coverage_all_pct", h, start, end);
        g.writeNumberField("open_gap_ranges", h.gaps().size());
        g.writeNumberField("missing_intervals", points(h.gaps(), GapKind.MISSING));
        g.writeNumberField("source_gap_intervals", points(h.gaps(), GapKind.SOURCE_GAP));
        g.writeStringField("next_run", schedule.nextRun(d.id()).map(Times::format).orElse(null));
        if (h.summary().lastFetch().isPresent()) {
            g.writeFieldName("last_fetch");
            fetch(g, h.summary().lastFetch().get());
        } else {
            g.writeNullField("last_fetch");
        }
    }

    /** Where the ledger of a dataset starts: its first gap or stored time, whichever is earlier. */
    private static Optional<Instant> ledgerStart(DatasetHealth h) {
        Optional<Instant> first = h.summary().first();
        if (!h.gaps().isEmpty()) {
            Instant g = h.gaps().get(0).window().start();
            return Optional.of(first.isPresent() && first.get().isBefore(g) ? first.get() : g);
        }
        return first;
    }

    /** Complete share of the expected points in {@code [from, end)}, null when nothing is expected there. */
    private static void writePercent(JsonGenerator g, String field, DatasetHealth h, Optional<Instant> from, Instant end)
            throws IOException {
        if (from.isEmpty() || !from.get().isBefore(end)) {
            g.writeNullField(field);
            return;
        }
        Window w = new Window(from.get(), end);
        Grid grid = Grid.of(h.dataset());
        int expected = grid.points(w).size();
        int missing = 0;
        for (Gap gap : h.gaps()) {
            if (gap.window().overlaps(w)) {
                missing += grid.points(gap.window().intersection(w)).size();
            }
        }
        if (expected == 0) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, Math.round(1000.0 * (expected - missing) / expected) / 10.0);
        }
    }

    /** One cell per market day: expected points (up to now, from the ledger's start), missing of each kind. */
    private void calendar(JsonGenerator g, Dataset d, DatasetHealth h) throws IOException {
        Instant end = Pipeline.expectedEnd(d, clock.instant());
        Optional<Instant> start = ledgerStart(h);
        Grid grid = Grid.of(d);
        LocalDate today = LocalDate.ofInstant(clock.instant(), d.marketZone());
        g.writeArrayFieldStart("calendar");
        for (LocalDate day = today.minusDays(CALENDAR_DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(d.marketZone()).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(d.marketZone()).toInstant();
            Instant from = start.map(s -> later(s, dayStart)).orElse(dayEnd);
            Instant to = dayEnd.isBefore(end) ? dayEnd : end;
            int expected = 0;
            int missing = 0;
            int sourceGap = 0;
            if (from.isBefore(to)) {
                Window w = new Window(from, to);
                expected = grid.points(w).size();
                for (Gap gap : h.gaps()) {
                    if (gap.window().overlaps(w)) {
                        int n = grid.points(gap.window().intersection(w)).size();
                        switch (gap.kind()) {
                            case MISSING -> missing += n;
                            case SOURCE_GAP -> sourceGap += n;
                        }
                    }
                }
            }
            g.writeStartObject();
            g.writeStringField("date", day.toString());
            g.writeStringField("from", Times.format(dayStart));
            g.writeStringField("to", Times.format(dayEnd));
            g.writeNumberField("expected", expected);
            g.writeNumberField("present", expected - missing - sourceGap);
            g.writeNumberField("missing", missing);
            g.writeNumberField("source_gap", sourceGap);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static int points(List<Gap> gaps, GapKind kind) {
        return gaps.stream().filter(x -> x.kind() == kind).mapToInt(Gap::points).sum();
    }

    private void gap(JsonGenerator g, Dataset d, Gap gap) throws IOException {
        g.writeStartObject();
        g.writeStringField("dataset", d.id());
        g.writeStringField("from", Times.format(gap.window().start()));
        g.writeStringField("to", Times.format(gap.window().end()));
        g.writeNumberField("intervals", gap.points());
        g.writeStringField("kind", gap.kind().name());
        g.writeBooleanField("fillable", datasets.get(d.id()).enabled());
        g.writeEndObject();
    }

    private static void fetch(JsonGenerator g, FetchRecord f) throws IOException {
        g.writeStartObject();
        g.writeStringField("fetch_id", f.fetchId());
        g.writeStringField("dataset", f.datasetId());
        g.writeStringField("at", Times.format(f.fetchedAt()));
        g.writeStringField("outcome", FetchMetrics.outcome(f));
        g.writeStringField("message", f.message());
        g.writeStringField("window_from", Times.format(f.window().start()));
        g.writeStringField("window_to", Times.format(f.window().end()));
        g.writeStringField("url", f.url());
        g.writeNumberField("http_status", f.httpStatus());
        g.writeNumberField("bytes", f.bytes());
        g.writeNumberField("duration_ms", f.duration().toMillis());
        g.writeNumberField("rows_inserted", f.rowsInserted());
        g.writeNumberField("rows_updated", f.rowsUpdated());
        g.writeNumberField("rows_unchanged", f.rowsUnchanged());
        g.writeEndObject();
    }

    /** The stored row with the same natural key as {@code old}, if it is still there. */
    private static Optional<Row> currentVersion(Dataset d, StoreView view, Row old) throws StoreException {
        Schema schema = d.schema();
        int timeIndex = schema.indexOf(d.timeShape().gridColumn());
        int[] key = schema.naturalKey().stream().mapToInt(schema::indexOf).toArray();
        Instant t = old.instant(timeIndex);
        List<Row> found = new ArrayList<>();
        view.scan(d, Window.of(t, d.cadence()), row -> {
            for (int k : key) {
                if (!java.util.Objects.equals(row.get(k), old.get(k))) {
                    return;
                }
            }
            found.add(row);
        });
        return found.stream().findFirst();
    }

    /** A revision as its key and, per changed value column, old and new value. */
    private static void revision(JsonGenerator g, Dataset d, Revision r, Row now) throws IOException {
        Schema schema = d.schema();
        g.writeStartObject();
        g.writeStringField("superseded_at", Times.format(r.supersededAt()));
        g.writeStringField("by_fetch", r.supersededByFetch());
        g.writeObjectFieldStart("key");
        for (String k : schema.naturalKey()) {
            writeValue(g, k, r.old().get(schema.indexOf(k)));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("changes");
        for (Column col : schema.valueColumns()) {
            int i = schema.indexOf(col.name());
            Object before = r.old().get(i);
            Object after = now == null ? null : now.get(i);
            if (now == null || !java.util.Objects.equals(before, after)) {
                g.writeStartObject();
                g.writeStringField("column", col.name());
                g.writeStringField("unit", col.unit());
                writeValue(g, "old", before);
                writeValue(g, "new", after);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, String field, Object v) throws IOException {
        if (v == null) {
            g.writeNullField(field);
        } else if (v instanceof Instant i) {
            g.writeStringField(field, Times.format(i));
        } else if (v instanceof Double x) {
            g.writeNumberField(field, x);
        } else if (v instanceof Long x) {
            g.writeNumberField(field, x);
        } else if (v instanceof Boolean b) {
            g.writeBooleanField(field, b);
        } else {
            g.writeStringField(field, v.toString());
        }
    }

    private static boolean chartable(Dataset d, Column col) {
        return !d.schema().naturalKey().contains(col.name())
                && (col.type() == ColumnType.DOUBLE || col.type() == ColumnType.BIGINT);
    }

    /** Writes one document with {@code body}. */
    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes a JSON document. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** A request naming something that does not exist: 404. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /** A request that cannot be answered as asked: 400. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
