package dev.pmp.source.isone;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Actual load: hourly system load ({@code /hourlysysload/day/{d}}, API only), 5-minute system load
 * ({@code /fiveminutesystemload/day/{d}} or the ISO Express {@code fiveminutesystemload} CSV) and the
 * load forecast with every vintage ({@code /hourlyloadforecast/all/day/{d}}, API only).
 */
final class Load {

    static final Dataset ACTUAL_HOURLY = new Dataset("isone.load_actual",
            "ISO-NE hourly actual system load (NEPOOL AREA)",
            IsoneSettings.DEFAULT_API_BASE + "/hourlysysload/day/{YYYYMMDD}",
            Schema.builder(TimeShape.INTERVAL)
                    .key("location_id", ColumnType.VARCHAR, "Location @LocId (32 = NEPOOL AREA)")
                    .value("location_name", ColumnType.VARCHAR, "", "Location $")
                    .value("load_mw", ColumnType.DOUBLE, "MW", "Load: native load plus asset-related demand")
                    .value("native_load_mw", ColumnType.DOUBLE, "MW", "NativeLoad")
                    .value("ard_demand_mw", ColumnType.DOUBLE, "MW", "ArdDemand: asset-related demand (pumping)")
                    .build(),
            TimeShape.INTERVAL, Access.WINDOWED, Duration.ofHours(1), IsoneTime.ZONE, Duration.ofMinutes(30),
            Duration.ofHours(2), LocalDate.of(2019, 1, 1), Optional.empty(), true, Duration.ofDays(1));

    static final Dataset ACTUAL_FIVE_MINUTE = new Dataset("isone.load_actual_5min",
            "ISO-NE 5-minute actual system load",
            IsoneSettings.DEFAULT_API_BASE + "/fiveminutesystemload/day/{YYYYMMDD}",
            Schema.builder(TimeShape.INTERVAL)
                    .value("load_mw", ColumnType.DOUBLE, "MW", "LoadMw (API only)")
                    .value("native_load_mw", ColumnType.DOUBLE, "MW", "NativeLoad / Native Load")
                    .value("ard_demand_mw", ColumnType.DOUBLE, "MW", "ArdDemand (API only)")
                    .value("system_load_btm_pv_mw", ColumnType.DOUBLE, "MW", "SystemLoadBtmPv (API only)")
                    .value("native_load_btm_pv_mw", ColumnType.DOUBLE, "MW", "NativeLoadBtmPv (API only)")
                    .build(),
            TimeShape.INTERVAL, Access.WINDOWED, Duration.ofMinutes(5), IsoneTime.ZONE, Duration.ofMinutes(10),
            Duration.ofMinutes(30), LocalDate.of(2019, 1, 1), Optional.empty(), true, Duration.ofDays(1));

    static final Dataset FORECAST = new Dataset("isone.load_forecast",
            "ISO-NE hourly system load forecast, every published vintage",
            IsoneSettings.DEFAULT_API_BASE + "/hourlyloadforecast/all/day/{YYYYMMDD}",
            Schema.builder(TimeShape.INTERVAL)
                    .key("publish_time_utc", ColumnType.TIMESTAMP, "CreationDate: when the vintage was published, UTC")
                    .value("load_forecast_mw", ColumnType.DOUBLE, "MW", "LoadMw")
                    .value("net_load_forecast_mw", ColumnType.DOUBLE, "MW", "NetLoadMw")
                    .build(),
            // A day's vintages keep coming until the day is over: read it once it has ended.
            TimeShape.INTERVAL, Access.WINDOWED, Duration.ofHours(1), IsoneTime.ZONE, Duration.ofDays(1),
            Duration.ofHours(6), LocalDate.of(2019, 1, 1), Optional.empty(), false, Duration.ofDays(1));

