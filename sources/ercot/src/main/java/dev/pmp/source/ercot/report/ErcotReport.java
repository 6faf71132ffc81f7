package dev.pmp.source.ercot.report;

import dev.pmp.source.ercot.time.ErcotTime;
import dev.pmp.source.ercot.time.LabelClock.Style;
import dev.pmp.spi.Access;
import dev.pmp.spi.Column;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ERCOT reports this module can parse (README section 3.7), each with the dataset its rows fill and
 * the operator columns it maps by name. Not yet served: these datasets await the Public API client.
 */
public enum ErcotReport {

    /** NP6-905-CD Settlement Point Prices at Resource Nodes, Hubs and Load Zones, 15-minute. */
    NP6_905_CD("NP6-905-CD", Style.DELIVERY_INTERVAL, dataset("ercot.spp_real_time_15min",
            "ERCOT real-time settlement point prices, 15-minute (NP6-905-CD)",
            "NP6-905-CD, https://api.ercot.com/api/public-reports/np6-905-cd/spp_node_zone_hub", TimeShape.INTERVAL,
            "DeliveryDate + DeliveryHour (hour ending) + DeliveryInterval (1..4) + DSTFlag",
            Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofMinutes(10), List.of(
                    key("settlement_point", "ERCOT SettlementPointName (API settlementPoint): resource node, hub or load zone"),
                    key("settlement_point_type", "ERCOT SettlementPointType: RN, PCCRN, LCCRN, PUN, HU, SH, AH, LZ, LZEW, "
                            + "LZ_DC, LZ_DCEW; LZ and LZEW rows share a name"),
                    value("price_usd_per_mwh", "$/MWh", "ERCOT SettlementPointPrice"))),
            List.of(time(Role.DATE, "DeliveryDate"), time(Role.DELIVERY_HOUR, "DeliveryHour"),
                    time(Role.DELIVERY_INTERVAL, "DeliveryInterval", "deliveryInt"),
                    text("settlement_point", "SettlementPointName", "SettlementPoint"),
                    text("settlement_point_type", "SettlementPointType"),
                    number("price_usd_per_mwh", true, "SettlementPointPrice"), flag())),

    /** NP4-190-CD DAM Settlement Point Prices, hourly. */
    NP4_190_CD("NP4-190-CD", Style.HOUR_ENDING, dataset("ercot.spp_day_ahead_hourly",
            "ERCOT day-ahead (DAM) settlement point prices, hourly (NP4-190-CD)",
            "NP4-190-CD, https://api.ercot.com/api/public-reports/np4-190-cd/dam_stlmnt_pnt_prices", TimeShape.INTERVAL,
            "DeliveryDate + HourEnding (01:00..24:00) + DSTFlag",
            Duration.ofHours(1), Duration.ZERO, Duration.ofMinutes(30), List.of(
                    key("settlement_point", "ERCOT SettlementPoint: resource node, hub or load zone (no type in this report)"),
                    value("price_usd_per_mwh", "$/MWh", "ERCOT SettlementPointPrice"))),
            List.of(time(Role.DATE, "DeliveryDate"), time(Role.HOUR_ENDING, "HourEnding"),
                    text("settlement_point", "SettlementPoint", "SettlementPointName"),
                    number("price_usd_per_mwh", true, "SettlementPointPrice"), flag())),

    /** NP4-188-CD DAM Clearing Prices for Capacity (ancillary service MCPC), hourly. */
    NP4_188_CD("NP4-188-CD", Style.HOUR_ENDING, dataset("ercot.as_prices_day_ahead",
            "ERCOT day-ahead ancillary service clearing prices (MCPC, NP4-188-CD)",
            "NP4-188-CD, https://api.ercot.com/api/public-reports/np4-188-cd/dam_clear_price_for_cap", TimeShape.INTERVAL,
            "DeliveryDate + HourEnding (01:00..24:00) + DSTFlag",
            Duration.ofHours(1), Duration.ZERO, Duration.ofMinutes(30), List.of(
                    key("ancillary_type", "ERCOT AncillaryType: REGUP, REGDN, RRS, NSPIN, ECRS (ECRS from 2023-06-09)"),
                    value("mcpc_usd_per_mw", "$/MW", "ERCOT MCPC: market clearing price for capacity, per MW for the hour"))),
            List.of(time(Role.DATE, "DeliveryDate"), time(Role.HOUR_ENDING, "HourEnding"),
                    text("ancillary_type", "AncillaryType"), number("mcpc_usd_per_mw", true, "MCPC"), flag())),

