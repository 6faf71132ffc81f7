package dev.pmp.source.ercot;

import dev.pmp.source.ercot.SystemWidePricesSnapshot.DayAhead;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The day-ahead half of the ERCOT dashboard {@code system-wide-prices.json} ({@code damSppData}): hourly
 * DAM settlement point prices of the hubs and load zones for today, labelled by hour ending. A dataset of
 * its own because a dataset has one cadence (the real-time half is 15-minute). Immutable and thread-safe.
 */
public final class SystemWidePricesDayAhead extends DashboardFeed {

    static final Duration CADENCE = HourEnding.HOUR;

    private static final ZoneId ZONE = EnergyStorageResources.ZONE;

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "ercot.system_wide_prices_day_ahead",
            "ERCOT day-ahead (DAM) settlement point prices, hubs and load zones (system-wide prices dashboard)",
            ErcotSettings.DEFAULT_DASHBOARD_BASE + SystemWidePrices.PATH,
            Schema.builder(TimeShape.INTERVAL)
                    .key("settlement_point", ColumnType.VARCHAR,
                            "ERCOT settlement point (hub or load zone), with the dashboard's JSON key: "
                                    + SettlementPoint.described())
                    .value("price_usd_per_mwh", ColumnType.DOUBLE, "$/MWh",
                            "ERCOT damSppData: day-ahead market settlement point price of the hour; the interval "
                                    + "comes from hourEnding and dstFlag on the operating day")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            CADENCE,
            ZONE,
            // The DAM clears the day before; the dashboard, which shows today only, has every hour of the
            // day from local midnight, so an hour is never published after it ends.
            Duration.ZERO,
            Duration.ofMinutes(30),
            // As for the real-time half: gridstatus issue #24 (2022-08-17) names systemWidePrices.json.
            LocalDate.of(2022, 8, 17),
            Optional.of(Duration.ofDays(1)),
            false,
            Duration.ofDays(1));

    /** A feed reading the dashboard under {@link ErcotSettings#dashboardBase()}. */
    public SystemWidePricesDayAhead(ErcotSettings settings) {
        super(DATASET, settings.dashboard(SystemWidePrices.PATH));
    }

    /**
     * Reads {@code damSppData}: hour ending {@code h} of the operating day is {@code [h-1, h)} local, the
     * fall-back day's second hour ending 02 (flag {@code Y}) is the standard-time hour, and the end is the
     * start plus one hour of absolute time. The operating day is taken from the rows' own
     * {@code timestamp} (the hour's end) when they carry one, else from the first {@code rtSppData}
     * interval, else from {@code lastUpdated}. Hours must be strictly increasing and distinct, and must
     * agree with a {@code timestamp} they carry; otherwise the day is quarantined. Covers the whole
     * operating day; an empty {@code damSppData} covers nothing and is not an error.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the payload is not the dashboard's envelope
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        SystemWidePricesSnapshot snapshot = SystemWidePricesReader.read(response.body());
        List<String> notes = new ArrayList<>();
        noteIgnoredFields(snapshot.ignoredFields(), notes);
        List<DayAhead> dayAhead = snapshot.dayAhead();
        if (dayAhead.isEmpty()) {
            notes.add("damSppData is empty; nothing covered");
            return Parsed.of(List.of(), List.of(), List.of(), notes);
        }
        LocalDate day = operatingDay(snapshot);
        Window operatingDay = EnergyStorageResources.operatingDay(day);
        List<Row> rows = new ArrayList<>(dayAhead.size() * SettlementPoint.values().length);
        Instant previous = null;
        for (DayAhead d : dayAhead) {
            Instant start = HourEnding.start(day, d.hourEnding(), "Y".equals(d.dstFlag()), ZONE);
            Instant end = start.plus(CADENCE);
            String which = "hourEnding " + d.hourEnding() + (d.dstFlag() == null ? "" : " (dstFlag " + d.dstFlag() + ")")
                    + " (damSppData[" + d.index() + "])";
            String problem = null;
            if (d.end() != null && !d.end().toInstant().equals(end)) {
                problem = which + " is the hour ending " + end + ", but its timestamp says " + d.end().toInstant();
            } else if (!operatingDay.contains(start)) {
                problem = which + " lies outside the operating day";
            } else if (previous != null && !start.isAfter(previous)) {
                problem = which + (start.equals(previous) ? " names the same hour as the row before it ("
                        : " is earlier than the row before it (") + previous + ")";
            }
            if (problem != null) {
                Quarantine q = new Quarantine(operatingDay, dayAhead.size() * SettlementPoint.values().length,
                        day + ": " + problem + "; day held back");
                return Parsed.of(List.of(), List.of(), List.of(q), notes);
            }
            previous = start;
            for (SettlementPoint p : SettlementPoint.values()) {
                rows.add(Row.of(start, end, p.name(), d.prices().get(p)));
            }
        }
        return Parsed.of(rows, List.of(operatingDay), List.of(), notes);
    }

    /**
     * The operating day of {@code damSppData}. The dashboard names no date; the rows' own end stamps are
     * the best evidence, then today's real-time intervals, then the time of publication.
     */
    private static LocalDate operatingDay(SystemWidePricesSnapshot snapshot) {
        DayAhead first = snapshot.dayAhead().get(0);
        if (first.end() != null) {
            return first.end().toInstant().minus(CADENCE).atZone(ZONE).toLocalDate();
        }
        if (!snapshot.realTime().isEmpty()) {
            return snapshot.realTime().get(0).end().toInstant().minus(SystemWidePrices.CADENCE).atZone(ZONE)
                    .toLocalDate();
        }
        return snapshot.lastUpdated().atZoneSameInstant(ZONE).toLocalDate();
    }
}