    static final Dataset FORECAST_REGIONAL = new Dataset("isone.load_forecast_regional",
            "ISO-NE hourly load forecast by reliability region (load zone), every published vintage",
            IsoneSettings.DEFAULT_API_BASE + "/reliabilityregionloadforecast/day/{YYYYMMDD}/all",
            Schema.builder(TimeShape.INTERVAL)
                    .key("publish_time_utc", ColumnType.TIMESTAMP, "CreationDate: when the vintage was published, UTC")
                    .key("region", ColumnType.VARCHAR, "ReliabilityRegion (.Z.CONNECTICUT, ...)")
                    .value("load_forecast_mw", ColumnType.DOUBLE, "MW", "LoadMw")
                    .value("share_of_system_percent", ColumnType.DOUBLE, "%", "ReliabilityRegionLoadPercentage")
                    .build(),
            TimeShape.INTERVAL, Access.WINDOWED, Duration.ofHours(1), IsoneTime.ZONE, Duration.ofDays(1),
            Duration.ofHours(6), LocalDate.of(2019, 1, 1), Optional.empty(), false, Duration.ofDays(1));

    private Load() {
    }

    /** {@code ReliabilityRegionLoadForecasts.ReliabilityRegionLoadForecast}, every vintage. */
    static final class RegionalForecastReport extends ApiReport {
        RegionalForecastReport(IsoneSettings settings) {
            super(settings, "ReliabilityRegionLoadForecasts", "ReliabilityRegionLoadForecast",
                    Set.of("BeginDate", "CreationDate", "ReliabilityRegion", "LoadMw", "ReliabilityRegionLoadPercentage"));
        }

        @Override
        String path(Period period, Version version) {
            return "/reliabilityregionloadforecast/day/" + period.compactDay() + "/all";
        }

        @Override
        Duration span() {
            return Duration.ofHours(1);
        }

        @Override
        void record(ApiRecord r, Instant begin, Version version, Sheet sheet) throws Refused {
            String text = r.text("CreationDate");
            Instant created = text == null ? null : IsoneTime.apiInstant(text);
            if (created == null) {
                throw new Refused("CreationDate \"" + text + "\" is not a time with offset");
            }
            String region = r.text("ReliabilityRegion");
            if (region == null || region.isBlank()) {
                throw new Refused("no ReliabilityRegion");
            }
            addInterval(sheet, begin, created, region.strip(), Refused.number(r.text("LoadMw"), "LoadMw"),
                    Refused.number(r.text("ReliabilityRegionLoadPercentage"), "ReliabilityRegionLoadPercentage"));
        }
    }

    /** {@code HourlySystemLoads.HourlySystemLoad}. */
    static final class HourlyReport extends ApiReport {
        HourlyReport(IsoneSettings settings) {
            super(settings, "HourlySystemLoads", "HourlySystemLoad",
                    Set.of("BeginDate", "Location.@LocId", "Location.$", "Load", "NativeLoad", "ArdDemand"));
        }

        @Override
        String path(Period period, Version version) {
            return "/hourlysysload/day/" + period.compactDay();
        }

        @Override
        Duration span() {
            return Duration.ofHours(1);
        }

        @Override
        void record(ApiRecord r, Instant begin, Version version, Sheet sheet) throws Refused {
            String id = r.text("Location.@LocId");
            if (id == null || id.isBlank()) {
                throw new Refused("Location has no @LocId");
            }
            addInterval(sheet, begin, id.strip(), r.text("Location.$"), Refused.number(r.text("Load"), "Load"),
                    Refused.number(r.text("NativeLoad"), "NativeLoad"),
                    Refused.number(r.text("ArdDemand"), "ArdDemand"));
        }
    }

    /** {@code FiveMinSystemLoads.FiveMinSystemLoad}. */
    static final class FiveMinuteReport extends ApiReport {
        FiveMinuteReport(IsoneSettings settings) {
            super(settings, "FiveMinSystemLoads", "FiveMinSystemLoad", Set.of("BeginDate", "LoadMw", "NativeLoad",
                    "ArdDemand", "SystemLoadBtmPv", "NativeLoadBtmPv"));
        }

        @Override
        String path(Period period, Version version) {
            return "/fiveminutesystemload/day/" + period.compactDay();
        }

        @Override
        Duration span() {
            return Duration.ofMinutes(5);
        }