    /** NP6-345-CD Actual System Load by Weather Zone, hourly. */
    NP6_345_CD("NP6-345-CD", Style.HOUR_ENDING, dataset("ercot.load_by_weather_zone",
            "ERCOT actual system load by weather zone, hourly (NP6-345-CD)",
            "NP6-345-CD, https://api.ercot.com/api/public-reports/np6-345-cd/act_sys_load_by_wzn", TimeShape.INTERVAL,
            "OperDay (API operatingDay) + HourEnding (01:00..24:00) + DSTFlag",
            // Posted once, the morning after the operating day (observed 05:50 CDT): up to ~30 h after an hour.
            Duration.ofHours(1), Duration.ofHours(30), Duration.ofHours(6), List.of(
                    value("coast_mw", "MW", "ERCOT COAST (API coast)"),
                    value("east_mw", "MW", "ERCOT EAST (API east)"),
                    value("far_west_mw", "MW", "ERCOT FAR_WEST (API farWest)"),
                    value("north_mw", "MW", "ERCOT NORTH (API north)"),
                    value("north_central_mw", "MW", "ERCOT NORTH_C (API northC)"),
                    value("southern_mw", "MW", "ERCOT SOUTHERN (API southern)"),
                    value("south_central_mw", "MW", "ERCOT SOUTH_C (API southC)"),
                    value("west_mw", "MW", "ERCOT WEST (API west)"),
                    value("total_mw", "MW", "ERCOT TOTAL (API total): sum of the weather zones"))),
            List.of(time(Role.DATE, "OperDay", "operatingDay"), time(Role.HOUR_ENDING, "HourEnding"),
                    number("coast_mw", true, "COAST"), number("east_mw", true, "EAST"),
                    number("far_west_mw", true, "FAR_WEST"), number("north_mw", true, "NORTH"),
                    number("north_central_mw", true, "NORTH_C"), number("southern_mw", true, "SOUTHERN"),
                    number("south_central_mw", true, "SOUTH_C"), number("west_mw", true, "WEST"),
                    number("total_mw", true, "TOTAL"), flag())),

    /** NP6-322-CD SCED System Lambda, one value per SCED run. */
    NP6_322_CD("NP6-322-CD", Style.SCED, dataset("ercot.system_lambda",
            "ERCOT SCED system lambda, per SCED run (NP6-322-CD)",
            "NP6-322-CD, https://api.ercot.com/api/public-reports/np6-322-cd/sced_system_lambda", TimeShape.POINT,
            "SCEDTimeStamp (MM/dd/yyyy HH:mm:ss, the moment SCED ran) + RepeatedHourFlag",
            Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(10), List.of(
                    value("system_lambda_usd_per_mwh", "$/MWh", "ERCOT SystemLambda (files up to 2025; empty afterwards)"),
                    value("capped_system_lambda_usd_per_mwh", "$/MWh",
                            "ERCOT CappedSystemLambda (API cappedSystemLambda; 2026 files; empty before)"),
                    value("uncapped_system_lambda_usd_per_mwh", "$/MWh",
                            "ERCOT UncappedSystemLambda (API uncappedSystemLambda; 2026 files; empty before)"))),
            List.of(time(Role.SCED_TIMESTAMP, "SCEDTimeStamp"),
                    number("system_lambda_usd_per_mwh", false, "SystemLambda"),
                    number("capped_system_lambda_usd_per_mwh", false, "CappedSystemLambda"),
                    number("uncapped_system_lambda_usd_per_mwh", false, "UncappedSystemLambda"), flag())),

    /** NP6-788-CD LMPs by Resource Nodes, Load Zones and Trading Hubs, one file per SCED run. */
    NP6_788_CD("NP6-788-CD", Style.SCED, dataset("ercot.lmp_sced",
            "ERCOT locational marginal prices per SCED run (NP6-788-CD)",
            "NP6-788-CD, https://api.ercot.com/api/public-reports/np6-788-cd/lmp_node_zone_hub", TimeShape.POINT,
            "SCEDTimestamp (MM/dd/yyyy HH:mm:ss, the moment SCED ran) + RepeatedHourFlag (API repeatHourFlag)",
            Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(10), List.of(
                    key("settlement_point", "ERCOT SettlementPoint: resource node, load zone, hub or DC tie (DC_L, DC_N, DC_R)"),
                    value("lmp_usd_per_mwh", "$/MWh", "ERCOT LMP"))),
            List.of(time(Role.SCED_TIMESTAMP, "SCEDTimestamp"), text("settlement_point", "SettlementPoint"),
                    number("lmp_usd_per_mwh", true, "LMP"), flag()));

