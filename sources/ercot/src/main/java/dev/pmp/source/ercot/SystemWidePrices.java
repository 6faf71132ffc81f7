package dev.pmp.source.ercot;

import dev.pmp.source.ercot.SystemWidePricesSnapshot.RealTime;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real-time half of the ERCOT dashboard {@code system-wide-prices.json} ({@code rtSppData}): 15-minute
 * settlement point prices of the hubs and load zones, today only. Immutable and thread-safe.
 */
public final class SystemWidePrices extends DashboardFeed {

    /** Path of the dashboard under the web site root; shared with {@link SystemWidePricesDayAhead}. */
    public static final String PATH = "/api/1/services/read/dashboards/system-wide-prices.json";

    static final Duration CADENCE = Duration.ofMinutes(15);

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "ercot.system_wide_prices",
            "ERCOT real-time settlement point prices, hubs and load zones (system-wide prices dashboard)",
            ErcotSettings.DEFAULT_DASHBOARD_BASE + PATH,
            Schema.builder(TimeShape.INTERVAL)
                    .key("settlement_point", ColumnType.VARCHAR,
                            "ERCOT settlement point (hub or load zone), with the dashboard's JSON key: "
                                    + SettlementPoint.described())
                    .value("price_usd_per_mwh", ColumnType.DOUBLE, "$/MWh",
                            "ERCOT rtSppData: real-time settlement point price of the 15-minute interval "
                                    + "ending at the row's timestamp")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            CADENCE,
            EnergyStorageResources.ZONE,
            // An interval shows up about 2 minutes after it ends (README 2.4; a recorded live payload had
            // lastUpdated 20:02:00 with the interval ending 20:00 as its newest row).
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            // The oldest day this dashboard is known to have served: gridstatus issue #24 (2022-08-17)
            // names systemWidePrices.json as a live source. The feed itself serves today only.
            LocalDate.of(2022, 8, 17),
            Optional.of(Duration.ofDays(1)),
            false,
            Duration.ofDays(1));

    /** A feed reading the dashboard under {@link ErcotSettings#dashboardBase()}. */
    public SystemWidePrices(ErcotSettings settings) {
        super(DATASET, settings.dashboard(PATH));
    }

    /**
     * Reads {@code rtSppData}: each row's {@code timestamp} (with its offset) is the interval's end, the
     * start is 15 minutes earlier in absolute time, and each row gives one output row per settlement
     * point. The rows must be on the 15-minute grid, strictly increasing and inside one operating day;
     * otherwise the day is quarantined. Covers {@code [local midnight, newest interval end)}. An empty
     * {@code rtSppData} (the first minutes after midnight) covers nothing and is not an error.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the payload is not the dashboard's envelope
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        SystemWidePricesSnapshot snapshot = SystemWidePricesReader.read(response.body());
        List<String> notes = new ArrayList<>();
        noteIgnoredFields(snapshot.ignoredFields(), notes);
        List<RealTime> realTime = snapshot.realTime();
        if (realTime.isEmpty()) {
            notes.add("rtSppData is empty (normal in the first minutes of the operating day); nothing covered");
            return Parsed.of(List.of(), List.of(), List.of(), notes);
        }
        LocalDate day = start(realTime.get(0)).atZone(EnergyStorageResources.ZONE).toLocalDate();
        Window operatingDay = EnergyStorageResources.operatingDay(day);
        String problem = problem(realTime, day);
        if (problem != null) {
            Quarantine q = new Quarantine(operatingDay, realTime.size() * SettlementPoint.values().length,
                    day + ": " + problem + "; day held back");
            return Parsed.of(List.of(), List.of(), List.of(q), notes);
        }
        List<Row> rows = new ArrayList<>(realTime.size() * SettlementPoint.values().length);
        for (RealTime r : realTime) {
            Instant end = r.end().toInstant();
            Instant start = start(r);
            for (SettlementPoint p : SettlementPoint.values()) {
                rows.add(Row.of(start, end, p.name(), r.prices().get(p)));
            }
            crossCheck(r, notes);
        }
        Instant last = realTime.get(realTime.size() - 1).end().toInstant();
        return Parsed.of(rows, List.of(new Window(operatingDay.start(), last)), List.of(), notes);
    }

    /** The interval's start: its end minus 15 minutes of absolute time (right across DST changes). */
    private static Instant start(RealTime r) {
        return r.end().toInstant().minus(CADENCE);
    }

    /** The first reason to hold the day back, or null. */
    private static String problem(List<RealTime> rows, LocalDate day) {
        Instant previous = null;
        for (RealTime r : rows) {
            Instant end = r.end().toInstant();
            String which = "interval ending " + r.timestamp() + " (rtSppData[" + r.index() + "])";
            if (end.getEpochSecond() % CADENCE.toSeconds() != 0 || end.getNano() != 0) {
                return which + " is off the 15-minute grid";
            }
            if (!start(r).atZone(EnergyStorageResources.ZONE).toLocalDate().equals(day)) {
                return which + " lies outside the operating day " + day;
            }
            if (previous != null && !end.isAfter(previous)) {
                return end.equals(previous)
                        ? which + " repeats the interval before it"
                        : which + " is earlier than the interval before it (" + previous + ")";
            }
            previous = end;
        }
        return null;
    }

    /** Notes (never fails on) an {@code interval} or {@code intervalEnding} that disagrees with {@code timestamp}. */
    private static void crossCheck(RealTime r, List<String> notes) {
        Instant end = r.end().toInstant();
        if (r.intervalMillis() != null && r.intervalMillis() != end.toEpochMilli()) {
            notes.add("rtSppData[" + r.index() + "].interval " + r.intervalMillis() + " is not the instant of timestamp "
                    + r.timestamp() + "; timestamp used");
        }
        if (r.intervalEnding() != null) {
            LocalTime wall = r.end().toLocalTime();
            String expected = HH_MM.format(wall);
            boolean midnight = wall.equals(LocalTime.MIDNIGHT) && r.intervalEnding().equals("24:00");
            if (!midnight && !r.intervalEnding().equals(expected)) {
                notes.add("rtSppData[" + r.index() + "].intervalEnding " + r.intervalEnding()
                        + " does not match timestamp " + r.timestamp() + "; timestamp used");
            }
        }
    }
}
