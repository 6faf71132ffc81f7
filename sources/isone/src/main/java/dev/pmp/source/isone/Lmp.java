package dev.pmp.source.isone;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The three LMP datasets (day-ahead hourly, real-time hourly, real-time 5-minute) and their feeds on
 * either channel. One schema: a row per interval and location, the real-time ones carrying
 * {@code is_final}.
 */
final class Lmp {

    static final Dataset DAY_AHEAD_HOURLY = dataset("isone.lmp_day_ahead_hourly",
            "ISO-NE day-ahead hourly LMPs, all pricing nodes", "/hourlylmp/da/final/day/{YYYYMMDD}",
            Duration.ofHours(1), Duration.ZERO, Duration.ofHours(14), false, Duration.ofDays(1));

    static final Dataset REAL_TIME_HOURLY = dataset("isone.lmp_real_time_hourly",
            "ISO-NE real-time hourly LMPs, all pricing nodes (preliminary, then final)",
            "/hourlylmp/rt/{final|prelim}/day/{YYYYMMDD}", Duration.ofHours(1), Duration.ofMinutes(30),
            Duration.ofHours(2), true, Duration.ofDays(1));

    static final Dataset REAL_TIME_FIVE_MINUTE = dataset("isone.lmp_real_time_5min",
            "ISO-NE real-time 5-minute LMPs, all pricing nodes (preliminary, then final)",
            "/fiveminutelmp/{final|prelim}/day/{YYYYMMDD}/starthour/{HH}", Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30), true, Duration.ofHours(1));

    private Lmp() {
    }

    private static Dataset dataset(String id, String title, String path, Duration cadence, Duration delay,
            Duration grace, boolean realTime, Duration maxWindow) {
        return new Dataset(id, title, IsoneSettings.DEFAULT_API_BASE + path,
                Schema.builder(TimeShape.INTERVAL)
                        .key("location_id", ColumnType.VARCHAR, "Location @LocId / Location ID: ISO-NE's location id")
                        .value("location_name", ColumnType.VARCHAR, "",
                                "Location $ / Location Name (empty in the 5-minute CSV except for the hub, zones "
                                        + "and interfaces)")
                        .value("iso_location_type", ColumnType.VARCHAR, "", "Location @LocType / Location Type as published")
                        .value("location_type", ColumnType.VARCHAR, "",
                                "standard location type (hub, load_zone, interface, node)")
                        .value("lmp", ColumnType.DOUBLE, "$/MWh", "LmpTotal / Locational Marginal Price")
                        .value("energy", ColumnType.DOUBLE, "$/MWh", "EnergyComponent / Energy Component")
                        .value("congestion", ColumnType.DOUBLE, "$/MWh", "CongestionComponent / Congestion Component")
                        .value("loss", ColumnType.DOUBLE, "$/MWh", "LossComponent / Marginal Loss Component")
                        .value("is_final", ColumnType.BOOLEAN, "",
                                realTime ? "true for the final edition, false for the preliminary one the final "
                                        + "supersedes (kept as a revision)" : "always true: one edition")
                        .build(),
                TimeShape.INTERVAL, Access.WINDOWED, cadence, IsoneTime.ZONE, delay, grace,
                LocalDate.of(2019, 1, 1), Optional.empty(), realTime, maxWindow);
    }

    /**
     * How long after its day the final edition of a real-time report is due: ISO-NE publishes it "in the days
     * following the operating day" and gridstatus looks for it one to two days back (README §4).
     */
    static final Duration FINAL_LAG = Duration.ofDays(2);

    /** The feed of one LMP dataset on the settings' channel. */
    static Feed feed(Dataset dataset, IsoneSettings settings) {
        Optional<Duration> twoEditions = Optional.of(FINAL_LAG);
        boolean api = switch (settings.channel()) {
            case API -> true;
            case EXPRESS -> false;
        };
        if (dataset == DAY_AHEAD_HOURLY) {
            return new PeriodFeed(dataset, 24,
                    api ? new LmpApiReport(settings, true, false) : LmpCsvReport.dayAhead(settings));
        }
        if (dataset == REAL_TIME_HOURLY) {
            return new PeriodFeed(dataset, 24, api ? new LmpApiReport(settings, false, false)
                    : LmpCsvReport.realTimeHourly(settings), twoEditions);
        }
        // ISO Express keeps only the preliminary 5-minute files: read them as the only edition.
        return api ? new PeriodFeed(dataset, 1, new LmpApiReport(settings, false, true), twoEditions)
                : new PeriodFeed(dataset, 4, LmpCsvReport.fiveMinute(settings));
    }
}