    /** The role an operator column plays. */
    enum Role {
        DATE, HOUR_ENDING, DELIVERY_HOUR, DELIVERY_INTERVAL, TIME_ENDING, SCED_TIMESTAMP, FLAG, TEXT, NUMBER
    }

    /**
     * One operator column: the names it goes by (CSV header, API field), matched trimmed, ignoring case,
     * spaces and underscores; the dataset column it fills ({@code null} for time inputs); whether a file
     * must have it.
     */
    record Binding(Role role, String column, List<String> names, boolean required) {
        Binding {
            names = names.stream().map(ErcotReport::normalise).toList();
        }
    }

    private final String reportId;
    private final Style style;
    private final Dataset dataset;
    private final List<Binding> bindings;

    ErcotReport(String reportId, Style style, Dataset dataset, List<Binding> bindings) {
        this.reportId = reportId;
        this.style = style;
        this.dataset = dataset;
        this.bindings = List.copyOf(bindings);
    }

    /** ERCOT's report id, e.g. {@code NP6-905-CD}. */
    public String reportId() {
        return reportId;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** How the report labels time. */
    public Style style() {
        return style;
    }

    List<Binding> bindings() {
        return bindings;
    }

    /** A header name as it is matched: trimmed, lower case, without spaces and underscores. */
    static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '_' && c != '\t' && c != '\uFEFF') {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static Binding time(Role role, String... names) {
        return new Binding(role, null, List.of(names), true);
    }

    private static Binding flag() {
        // Optional: pre-2011 files and 60-day DAM files have no flag; rows are then told apart by order.
        return new Binding(Role.FLAG, null, List.of("DSTFlag", "RepeatedHourFlag", "RepeatHourFlag"), false);
    }

    private static Binding text(String column, String... names) {
        return new Binding(Role.TEXT, column, List.of(names), true);
    }

    private static Binding number(String column, boolean required, String... names) {
        return new Binding(Role.NUMBER, column, List.of(names), required);
    }

    private static Column key(String name, String description) {
        return Column.required(name, ColumnType.VARCHAR, "", description);
    }

    private static Column value(String name, String unit, String description) {
        return Column.optional(name, ColumnType.DOUBLE, unit, description);
    }

    private static Dataset dataset(String id, String title, String reference, TimeShape shape, String timeLabels,
            Duration cadence, Duration publicationDelay, Duration grace, List<Column> rest) {
        List<Column> columns = new ArrayList<>();
        List<String> key = new ArrayList<>();
        if (shape == TimeShape.INTERVAL) {
            columns.add(Column.required("interval_start_utc", ColumnType.TIMESTAMP, "",
                    "start of the interval (inclusive), UTC, from ERCOT " + timeLabels + " in Central Prevailing Time"));
            columns.add(Column.required("interval_end_utc", ColumnType.TIMESTAMP, "",
                    "end of the interval (exclusive), UTC: start + the interval's length in absolute time"));
            key.add("interval_start_utc");
        } else {
            columns.add(Column.required("time_utc", ColumnType.TIMESTAMP, "",
                    "instant of the SCED run, UTC, from ERCOT " + timeLabels + " in Central Prevailing Time"));
            key.add("time_utc");
        }
        for (Column c : rest) {
            columns.add(c);
            if (!c.nullable()) {
                key.add(c.name());
            }
        }
        return new Dataset(id, title, reference, new Schema(columns, key), shape, Access.WINDOWED, cadence,
                ErcotTime.ZONE, publicationDelay, grace,
                // Nodal market start (README 1.2); the archive keeps about seven years (README 6).
                LocalDate.of(2010, 12, 1), Optional.of(Duration.ofDays(7 * 365)),
                // ERCOT publishes price corrections (NP4-196-M, NP4-197-M) and re-posts (_retry).
                true, Duration.ofDays(1));
    }
}
