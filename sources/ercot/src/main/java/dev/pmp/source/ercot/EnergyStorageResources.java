package dev.pmp.source.ercot;

import dev.pmp.source.ercot.EnergyStorageSnapshot.Day;
import dev.pmp.source.ercot.EnergyStorageSnapshot.Sample;
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
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ERCOT dashboard {@code energy-storage-resources.json}: system-wide charging, discharging and net
 * output of energy storage resources, a point sample every 5 minutes, yesterday and today only.
 * Immutable and thread-safe.
 */
public final class EnergyStorageResources extends DashboardFeed {

    /** Path of the dashboard under the web site root. */
    public static final String PATH = "/api/1/services/read/dashboards/energy-storage-resources.json";

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final Duration CADENCE = Duration.ofMinutes(5);

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "ercot.energy_storage_resources",
            "ERCOT energy storage resources (system-wide charging/discharging)",
            ErcotSettings.DEFAULT_DASHBOARD_BASE + PATH,
            Schema.builder(TimeShape.POINT)
                    .value("total_charging_mw", ColumnType.DOUBLE, "MW",
                            "ERCOT totalCharging: sum of charging over all ESRs, ≤ 0, charging as negative")
                    .value("total_discharging_mw", ColumnType.DOUBLE, "MW",
                            "ERCOT totalDischarging: sum of discharging over all ESRs, ≥ 0")
                    .value("net_output_mw", ColumnType.DOUBLE, "MW",
                            "ERCOT netOutput: totalDischarging + totalCharging, positive = net injection")
                    .build(),
            TimeShape.POINT,
            Access.SNAPSHOT,
            CADENCE,
            ZONE,
            // lastUpdated was 61 s after the newest sample in the recorded snapshot (README 2.3).
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            // The oldest operating day this dashboard is known to have published: gridstatus repaired
            // its 2024-11-03 payload (commit cd3a0dd, PR #469). The feed itself keeps only two days.
            LocalDate.of(2024, 11, 3),
            Optional.of(Duration.ofDays(2)),
            false,
            Duration.ofDays(2));

    private static final ZoneRules RULES = ZONE.getRules();

    /** A feed reading the dashboard under {@link ErcotSettings#dashboardBase()}. */
    public EnergyStorageResources(ErcotSettings settings) {
        super(DATASET, settings.dashboard(PATH));
    }

    /**
     * Reads both day blocks, repairs the fall-back defect, and holds back any block that still breaks
     * the day's grid. {@code previousDay} covers its whole operating day; {@code currentDay} covers its
     * day up to its newest sample plus 5 minutes. A block without samples covers nothing.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the payload is not the dashboard's envelope,
     *     or neither block holds a sample
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        EnergyStorageSnapshot snapshot = EnergyStorageSnapshotReader.read(response.body());
        Day previousDay = snapshot.previousDay();
        Day currentDay = snapshot.currentDay();
        if (previousDay.samples().isEmpty() && currentDay.samples().isEmpty()) {
            throw new SourceException(Failure.BAD_DATA, "payload has no samples: previousDay (" + previousDay.date()
                    + ") and currentDay (" + currentDay.date() + ") are both empty");
        }
        List<String> notes = new ArrayList<>();
        noteIgnoredFields(snapshot.ignoredFields(), notes);
        TreeMap<Instant, Row> rows = new TreeMap<>();
        List<Window> covered = new ArrayList<>();
        List<Quarantine> quarantined = new ArrayList<>();
        for (Day read : List.of(previousDay, currentDay)) {
            Day day = FallBackRelabel.apply(read, RULES, CADENCE, notes);
            Window operatingDay = operatingDay(day.date());
            String problem = DayCheck.problem(day, ZONE, CADENCE);
            if (problem != null) {
                String repaired = day == read ? "" : " after repair";
                quarantined.add(new Quarantine(operatingDay, day.samples().size(),
                        day.date() + ": " + problem + repaired + "; day held back"));
                continue;
            }
            if (day.samples().isEmpty()) {
                if (read == previousDay) {
                    notes.add("previousDay (" + day.date() + ") has no samples; the day is not counted as covered");
                }
                continue;
            }
            for (Sample s : day.samples()) {
                Instant t = s.time().toInstant();
                Row row = Row.of(t, s.totalCharging(), s.totalDischarging(), s.netOutput());
                Row earlier = rows.put(t, row);
                if (earlier != null && !earlier.equals(row)) {
                    notes.add("previousDay and currentDay hold different values at " + t + "; kept currentDay's");
                }
            }
            Instant last = day.samples().get(day.samples().size() - 1).time().toInstant();
            covered.add(read == previousDay
                    ? operatingDay
                    : new Window(operatingDay.start(), last.plus(CADENCE)));
        }
        return Parsed.of(List.copyOf(rows.values()), Window.merge(covered), quarantined, notes);
    }

    /** {@code [local start of date, local start of the next date)} in America/Chicago. */
    static Window operatingDay(LocalDate date) {
        return new Window(date.atStartOfDay(ZONE).toInstant(), date.plusDays(1).atStartOfDay(ZONE).toInstant());
    }
}
