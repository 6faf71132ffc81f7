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
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MISO actual total load ({@code api/RealTimeTotalLoad}, {@code FiveMinTotalLoad}): every 5-minute interval
 * of the current market day so far. {@code Time} is {@code HH:mm}, the interval start in EST; the day is
 * the first token of {@code RefId}. The same payload's {@code ClearedMW} and {@code MediumTermLoadForecast}
 * are not read. Immutable and thread-safe.
 */
public final class LoadActual extends ApiFeed {

    /** Path under the API base. */
    public static final String PATH = "RealTimeTotalLoad";

    static final Duration CADENCE = Duration.ofMinutes(5);

    /** The only area the payload describes. */
    static final String AREA = "MISO";

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "miso.load_actual",
            "MISO actual total load (real-time, 5 minutes)",
            MisoSettings.DEFAULT_API_BASE + "/" + PATH,
            Schema.builder(TimeShape.INTERVAL)
                    .key("area", ColumnType.VARCHAR, "always MISO (the system total)")
                    .value("load_mw", ColumnType.DOUBLE, "MW", "MISO FiveMinTotalLoad Load.Value")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            CADENCE,
            MisoTime.EST,
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            LocalDate.of(2025, 12, 12),
            Optional.of(Duration.ofDays(1)),
            false,
            Duration.ofDays(1));

    public LoadActual(MisoSettings settings) {
        super(DATASET, settings, PATH);
    }

    /**
     * One row per 5-minute interval. An interval whose value is not a non-negative number, or that is
     * listed twice with different values, is quarantined; identical repeats are merged and out-of-order
     * entries sorted (both noted). Covers the first through the last interval listed, less the quarantined
     * ones: an interval missing in between is a source gap.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the envelope, {@code RefId} or a field is
     *     missing; {@link Failure#NOT_PUBLISHED} when no interval is listed
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        String what = DATASET.id();
        Map<String, Object> root = Json.object(Json.read(response.body(), what), what + ": the payload");
        Map<String, Object> info = Json.object(Json.member(root, "LoadInfo", what), what + ": LoadInfo");
        String refId = Json.text(info, "RefId", what + ": LoadInfo");
        LocalDate day;
        try {
            day = MisoTime.refIdDay(refId);
        } catch (DateTimeParseException e) {
            throw new SourceException(Failure.BAD_DATA, what + ": RefId \"" + refId + "\" does not start with a "
                    + "dd-MMM-yyyy day");
        }
        List<Object> loads = Json.array(Json.member(info, "FiveMinTotalLoad", what + ": LoadInfo"),
                what + ": FiveMinTotalLoad");
        if (loads.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": FiveMinTotalLoad lists no interval for " + day);
        }
        List<String> notes = new ArrayList<>();
        TreeMap<Instant, Double> values = new TreeMap<>();
        TreeMap<Instant, String> bad = new TreeMap<>();
        Instant previous = null;
        boolean ordered = true;
        for (int i = 0; i < loads.size(); i++) {
            String where = what + ": FiveMinTotalLoad[" + i + "]";
            Map<String, Object> load = Json.object(Json.member(Json.object(loads.get(i), where), "Load", where),
                    where + ".Load");
            String time = Json.text(load, "Time", where + ".Load");
            Object raw = Json.member(load, "Value", where + ".Load");
            Instant start;
            try {
                start = MisoTime.instant(day.atTime(LocalTime.parse(time.strip())));
            } catch (DateTimeParseException e) {
                throw new SourceException(Failure.BAD_DATA, where + ": Time \"" + time + "\" is not HH:mm");
            }
            if (previous != null && start.isBefore(previous)) {
                ordered = false;
            }
            previous = start;
            Double mw = Json.number(raw);
            if (mw == null || mw < 0) {
                bad.putIfAbsent(start, where + " (" + day + " " + time + " EST): Value " + Json.describe(raw)
                        + " is not a non-negative number of MW");
                continue;
            }
            Double earlier = values.putIfAbsent(start, mw);
            if (earlier != null && !earlier.equals(mw)) {
                bad.putIfAbsent(start, where + ": " + day + " " + time + " EST is listed twice (" + earlier + " and "
                        + mw + " MW)");
            } else if (earlier != null) {
                notes.add(where + ": " + day + " " + time + " EST repeated with the same value; kept once");
            }
        }
        if (!ordered) {
            notes.add(what + ": FiveMinTotalLoad was not in time order; sorted");
        }
        List<Row> rows = new ArrayList<>(values.size());
        List<Quarantine> quarantined = new ArrayList<>();
        for (Map.Entry<Instant, String> b : bad.entrySet()) {
            quarantined.add(new Quarantine(Window.of(b.getKey(), CADENCE), 1, b.getValue()));
            values.remove(b.getKey());
        }
        values.forEach((start, mw) -> rows.add(Row.of(start, start.plus(CADENCE), AREA, mw)));
        Instant first = values.isEmpty() ? bad.firstKey() : min(values.firstKey(), bad.isEmpty() ? null : bad.firstKey());
        Instant last = values.isEmpty() ? bad.lastKey() : max(values.lastKey(), bad.isEmpty() ? null : bad.lastKey());
        List<Window> covered = Coverage.minus(new Window(first, last.plus(CADENCE)), bad.keySet(), CADENCE);
        return Parsed.of(rows, covered, quarantined, notes);
    }

    private static Instant min(Instant a, Instant b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