        @Override
        void record(ApiRecord r, Instant begin, Version version, Sheet sheet) throws Refused {
            addInterval(sheet, begin, Refused.number(r.text("LoadMw"), "LoadMw"),
                    Refused.number(r.text("NativeLoad"), "NativeLoad"), Refused.number(r.text("ArdDemand"), "ArdDemand"),
                    Refused.number(r.text("SystemLoadBtmPv"), "SystemLoadBtmPv"),
                    Refused.number(r.text("NativeLoadBtmPv"), "NativeLoadBtmPv"));
        }
    }

    /** {@code HourlyLoadForecasts.HourlyLoadForecast}, every vintage. */
    static final class ForecastReport extends ApiReport {
        ForecastReport(IsoneSettings settings) {
            super(settings, "HourlyLoadForecasts", "HourlyLoadForecast",
                    Set.of("BeginDate", "CreationDate", "LoadMw", "NetLoadMw"));
        }

        @Override
        String path(Period period, Version version) {
            return "/hourlyloadforecast/all/day/" + period.compactDay();
        }

        @Override
        Duration span() {
            return Duration.ofHours(1);
        }

        @Override
        void record(ApiRecord r, Instant begin, Version version, Sheet sheet) throws Refused {
            String text = r.text("CreationDate");
            Instant created = text == null ? null : IsoneTime.apiInstant(text);
            if (created == null) {
                throw new Refused("CreationDate \"" + text + "\" is not a time with offset");
            }
            addInterval(sheet, begin, created, Refused.number(r.text("LoadMw"), "LoadMw"),
                    Refused.number(r.text("NetLoadMw"), "NetLoadMw"));
        }
    }

    /**
     * The ISO Express CSV {@code /transform/csv/fiveminutesystemload?start={d}&end={d}}: {@code Date/Time}
     * (local wall clock of the interval start; the repeated hour of the fall-back day told apart by
     * order) and {@code Native Load}.
     */
    static final class FiveMinuteCsvReport extends ExpressReport {
        FiveMinuteCsvReport(IsoneSettings settings) {
            super(settings, "/isoexpress/web/reports/load-and-demand/-/tree/dmnd-five-minute-sl");
        }

        @Override
        String path(Period period, Version version) {
            return "/transform/csv/fiveminutesystemload?start=" + period.compactDay() + "&end=" + period.compactDay();
        }

        @Override
        Set<String> knownColumns() {
            return Set.of("Date/Time", "Native Load");
        }

        @Override
        void lines(Period period, Version version, ExpressCsv csv, Sheet sheet) throws SourceException {
            int time = csv.column(sheet.what(), "Date/Time");
            int load = csv.column(sheet.what(), "Native Load");
            Window window = period.window();
            Set<LocalTime> seen = new HashSet<>();
            for (int i = 0; i < csv.data().size(); i++) {
                List<String> line = csv.data().get(i);
                long lineNo = csv.firstDataLine() + i;
                String cell = line.get(time).strip();
                int space = cell.indexOf(' ');
                LocalDate day = space < 0 ? null : IsoneTime.csvDate(cell.substring(0, space));
                LocalTime clock;
                try {
                    clock = space < 0 ? null : LocalTime.parse(pad(cell.substring(space + 1).strip()));
                } catch (DateTimeParseException e) {
                    clock = null;
                }
                if (day == null || clock == null) {
                    throw IsoneTime.badData(sheet.what() + ": line " + lineNo + " has the Date/Time \"" + cell
                            + "\", not MM/DD/YYYY HH:MM");
                }
                Instant start = IsoneTime.local(day, clock, !seen.add(clock));
                Instant end = start.plus(Duration.ofMinutes(5));
                if (window == null || !window.contains(start)) {
                    sheet.repaired("line outside " + period + " left out");
                    continue;
                }
                try {
                    sheet.add(Row.of(start, end, null, Refused.number(line.get(load), "Native Load"), null, null, null),
                            end);
                } catch (Refused e) {
                    sheet.extend(end);
                    sheet.quarantine(new Window(start, end), 1, "line " + lineNo + ": " + e.getMessage());
                }
            }
        }

        private static String pad(String clock) {
            return clock.indexOf(':') == 1 ? "0" + clock : clock;
        }
    }
}
