package dev.pmp.source.ercot;

import dev.pmp.source.ercot.FuelMixSnapshot.Day;
import dev.pmp.source.ercot.FuelMixSnapshot.Fuel;
import dev.pmp.source.ercot.FuelMixSnapshot.Stamp;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ERCOT dashboard {@code fuel-mix.json}: generation by fuel, a point sample every 5 minutes, yesterday
 * and today only. Immutable and thread-safe.
 */
public final class FuelMix extends DashboardFeed {

    /** Path of the dashboard under the web site root. */
    public static final String PATH = "/api/1/services/read/dashboards/fuel-mix.json";

    /** ERCOT's fuel names, in the dashboard's order; others are kept and noted. */
    static final List<String> KNOWN_FUELS = List.of("Coal and Lignite", "Hydro", "Nuclear", "Power Storage",
            "Solar", "Wind", "Natural Gas", "Other");

    static final Duration CADENCE = Duration.ofMinutes(5);

    /** Stamps further than this from their 5-minute mark are noted (ERCOT's are a few seconds early). */
    private static final long NOTED_DISTANCE_SECONDS = 60;

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "ercot.fuel_mix",
            "ERCOT generation by fuel (fuel mix dashboard)",
            ErcotSettings.DEFAULT_DASHBOARD_BASE + PATH,
            Schema.builder(TimeShape.POINT)
                    .key("fuel", ColumnType.VARCHAR,
                            "ERCOT fuel name as published (the keys under each timestamp): "
                                    + String.join(", ", KNOWN_FUELS) + "; a new name is kept as it is")
                    .value("generation_mw", ColumnType.DOUBLE, "MW",
                            "ERCOT gen: generation of the fuel at the 5-minute mark (ERCOT's timestamp, a few "
                                    + "seconds before the mark, rounded to the nearest mark); Power Storage is "
                                    + "negative while storage charges")
                    .build(),
            TimeShape.POINT,
            Access.SNAPSHOT,
            CADENCE,
            EnergyStorageResources.ZONE,
            // A sample appears within about 2 minutes of its mark (README 2.4; "~2 min lag" observed 2026-04).
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            // gridstatus switched to this real-time endpoint on 2022-12-15 (PR #95, "Ercot now supports a
            // new real time fuel mix end point"); nothing older is known. The feed itself keeps two days.
            LocalDate.of(2022, 12, 15),
            Optional.of(Duration.ofDays(2)),
            false,
            Duration.ofDays(2));

    /** A feed reading the dashboard under {@link ErcotSettings#dashboardBase()}. */
    public FuelMix(ErcotSettings settings) {
        super(DATASET, settings.dashboard(PATH));
    }

    /**
     * Rounds every timestamp (parsed with its own offset) to the nearest 5-minute mark in UTC, merges the
     * fuels of timestamps that round to the same mark, and gives one row per mark and fuel. A block whose
     * timestamps are not on its own date, or that has one fuel twice at a mark with different values, is
     * quarantined; the other block is still stored. A block covers {@code [first mark, last mark + 5 min)}.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the payload is not the dashboard's envelope,
     *     or no block holds a sample
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        FuelMixSnapshot snapshot = FuelMixReader.read(response.body());
        if (snapshot.days().stream().allMatch(d -> d.stamps().isEmpty())) {
            throw new SourceException(Failure.BAD_DATA, "payload has no samples: data holds "
                    + (snapshot.days().isEmpty() ? "no day" : "only empty days " + snapshot.days().stream()
                            .map(d -> d.date().toString()).toList()));
        }
        List<String> notes = new ArrayList<>();
        noteIgnoredFields(snapshot.ignoredFields(), notes);
        Set<String> unknownFuels = new LinkedHashSet<>();
        TreeMap<Instant, Map<String, Double>> marks = new TreeMap<>();
        List<Window> covered = new ArrayList<>();
        List<Quarantine> quarantined = new ArrayList<>();
        List<Day> days = new ArrayList<>(snapshot.days());
        days.sort(Comparator.comparing(Day::date));
        for (Day day : days) {
            if (day.stamps().isEmpty()) {
                continue;
            }
            TreeMap<Instant, Map<String, Double>> merged = new TreeMap<>();
            String problem = merge(day, merged, notes);
            if (problem != null) {
                int fuels = day.stamps().stream().mapToInt(s -> s.fuels().size()).sum();
                quarantined.add(new Quarantine(EnergyStorageResources.operatingDay(day.date()), fuels,
                        day.date() + ": " + problem + "; day held back"));
                continue;
            }
            for (Map.Entry<Instant, Map<String, Double>> e : merged.entrySet()) {
                Map<String, Double> kept = marks.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                for (Map.Entry<String, Double> fuel : e.getValue().entrySet()) {
                    Double earlier = kept.put(fuel.getKey(), fuel.getValue());
                    if (earlier != null && !earlier.equals(fuel.getValue())) {
                        notes.add("data." + day.date() + " repeats " + fuel.getKey() + " at " + e.getKey()
                                + " with another value than the day before; kept the later day's");
                    }
                    if (!KNOWN_FUELS.contains(fuel.getKey())) {
                        unknownFuels.add(fuel.getKey());
                    }
                }
            }
            covered.add(new Window(merged.firstKey(), merged.lastKey().plus(CADENCE)));
        }
        if (!unknownFuels.isEmpty()) {
            notes.add("fuels ERCOT did not publish before, kept as they are: " + String.join(", ", unknownFuels));
        }
        List<Row> rows = new ArrayList<>(marks.size() * 8);
        for (Map.Entry<Instant, Map<String, Double>> e : marks.entrySet()) {
            e.getValue().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(FuelMix::fuelOrder)))
                    .forEach(f -> rows.add(Row.of(e.getKey(), f.getKey(), f.getValue())));
        }
        return Parsed.of(rows, Window.merge(covered), quarantined, notes);
    }

    /**
     * Merges the stamps of one block into {@code merged} by mark; returns the reason to hold the block
     * back, or null.
     */
    private static String merge(Day day, TreeMap<Instant, Map<String, Double>> merged, List<String> notes) {
        Map<Instant, String> firstStamp = new LinkedHashMap<>();
        int split = 0;
        String splitExample = null;
        for (Stamp s : day.stamps()) {
            if (!s.time().toLocalDate().equals(day.date())) {
                return "timestamp " + s.text() + " is not on the block's date";
            }
            Instant mark = nearestMark(s.time().toInstant());
            long distance = Math.abs(Duration.between(mark, s.time().toInstant()).toSeconds());
            if (distance > NOTED_DISTANCE_SECONDS) {
                notes.add("data." + day.date() + ": timestamp " + s.text() + " lies " + distance
                        + " s from its 5-minute mark " + mark);
            }
            String other = firstStamp.putIfAbsent(mark, s.text());
            if (other != null && !other.equals(s.text())) {
                split++;
                splitExample = other + " and " + s.text();
            }
            Map<String, Double> fuels = merged.computeIfAbsent(mark, k -> new LinkedHashMap<>());
            for (Fuel f : s.fuels()) {
                Double earlier = fuels.putIfAbsent(f.name(), f.gen());
                if (earlier != null && !earlier.equals(f.gen())) {
                    return f.name() + " appears twice at " + mark + " with different values (" + earlier + " under "
                            + firstStamp.get(mark) + ", " + f.gen() + " under " + s.text() + ")";
                }
            }
        }
        if (split > 0) {
            notes.add("data." + day.date() + ": " + split + " five-minute mark(s) published under more than one "
                    + "timestamp, merged (e.g. " + splitExample + ")");
        }
        return null;
    }

    /** The 5-minute mark nearest to {@code t} in UTC; exactly half-way rounds up. */
    static Instant nearestMark(Instant t) {
        long step = CADENCE.toSeconds();
        long floor = Math.floorDiv(t.getEpochSecond(), step) * step;
        long into = t.getEpochSecond() - floor;
        return Instant.ofEpochSecond(into * 2 >= step ? floor + step : floor);
    }

    private static String fuelOrder(String fuel) {
        int known = KNOWN_FUELS.indexOf(fuel);
        // Known fuels in ERCOT's order, then new ones by name.
        return known >= 0 ? String.format("0%02d", known) : "1" + fuel;
    }
}
