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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * MISO generation by fuel ({@code api/FuelMix}): the latest 5-minute interval, one entry per fuel category.
 * {@code INTERVALEST} is the interval start in EST. Immutable and thread-safe.
 */
public final class FuelMix extends ApiFeed {

    /** Path under the API base. */
    public static final String PATH = "FuelMix";

    static final Duration CADENCE = Duration.ofMinutes(5);

    /** The categories MISO publishes; others are kept and noted. */
    static final List<String> KNOWN_FUELS = List.of("Coal", "Natural Gas", "Nuclear", "Wind", "Solar",
            "Battery Storage", "Other", "Imports");

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "miso.fuel_mix",
            "MISO generation by fuel (real-time, 5 minutes)",
            MisoSettings.DEFAULT_API_BASE + "/" + PATH,
            Schema.builder(TimeShape.INTERVAL)
                    .key("fuel", ColumnType.VARCHAR, "MISO CATEGORY as published: " + String.join(", ", KNOWN_FUELS))
                    .value("mw", ColumnType.DOUBLE, "MW", "MISO ACT: generation of the category in the interval")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            CADENCE,
            MisoTime.EST,
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            LocalDate.of(2025, 12, 12),
            Optional.of(CADENCE),
            false,
            Duration.ofDays(1));

    public FuelMix(MisoSettings settings) {
        super(DATASET, settings, PATH);
    }

    /**
     * One row per interval and fuel. An interval with a fuel whose {@code ACT} is not a number, or with one
     * fuel twice at different values, is quarantined as a whole. A {@code TotalMW} that differs from the sum
     * of the fuels by more than 1 MW is noted. Covers each interval stored.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the envelope or a field is missing;
     *     {@link Failure#NOT_PUBLISHED} when no fuel is listed
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        String what = DATASET.id();
        Map<String, Object> root = Json.object(Json.read(response.body(), what), what + ": the payload");
        Map<String, Object> fuel = Json.object(Json.member(root, "Fuel", what), what + ": Fuel");
        List<Object> types = Json.array(Json.member(fuel, "Type", what + ": Fuel"), what + ": Fuel.Type");
        if (types.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": Fuel.Type lists no fuel");
        }
        List<String> notes = new ArrayList<>();
        TreeMap<Instant, Map<String, Double>> intervals = new TreeMap<>();
        Map<Instant, String> bad = new LinkedHashMap<>();
        Map<Instant, Integer> counts = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String where = what + ": Fuel.Type[" + i + "]";
            Map<String, Object> t = Json.object(types.get(i), where);
            String label = Json.text(t, "INTERVALEST", where);
            String category = Json.text(t, "CATEGORY", where).strip();
            Object act = Json.member(t, "ACT", where);
            LocalDateTime local;
            try {
                local = MisoTime.twelveHour(label);
            } catch (DateTimeParseException e) {
                throw new SourceException(Failure.BAD_DATA, where + ": INTERVALEST \"" + label
                        + "\" is not yyyy-MM-dd h:mm:ss a");
            }
            Instant start = MisoTime.instant(local);
            counts.merge(start, 1, Integer::sum);
            Double mw = Json.number(act);
            if (!KNOWN_FUELS.contains(category)) {
                unknown.add(category);
            }
            if (mw == null) {
                bad.putIfAbsent(start, where + " (" + category + " at " + label + " EST): ACT " + Json.describe(act)
                        + " is not a number");
                continue;
            }
            Double earlier = intervals.computeIfAbsent(start, k -> new LinkedHashMap<>()).putIfAbsent(category, mw);
            if (earlier != null && !earlier.equals(mw)) {
                bad.putIfAbsent(start, where + ": " + category + " appears twice at " + label + " EST with "
                        + earlier + " and " + mw + " MW");
            } else if (earlier != null) {
                notes.add(where + ": " + category + " repeated at " + label + " EST; kept once");
            }
        }
        if (!unknown.isEmpty()) {
            notes.add(what + ": categories MISO did not publish before, kept as they are: " + String.join(", ", unknown));
        }
        Double total = root.containsKey("TotalMW") ? Json.number(root.get("TotalMW")) : null;
        List<Row> rows = new ArrayList<>();
        List<Quarantine> quarantined = new ArrayList<>();
        List<Window> covered = new ArrayList<>();
        for (Instant start : new java.util.TreeSet<>(counts.keySet())) {
            Window span = Window.of(start, CADENCE);
            if (bad.containsKey(start)) {
                quarantined.add(new Quarantine(span, counts.get(start), bad.get(start) + "; interval held back"));
                continue;
            }
            Map<String, Double> fuels = intervals.get(start);
            double sum = fuels.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total != null && counts.size() == 1 && Math.abs(sum - total) > 1) {
                notes.add(what + ": TotalMW " + total + " differs from the sum of the fuels " + sum + " at " + start);
            }
            fuels.forEach((name, mw) -> rows.add(Row.of(start, span.end(), name, mw)));
            covered.add(span);
        }
        return Parsed.of(rows, Window.merge(covered), quarantined, notes);
    }
}
