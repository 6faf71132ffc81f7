package dev.pmp.source.miso;

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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MISO Capacity Short-Term Adequacy Tracking, supply and demand ({@code api/CsatSupplyDemand}): a bare
 * array of one market day, actual demand and committed capacity every 15 minutes up to the last completed
 * quarter hour, then forecasts at irregular spacing (15, 30, 60 minutes) to 23:00 EST. Every poll is kept:
 * the natural key holds {@code retrieved_at_utc}, the instant the engine received the snapshot. Immutable
 * and thread-safe.
 */
public final class CsatSupplyDemand extends ApiFeed {

    /** Path under the API base. */
    public static final String PATH = "CsatSupplyDemand";

    static final Duration CADENCE = Duration.ofMinutes(15);

    /** The value fields of a row, in schema order. */
    private static final List<String> FIELDS = List.of("demand", "committedCapacity", "demandForecast",
            "committedCapacityForecast", "availableCapacity");

    /** The fields every row carries; others are noted. */
    private static final Set<String> KNOWN = Set.of("id", "timeEst", "demand", "committedCapacity", "demandForecast",
            "committedCapacityForecast", "availableCapacity");

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "miso.csat_supply_demand",
            "MISO CSAT supply and demand (actual and forecast, every snapshot kept)",
            MisoSettings.DEFAULT_API_BASE + "/" + PATH,
            Schema.builder(TimeShape.INTERVAL)
                    .key("retrieved_at_utc", ColumnType.TIMESTAMP,
                            "when pmp received the snapshot (the engine's fetch time, UTC, milliseconds); every "
                                    + "poll is kept because forecast rows change between polls")
                    .value("kind", ColumnType.VARCHAR, "", "actual (demand, committedCapacity published) or "
                            + "forecast (demandForecast, committedCapacityForecast, availableCapacity published)")
                    .value("demand_mw", ColumnType.DOUBLE, "MW", "MISO demand: actual demand")
                    .value("committed_capacity_mw", ColumnType.DOUBLE, "MW", "MISO committedCapacity: actual "
                            + "committed capacity")
                    .value("demand_forecast_mw", ColumnType.DOUBLE, "MW", "MISO demandForecast")
                    .value("committed_capacity_forecast_mw", ColumnType.DOUBLE, "MW", "MISO committedCapacityForecast")
                    .value("available_capacity_mw", ColumnType.DOUBLE, "MW", "MISO availableCapacity (forecast "
                            + "rows only; not committed minus demand)")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            CADENCE,
            MisoTime.EST,
            // A quarter hour appears once it is complete; poll every 15 minutes.
            Duration.ofMinutes(15),
            Duration.ofMinutes(30),
            // CSAT has no history: only what pmp polls itself. The public API replaced DataBroker on 2025-12-12.
            LocalDate.of(2025, 12, 12),
            Optional.of(Duration.ofDays(1)),
            true,
            Duration.ofDays(1));

    public CsatSupplyDemand(MisoSettings settings) {
        super(DATASET, settings, PATH);
    }

    /** One row of the payload after its time and values were read. */
    private record Entry(int index, String label, LocalDateTime time, Double[] values, String problem) {
        String name() {
            return "row " + index + " (" + label + ")";
        }
    }

    /**
     * Checks every row and gives one stored row per interval. Interval start is {@code timeEst} at EST; an
     * actual row ends a quarter hour later (or at the next row, if sooner), a forecast row at the next row's
     * start (spacing is irregular) or, when last, at the end of the market day. A row that breaks a rule (a value not a number,
     * negative, a unit other than MW, committed capacity below demand, actual and forecast fields mixed,
     * forecast availability below committed forecast) is quarantined with a reason naming it; its interval is
     * not covered. Rows repeated identically are merged; two different rows for one time are both
     * quarantined. The covered window spans the actual rows only (a quarter hour MISO left out in between
     * is a source gap): forecast rows are stored but vouch for nothing.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the payload is not an array of CSAT rows or a
     *     row lacks {@code timeEst} or a value field; {@link Failure#NOT_PUBLISHED} for an empty array
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        String what = DATASET.id();
        List<Object> items = Json.array(Json.read(response.body(), what), what + ": the payload");
        if (items.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": the API answered an empty array");
        }
        Instant retrieved = response.fetchedAt().truncatedTo(ChronoUnit.MILLIS);
        List<String> notes = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        List<Entry> entries = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            entries.add(read(Json.object(items.get(i), what + ": row " + i), i, unknown));
        }
        if (!unknown.isEmpty()) {
            notes.add(what + ": fields this reader does not know, ignored: " + String.join(", ", unknown));
        }
        boolean ordered = true;
        for (int i = 1; i < entries.size(); i++) {
            ordered &= !entries.get(i).time().isBefore(entries.get(i - 1).time());
        }
        if (!ordered) {
            entries.sort(Comparator.comparing(Entry::time).thenComparing(Entry::index));
            notes.add(what + ": rows were not in time order; sorted by timeEst");
        }
        List<Entry> distinct = merge(entries, notes);
        List<Row> rows = new ArrayList<>(distinct.size());
        List<Quarantine> quarantined = new ArrayList<>();
        List<Instant> held = new ArrayList<>();
        Instant firstActual = null;
        Instant actualEnd = null;
        for (int i = 0; i < distinct.size(); i++) {
            Entry e = distinct.get(i);
            Instant start = MisoTime.instant(e.time());
            boolean isActual = e.values()[0] != null || e.values()[1] != null;
            Instant end = lastEnd(e);
            if (i + 1 < distinct.size()) {
                Instant next = MisoTime.instant(distinct.get(i + 1).time());
                // Actual rows are quarter hours; forecast rows last until the next row (irregular spacing).
                end = isActual && next.isAfter(end) ? end : next;
            }
            if (isActual) {
                firstActual = firstActual == null ? start : firstActual;
                actualEnd = end;
            }
            if (e.problem() != null) {
                quarantined.add(new Quarantine(new Window(start, end), 1, what + ": " + e.name() + " " + e.problem()));
                held.add(start);
                continue;
            }
            rows.add(Row.of(start, end, retrieved, isActual ? "actual" : "forecast", e.values()[0], e.values()[1],
                    e.values()[2], e.values()[3], e.values()[4]));
        }
        if (firstActual == null) {
            notes.add(what + ": the snapshot holds no actual row; nothing is counted as covered");
            return Parsed.of(rows, List.of(), quarantined, notes);
        }
        // The actual part vouches for every quarter hour it spans: one left out by MISO is a source gap.
        return Parsed.of(rows, Coverage.minus(new Window(firstActual, actualEnd), held, CADENCE), quarantined, notes);
    }

    /** An actual row ends at the next quarter hour, a forecast row (when last) at the end of its market day. */
    private static Instant lastEnd(Entry e) {
        Instant start = MisoTime.instant(e.time());
        if (e.values()[0] != null || e.values()[1] != null || e.values()[2] == null && e.values()[3] == null
                && e.values()[4] == null) {
            return start.plus(CADENCE);
        }
        return MisoTime.startOfDay(e.time().toLocalDate().plusDays(1));
    }

    /** Merges identical rows of one time; quarantines every row of a time published twice differently. */
    private static List<Entry> merge(List<Entry> sorted, List<String> notes) {
        List<Entry> out = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).time().equals(sorted.get(i).time())) {
                j++;
            }
            Entry first = sorted.get(i);
            boolean same = true;
            for (int k = i + 1; k < j; k++) {
                same &= java.util.Arrays.equals(first.values(), sorted.get(k).values())
                        && java.util.Objects.equals(first.problem(), sorted.get(k).problem());
            }
            if (j - i > 1 && same) {
                notes.add(DATASET.id() + ": " + first.name() + " is repeated " + (j - i - 1) + " time(s) with the "
                        + "same values; kept once");
                out.add(first);
            } else if (j - i > 1) {
                List<String> names = sorted.subList(i, j).stream().map(Entry::name).toList();
                out.add(new Entry(first.index(), first.label(), first.time(), first.values(),
                        "is published " + (j - i) + " times with different values (" + String.join(", ", names) + ")"));
            } else {
                out.add(first);
            }
            i = j;
        }
        return out;
    }

    private static Entry read(Map<String, Object> item, int index, Set<String> unknown) throws SourceException {
        String where = DATASET.id() + ": row " + index;
        String label = Json.text(item, "timeEst", where);
        LocalDateTime time;
        try {
            time = MisoTime.isoLocal(label);
        } catch (DateTimeParseException e) {
            throw new SourceException(Failure.BAD_DATA, where + ": timeEst \"" + label + "\" is not an ISO local time");
        }
        Object id = item.get("id");
        String name = (id == null ? "#" + index : "id " + id) + " at " + label + " EST";
        Double[] values = new Double[FIELDS.size()];
        String problem = null;
        for (int f = 0; f < FIELDS.size(); f++) {
            Object raw = Json.member(item, FIELDS.get(f), where);
            if (raw == null) {
                continue;
            }
            values[f] = Json.number(raw);
            if (values[f] == null) {
                problem = problem != null ? problem : FIELDS.get(f) + " is " + Json.describe(raw) + ", not a number";
            } else if (values[f] < 0) {
                problem = problem != null ? problem : FIELDS.get(f) + " is negative (" + raw + " MW)";
            }
        }
        for (Map.Entry<String, Object> e : item.entrySet()) {
            String key = e.getKey();
            if (KNOWN.contains(key)) {
                continue;
            }
            if (key.toLowerCase(Locale.ROOT).contains("unit")) {
                if (problem == null && !"MW".equals(e.getValue())) {
                    problem = "has unit " + key + " = " + Json.describe(e.getValue()) + ", expected MW";
                }
            } else {
                unknown.add(key);
            }
        }
        if (problem == null) {
            problem = ruleBroken(values);
        }
        return new Entry(index, name, time, values, problem);
    }

    /** The first CSAT rule {@code values} break, or null. */
    private static String ruleBroken(Double[] v) {
        boolean anyActual = v[0] != null || v[1] != null;
        boolean anyForecast = v[2] != null || v[3] != null || v[4] != null;
        if (anyActual && anyForecast) {
            return "mixes actual and forecast fields";
        }
        if (!anyActual && !anyForecast) {
            return "holds no value";
        }
        if (anyActual) {
            if (v[0] == null || v[1] == null) {
                return "is an actual row without " + (v[0] == null ? "demand" : "committedCapacity");
            }
            if (v[1] < v[0]) {
                return "has committedCapacity " + fmt(v[1]) + " MW below demand " + fmt(v[0]) + " MW";
            }
            return null;
        }
        if (v[2] == null || v[3] == null || v[4] == null) {
            return "is a forecast row without " + (v[2] == null ? "demandForecast"
                    : v[3] == null ? "committedCapacityForecast" : "availableCapacity");
        }
        if (v[4] < v[3]) {
            return "has availableCapacity " + fmt(v[4]) + " MW below committedCapacityForecast " + fmt(v[3]) + " MW";
        }
        return null;
    }

    private static String fmt(double mw) {
        return mw == Math.rint(mw) ? Long.toString((long) mw) : Double.toString(mw);
    }
}
