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
 * the operator columns it maps by name, and how the Public API serves it.
 */
public enum ErcotReport {

    /** NP6-905-CD Settlement Point Prices at Resource Nodes, Hubs and Load Zones, 15-minute. */
    NP6_905_CD("NP6-905-CD", Style.DELIVERY_INTERVAL, Query.dates("np6-905-cd/spp_node_zone_hub", "deliveryDate"),
            dataset("ercot.spp_real_time_15min",
            "ERCOT real-time settlement point prices, 15-minute (NP6-905-CD)",
            "NP6-905-CD, https://api.ercot.com/api/public-reports/np6-905-cd/spp_node_zone_hub", TimeShape.INTERVAL,
            "DeliveryDate + DeliveryHour (hour ending) + DeliveryInterval (1..4) + DSTFlag",
            Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofMinutes(10), List.of(
                    key("settlement_point", "ERCOT SettlementPointName (API settlementPoint): resource node, hub or load zone"),
                    key("settlement_point_type", "ERCOT SettlementPointType: RN, PCCRN, LCCRN, PUN, HU, SH, AH, LZ, LZEW, "
                            + "LZ_DC, LZ_DCEW; LZ and LZEW rows share a name"),
                    value("price_usd_per_mwh", "$/MWh", "ERCOT SettlementPointPrice"), locationType())),
            List.of(time(Role.DATE, "DeliveryDate"), time(Role.DELIVERY_HOUR, "DeliveryHour"),
                    time(Role.DELIVERY_INTERVAL, "DeliveryInterval", "deliveryInt"),
                    text("settlement_point", "SettlementPointName", "SettlementPoint"),
                    text("settlement_point_type", "SettlementPointType"),
                    number("price_usd_per_mwh", true, "SettlementPointPrice"), flag())),

    /** NP4-190-CD DAM Settlement Point Prices, hourly. */
    NP4_190_CD("NP4-190-CD", Style.HOUR_ENDING, Query.dates("np4-190-cd/dam_stlmnt_pnt_prices", "deliveryDate"),
            dataset("ercot.spp_day_ahead_hourly",
            "ERCOT day-ahead (DAM) settlement point prices, hourly (NP4-190-CD)",
            "NP4-190-CD, https://api.ercot.com/api/public-reports/np4-190-cd/dam_stlmnt_pnt_prices", TimeShape.INTERVAL,
            "DeliveryDate + HourEnding (01:00..24:00) + DSTFlag",
            Duration.ofHours(1), Duration.ZERO, Duration.ofMinutes(30), List.of(
                    key("settlement_point", "ERCOT SettlementPoint: resource node, hub or load zone (no type in this report)"),
                    value("price_usd_per_mwh", "$/MWh", "ERCOT SettlementPointPrice"), locationType())),
            List.of(time(Role.DATE, "DeliveryDate"), time(Role.HOUR_ENDING, "HourEnding"),
                    text("settlement_point", "SettlementPoint", "SettlementPointName"),
                    number("price_usd_per_mwh", true, "SettlementPointPrice"), flag())),

    /** NP4-188-CD DAM Clearing Prices for Capacity (ancillary service MCPC), hourly. */
    NP4_188_CD("NP4-188-CD", Style.HOUR_ENDING, Query.dates("np4-188-cd/dam_clear_price_for_cap", "deliveryDate"),
            dataset("ercot.as_prices_day_ahead",
            "ERCOT day-ahead ancillary service clearing prices (MCPC, NP4-188-CD)",
            "NP4-188-CD, https://api.ercot.com/api/public-reports/np4-188-cd/dam_clear_price_for_cap", TimeShape.INTERVAL,
            "DeliveryDate + HourEnding (01:00..24:00) + DSTFlag",
            Duration.ofHours(1), Duration.ZERO, Duration.ofMinutes(30), List.of(
                    key("ancillary_type", "ERCOT AncillaryType: REGUP, REGDN, RRS, NSPIN, ECRS (ECRS from 2023-06-09)"),
                    value("mcpc_usd_per_mw", "$/MW", "ERCOT MCPC: market clearing price for capacity, per MW for the hour"))),
            List.of(time(Role.DATE, "DeliveryDate"), time(Role.HOUR_ENDING, "HourEnding"),
                    text("ancillary_type", "AncillaryType"), number("mcpc_usd_per_mw", true, "MCPC"), flag())),

    /** NP6-331-CD Real-Time Clearing Prices for Capacity by 15-minute settlement interval (RTC+B). */
    NP6_331_CD("NP6-331-CD", Style.DELIVERY_INTERVAL, Query.dates("np6-331-cd/rt_clear_price_cap", "deliveryDate"),
            dataset("ercot.as_prices_real_time_15min",
            "ERCOT real-time ancillary service clearing prices, 15-minute (MCPC, NP6-331-CD, from RTC+B)",
            "NP6-331-CD, https://api.ercot.com/api/public-reports/np6-331-cd/rt_clear_price_cap", TimeShape.INTERVAL,
            "DeliveryDate + DeliveryHour (hour ending) + DeliveryInterval (1..4) + RepeatedHourFlag",
            Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofMinutes(10), List.of(
                    key("as_type", "ERCOT ASType: REGUP, REGDN, RRS, ECRS, NSPIN"),
                    value("mcpc_usd_per_mw", "$/MW", "ERCOT MCPC: time-weighted real-time MCPC plus the real-time "
                            + "reliability deployment adder, per MW for the hour, over 15 minutes"))),
            List.of(time(Role.DATE, "DeliveryDate"), time(Role.DELIVERY_HOUR, "DeliveryHour"),
                    time(Role.DELIVERY_INTERVAL, "DeliveryInterval", "deliveryInt"), text("as_type", "ASType"),
                    number("mcpc_usd_per_mw", true, "MCPC"), flag())),

    /** NP6-345-CD Actual System Load by Weather Zone, hourly. */
    NP6_345_CD("NP6-345-CD", Style.HOUR_ENDING, Query.dates("np6-345-cd/act_sys_load_by_wzn", "operatingDay"),
            dataset("ercot.load_by_weather_zone",
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

    /** NP6-346-CD Actual System Load by Forecast Zone, hourly. */
    NP6_346_CD("NP6-346-CD", Style.HOUR_ENDING, Query.dates("np6-346-cd/act_sys_load_by_fzn", "operatingDay"),
            dataset("ercot.load_by_forecast_zone",
            "ERCOT actual system load by forecast zone, hourly (NP6-346-CD)",
            "NP6-346-CD, https://api.ercot.com/api/public-reports/np6-346-cd/act_sys_load_by_fzn", TimeShape.INTERVAL,
            "OperDay (API operatingDay) + HourEnding (01:00..24:00) + DSTFlag",
            Duration.ofHours(1), Duration.ofHours(30), Duration.ofHours(6), List.of(
                    value("north_mw", "MW", "ERCOT NORTH"),
                    value("south_mw", "MW", "ERCOT SOUTH"),
                    value("west_mw", "MW", "ERCOT WEST"),
                    value("houston_mw", "MW", "ERCOT HOUSTON"),
                    value("total_mw", "MW", "ERCOT TOTAL: sum of the forecast zones"))),
            List.of(time(Role.DATE, "OperDay", "operatingDay"), time(Role.HOUR_ENDING, "HourEnding"),
                    number("north_mw", true, "NORTH"), number("south_mw", true, "SOUTH"),
                    number("west_mw", true, "WEST"), number("houston_mw", true, "HOUSTON"),
                    number("total_mw", true, "TOTAL"), flag())),

    /** NP6-322-CD SCED System Lambda, one value per SCED run. */
    NP6_322_CD("NP6-322-CD", Style.SCED, Query.timestamps("np6-322-cd/sced_system_lambda", "SCEDTimestamp"),
            dataset("ercot.system_lambda",
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
    NP6_788_CD("NP6-788-CD", Style.SCED, Query.timestamps("np6-788-cd/lmp_node_zone_hub", "SCEDTimestamp"),
            dataset("ercot.lmp_sced",
            "ERCOT locational marginal prices per SCED run (NP6-788-CD)",
            "NP6-788-CD, https://api.ercot.com/api/public-reports/np6-788-cd/lmp_node_zone_hub", TimeShape.POINT,
            "SCEDTimestamp (MM/dd/yyyy HH:mm:ss, the moment SCED ran) + RepeatedHourFlag (API repeatHourFlag)",
            Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(10), List.of(
                    key("settlement_point", "ERCOT SettlementPoint: resource node, load zone, hub or DC tie (DC_L, DC_N, DC_R)"),
                    value("lmp_usd_per_mwh", "$/MWh", "ERCOT LMP"))),
            List.of(time(Role.SCED_TIMESTAMP, "SCEDTimestamp"), text("settlement_point", "SettlementPoint"),
                    number("lmp_usd_per_mwh", true, "LMP"), flag())),

    /**
     * NP3-966-ER 60-Day DAM Disclosure, member {@code 60d_DAM_Gen_Resource_Data}: awards per Generation Resource
     * and hour. No DST flag: the repeated hour is told apart by row order per resource.
     */
    NP3_966_ER_GEN("NP3-966-ER", Style.HOUR_ENDING, null, disclosure("ercot.dam_gen_resources_60d",
            "ERCOT 60-day DAM disclosure: energy and ancillary service awards per Generation Resource and hour "
                    + "(NP3-966-ER)",
            "NP3-966-ER 60_Day_DAM_Disclosure: 60d_DAM_Gen_Resource_Data", TimeShape.INTERVAL, ErcotReport.DAM_HOURS,
            Duration.ofHours(1), nodalStart(), damAwardColumns("PWRSTR (storage before RTC+B), CCGT90, PVGR, WIND, ...")),
            damAwardBindings(), damOfferColumns(), List.of()),

    /**
     * NP3-966-ER member {@code 60d_DAM_Load_Resource_Data}: ancillary service awards per Load Resource and hour
     * (no energy award: Load Resources buy energy through QSE bids). No DST flag.
     */
    NP3_966_ER_LOAD("NP3-966-ER", Style.HOUR_ENDING, null, disclosure("ercot.dam_load_resources_60d",
            "ERCOT 60-day DAM disclosure: ancillary service awards per Load Resource and hour (NP3-966-ER)",
            "NP3-966-ER 60_Day_DAM_Disclosure: 60d_DAM_Load_Resource_Data", TimeShape.INTERVAL, ErcotReport.DAM_HOURS,
            Duration.ofHours(1), nodalStart(), concat(List.of(
                    key("resource_name", "ERCOT Load Resource Name (a battery's charging side is named like XXX_LD1 "
                            + "before RTC+B)"),
                    optionalText("qse", "ERCOT QSE (when the file has it)"),
                    value("max_power_consumption_mw", "MW", "ERCOT Max Power Consumption for Load Resource"),
                    value("low_power_consumption_mw", "MW", "ERCOT Low Power Consumption for Load Resource")),
                    damAsColumns(true))),
            concat(List.of(time(Role.DATE, "Delivery Date"), time(Role.HOUR_ENDING, "Hour Ending"),
                    text("resource_name", "Load Resource Name", "Resource Name"), optional("qse", "QSE", "QSE Name"),
                    number("max_power_consumption_mw", false, "Max Power Consumption for Load Resource",
                            "Max Power Consumption"),
                    number("low_power_consumption_mw", false, "Low Power Consumption for Load Resource",
                            "Low Power Consumption")), damAsBindings(true), List.of(flag())),
            List.of("DME"), List.of()),

    /**
     * NP3-966-ER member {@code 60d_DAM_ESR_Data} (from operating day 2025-12-06, RTC+B): awards per Energy Storage
     * Resource and hour, the Gen Resource columns. No DST flag.
     */
    NP3_966_ER_ESR("NP3-966-ER", Style.HOUR_ENDING, null, disclosure("ercot.dam_esr_60d",
            "ERCOT 60-day DAM disclosure: energy and ancillary service awards per Energy Storage Resource and hour "
                    + "(NP3-966-ER, from RTC+B)",
            "NP3-966-ER 60_Day_DAM_Disclosure: 60d_DAM_ESR_Data", TimeShape.INTERVAL, ErcotReport.DAM_HOURS,
            Duration.ofHours(1), LocalDate.of(2025, 12, 6), damAwardColumns("ESR")),
            damAwardBindings(), damOfferColumns(), List.of()),

    /**
     * NP3-965-ER 60-Day SCED Disclosure, member {@code 60d_SCED_Gen_Resource_Data}: one row per SCED run and
     * Generation Resource, placed by the Repeated Hour Flag.
     */
    NP3_965_ER_GEN("NP3-965-ER", Style.SCED, null, disclosure("ercot.sced_gen_resources_60d",
            "ERCOT 60-day SCED disclosure: base point, telemetered output and AS per Generation Resource and SCED run "
                    + "(NP3-965-ER)",
            "NP3-965-ER 60_Day_SCED_Disclosure: 60d_SCED_Gen_Resource_Data", TimeShape.POINT, ErcotReport.SCED_LABELS,
            Duration.ofMinutes(5), nodalStart(), scedResourceColumns("PWRSTR (storage before RTC+B), CCGT90, PVGR, ...")),
            scedResourceBindings(), scedOfferColumns(), List.of()),

    /** NP3-965-ER member {@code 60d_Load_Resource_Data_in_SCED}: one row per SCED run and Load Resource. */
    NP3_965_ER_LOAD("NP3-965-ER", Style.SCED, null, disclosure("ercot.sced_load_resources_60d",
            "ERCOT 60-day SCED disclosure: consumption, base point and AS responsibility per Load Resource and SCED run "
                    + "(NP3-965-ER)",
            "NP3-965-ER 60_Day_SCED_Disclosure: 60d_Load_Resource_Data_in_SCED", TimeShape.POINT, ErcotReport.SCED_LABELS,
            Duration.ofMinutes(5), nodalStart(), concat(List.of(
                    key("resource_name", "ERCOT Resource Name (a Load Resource)"),
                    optionalText("qse", "ERCOT QSE"),
                    optionalText("telemetered_resource_status", "ERCOT Telemetered Resource Status")),
                    scedLoadMw().stream().map(m -> value(m[0], "MW", "ERCOT " + m[1])).toList())),
            concat(List.of(time(Role.SCED_TIMESTAMP, "SCED Time Stamp"), text("resource_name", "Resource Name"),
                    optional("qse", "QSE"), optional("telemetered_resource_status", "Telemetered Resource Status")),
                    scedLoadMw().stream().map(m -> number(m[0], false, m[1])).toList(), List.of(flag())),
            List.of("DME", "SCED Bid to Buy Curve-*"), List.of()),

    /**
     * NP3-965-ER member {@code 60d_ESR_Data_in_SCED} (from operating day 2025-12-05, RTC+B): one row per SCED run
     * and Energy Storage Resource, the Gen Resource columns plus State of Charge.
     */
    NP3_965_ER_ESR("NP3-965-ER", Style.SCED, null, disclosure("ercot.sced_esr_60d",
            "ERCOT 60-day SCED disclosure: base point, telemetered output, state of charge and AS awards per Energy "
                    + "Storage Resource and SCED run (NP3-965-ER, from RTC+B)",
            "NP3-965-ER 60_Day_SCED_Disclosure: 60d_ESR_Data_in_SCED", TimeShape.POINT, ErcotReport.SCED_LABELS,
            Duration.ofMinutes(5), LocalDate.of(2025, 12, 5), scedResourceColumns("ESR")),
            scedResourceBindings(), scedOfferColumns(), List.of()),

    /**
     * NP3-965-ER member {@code 60d_SCED_SMNE_GEN_RES}: settlement metered net energy per Generation Resource and
     * 15-minute interval. {@code Interval Time} is the interval's end minus one second, without a flag: the
     * repeated hour is told apart by row order per resource.
     */
    NP3_965_ER_SMNE("NP3-965-ER", Style.END_STAMP, null, disclosure("ercot.sced_smne_60d",
            "ERCOT 60-day SCED disclosure: settlement metered net energy per Generation Resource, 15-minute "
                    + "(NP3-965-ER)",
            "NP3-965-ER 60_Day_SCED_Disclosure: 60d_SCED_SMNE_GEN_RES", TimeShape.INTERVAL,
            "Interval Time (MM/dd/yyyy HH:mm:ss = interval end minus 1 s, no DST flag: the repeated hour by row order)",
            Duration.ofMinutes(15), nodalStart(), List.of(
                    key("resource_name", "ERCOT Resource Code"),
                    Column.optional("interval_number", ColumnType.BIGINT, "",
                            "ERCOT Interval Number: the interval within its hour, 1..4"),
                    value("metered_net_energy_mwh", "MWh", "ERCOT Interval Value: settlement metered net energy of "
                            + "the 15 minutes"))),
            List.of(time(Role.SCED_TIMESTAMP, "Interval Time"), text("resource_name", "Resource Code"),
                    new Binding(Role.INTEGER, "interval_number", List.of("Interval Number"), false),
                    number("metered_net_energy_mwh", true, "Interval Value"), flag()),
            List.of(), List.of()),

    /**
     * NP1-301 60-Day COP Adjustment Period Snapshot: each resource's current operating plan per hour. Hour Ending
     * {@code "01:00"} style, numbered 1..25 on a fall-back day; files of September to December 2014
     * ({@code CompleteCOP_MMDDYYYY.csv}) have no header line and are read by position (the 13 columns of 2014).
     */
    NP1_301("NP1-301", Style.HOUR_ENDING, null, disclosure("ercot.cop_snapshot_60d",
            "ERCOT 60-day COP adjustment period snapshot: planned status, limits, AS and SOC per resource and hour "
                    + "(NP1-301)",
            "NP1-301 60-Day COP Adjustment Period Snapshot: 60d_COP_Adjustment_Period_Snapshot (CompleteCOP before)",
            TimeShape.INTERVAL, "Delivery Date + Hour Ending (\"01:00\"..\"24:00\", or 1..25 on a fall-back day)",
            Duration.ofHours(1), nodalStart(), List.of(
                    key("resource_name", "ERCOT Resource Name"),
                    optionalText("qse", "ERCOT QSE Name"),
                    optionalText("status", "ERCOT Status: planned resource status (ON, OFF, OUT, ONRUC, ...)"),
                    value("hsl_mw", "MW", "ERCOT High Sustained Limit"),
                    value("lsl_mw", "MW", "ERCOT Low Sustained Limit"),
                    value("hel_mw", "MW", "ERCOT High Emergency Limit"),
                    value("lel_mw", "MW", "ERCOT Low Emergency Limit"),
                    value("regup_mw", "MW", "ERCOT Reg Up"),
                    value("regdn_mw", "MW", "ERCOT Reg Down"),
                    value("rrs_mw", "MW", "ERCOT RRS (files before the RRS split, ~2022-12-13)"),
                    value("rrspfr_mw", "MW", "ERCOT RRSPFR (from ~2022-12-13)"),
                    value("rrsffr_mw", "MW", "ERCOT RRSFFR (from ~2022-12-13)"),
                    value("rrsufr_mw", "MW", "ERCOT RRSUFR (from ~2022-12-13)"),
                    value("nspin_mw", "MW", "ERCOT NSPIN"),
                    value("ecrs_mw", "MW", "ERCOT ECRS (from ~2022-12-13)"),
                    value("min_soc_mwh", "MWh", "ERCOT Minimum SOC (populated from 2024-06-28)"),
                    value("max_soc_mwh", "MWh", "ERCOT Maximum SOC (populated from 2024-06-28)"),
                    value("hour_beginning_planned_soc_mwh", "MWh",
                            "ERCOT Hour Beginning Planned SOC (populated from 2024-06-28)"))),
            List.of(time(Role.DATE, "Delivery Date"), time(Role.HOUR_ENDING, "Hour Ending"),
                    text("resource_name", "Resource Name"), optional("qse", "QSE Name", "QSE"),
                    optional("status", "Status"),
                    number("hsl_mw", false, "High Sustained Limit"), number("lsl_mw", false, "Low Sustained Limit"),
                    number("hel_mw", false, "High Emergency Limit"), number("lel_mw", false, "Low Emergency Limit"),
                    number("regup_mw", false, "Reg Up"), number("regdn_mw", false, "Reg Down"),
                    number("rrs_mw", false, "RRS"), number("rrspfr_mw", false, "RRSPFR"),
                    number("rrsffr_mw", false, "RRSFFR"), number("rrsufr_mw", false, "RRSUFR"),
                    number("nspin_mw", false, "NSPIN"), number("ecrs_mw", false, "ECRS"),
                    number("min_soc_mwh", false, "Minimum SOC"), number("max_soc_mwh", false, "Maximum SOC"),
                    number("hour_beginning_planned_soc_mwh", false, "Hour Beginning Planned SOC"), flag()),
            List.of(),
            // The 2014 column order (README 1.2, "Phase 1"): the headerless files of Sep-Dec 2014 have it.
            List.of("Delivery Date", "QSE Name", "Resource Name", "Hour Ending", "Status", "High Sustained Limit",
                    "Low Sustained Limit", "High Emergency Limit", "Low Emergency Limit", "Reg Up", "Reg Down", "RRS",
                    "NSPIN"));

    /**
     * How a report is read from the Public API's query endpoint.
     *
     * @param path the artifact path under the API base, {@code np6-905-cd/spp_node_zone_hub}
     * @param filter the field filtered by range ({@code <filter>From}, {@code <filter>To})
     * @param timestamps whether the filter takes local timestamps {@code yyyy-MM-ddTHH:mm:ss} (else dates)
     */
    public record Query(String path, String filter, boolean timestamps) {
        static Query dates(String path, String filter) {
            return new Query(path, filter, false);
        }

        static Query timestamps(String path, String filter) {
            return new Query(path, filter, true);
        }
    }

    private static final String LOCATION_TYPE = "location_type";
    private static final String DAM_HOURS = "Delivery Date + Hour Ending (1..24, no DST flag: the repeated hour by row "
            + "order per resource)";
    private static final String SCED_LABELS = "SCED Time Stamp (MM/dd/yyyy HH:mm:ss) + Repeated Hour Flag";
    /** The column holding a SCED run's own instant (its grid column holds the 5-minute mark). */
    static final String SCED_TIME = "sced_time_utc";

    /** The role an operator column plays. */
    enum Role {
        DATE, HOUR_ENDING, DELIVERY_HOUR, DELIVERY_INTERVAL, TIME_ENDING, SCED_TIMESTAMP, FLAG, TEXT, NUMBER, INTEGER
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
    private final Query query;
    private final Dataset dataset;
    private final List<Binding> bindings;
    private final List<String> notKept;
    private final List<String> headerless;

    ErcotReport(String reportId, Style style, Query query, Dataset dataset, List<Binding> bindings) {
        this(reportId, style, query, dataset, bindings, List.of(), List.of());
    }

    /**
     * @param notKept operator columns known but deliberately not kept (offer curves, start-up costs), matched like
     *     binding names; a name ending in {@code *} matches every column starting with it ({@code QSE submitted
     *     Curve-*}). They are not reported as unknown.
     * @param headerless the column names, in file order, of files of this report that have no header line (empty
     *     when every file has one)
     */
    ErcotReport(String reportId, Style style, Query query, Dataset dataset, List<Binding> bindings,
            List<String> notKept, List<String> headerless) {
        this.reportId = reportId;
        this.style = style;
        this.query = query;
        this.dataset = dataset;
        this.bindings = List.copyOf(bindings);
        this.notKept = notKept.stream().map(ErcotReport::normalise).toList();
        this.headerless = List.copyOf(headerless);
    }

    /**
     * Whether an operator column is known but deliberately not kept (curves, offers, start-up costs): such a
     * column is not schema drift.
     */
    boolean isNotKept(String header) {
        String n = normalise(header);
        for (String k : notKept) {
            if (k.endsWith("*") ? n.startsWith(k.substring(0, k.length() - 1)) : n.equals(k)) {
                return true;
            }
        }
        return false;
    }

    /** The column names of this report's files without a header line, in order; empty when all have one. */
    List<String> headerlessColumns() {
        return headerless;
    }

    /** ERCOT's report id, e.g. {@code NP6-905-CD}. */
    public String reportId() {
        return reportId;
    }

    /** How the Public API's query endpoint serves this report; empty for archive-only reports (60-day disclosures). */
    public Optional<Query> query() {
        return Optional.ofNullable(query);
    }

    /**
     * The friendly-name prefix of this report's archive postings when each posting holds one interval and
     * is named by that interval's local end, {@code yyyyMMdd_HHmm} ({@code SPPHLZNP6905_20260929_1115},
     * README section 3.7); empty when the naming is not documented.
     */
    public Optional<String> intervalPostingPrefix() {
        return this == NP6_905_CD ? Optional.of("SPPHLZNP6905_") : Optional.empty();
    }

    /** The product id as the API's archive and bundle paths take it: {@code np6-905-cd}. */
    public String emil() {
        return reportId.toLowerCase(Locale.ROOT);
    }

    /**
     * The column filled from the settlement point's name with {@code hub} ({@code HB_*}), {@code load_zone}
     * ({@code LZ_*}) or {@code node}, or -1 when the dataset has none.
     */
    int locationTypeColumn() {
        return dataset.schema().indexOf(LOCATION_TYPE);
    }

    /** The standard-table location type of a settlement point name: hub, load_zone or node. */
    public static String locationType(String settlementPoint) {
        if (settlementPoint.startsWith("HB_")) {
            return "hub";
        }
        return settlementPoint.startsWith("LZ_") ? "load_zone" : "node";
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

    private static Binding optional(String column, String... names) {
        return new Binding(Role.TEXT, column, List.of(names), false);
    }

    private static Column optionalText(String name, String description) {
        return Column.optional(name, ColumnType.VARCHAR, "", description);
    }

    private static Column locationType() {
        return Column.optional(LOCATION_TYPE, ColumnType.VARCHAR, "",
                "hub (HB_*), load_zone (LZ_*) or node (every other point), from the settlement point's name");
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

    private static Dataset disclosure(String id, String title, String reference, TimeShape shape, String timeLabels,
            Duration cadence, LocalDate earliest, List<Column> rest) {
        Dataset d = dataset(id, title, reference, shape, timeLabels, cadence, Duration.ofDays(60), Duration.ofDays(2), rest);
        // One disclosure zip holds one operating day; resources are disclosed once, 60 days after.
        return new Dataset(d.id(), d.title(), d.operatorReference(), d.schema(), d.timeShape(), d.access(), d.cadence(),
                d.marketZone(), d.publicationDelay(), d.grace(), earliest, d.sourceRetention(), false, Duration.ofDays(1));
    }

    /** Nodal market start (README 1.2). */
    private static LocalDate nodalStart() {
        return LocalDate.of(2010, 12, 1);
    }

    /** The columns of the DAM Gen Resource and DAM ESR datasets (one schema: H2 reads both alike). */
    private static List<Column> damAwardColumns(String types) {
        return concat(List.of(
                key("resource_name", "ERCOT Resource Name"),
                optionalText("resource_type", "ERCOT Resource Type: " + types),
                optionalText("qse", "ERCOT QSE"),
                optionalText("settlement_point", "ERCOT Settlement Point Name of the resource"),
                optionalText("resource_status", "ERCOT Resource Status (ON, OFF, OUT, ...)"),
                value("hsl_mw", "MW", "ERCOT HSL"),
                value("lsl_mw", "MW", "ERCOT LSL"),
                value("awarded_mw", "MW", "ERCOT Awarded Quantity: DAM energy award (sign for ESR charging unverified)"),
                value("energy_spp_usd_per_mwh", "$/MWh", "ERCOT Energy Settlement Point Price")), damAsColumns(false));
    }

    /**
     * The ancillary service awards and MCPCs of a DAM Gen, ESR or Load Resource file, in that order; a Load
     * Resource file also has {@code ECRSMD Awarded} after {@code ECRSSD Awarded}.
     */
    private static List<Column> damAsColumns(boolean loadResource) {
        List<Column> out = new java.util.ArrayList<>(List.of(
                value("regup_awarded_mw", "MW", "ERCOT RegUp Awarded"),
                value("regup_mcpc_usd_per_mw", "$/MW", "ERCOT RegUp MCPC"),
                value("regdn_awarded_mw", "MW", "ERCOT RegDown Awarded"),
                value("regdn_mcpc_usd_per_mw", "$/MW", "ERCOT RegDown MCPC"),
                value("rrs_awarded_mw", "MW", "ERCOT RRS Awarded (files before the RRS split)"),
                value("rrspfr_awarded_mw", "MW", "ERCOT RRSPFR Awarded"),
                value("rrsffr_awarded_mw", "MW", "ERCOT RRSFFR Awarded"),
                value("rrsufr_awarded_mw", "MW", "ERCOT RRSUFR Awarded"),
                value("rrs_mcpc_usd_per_mw", "$/MW", "ERCOT RRS MCPC"),
                value("ecrs_awarded_mw", "MW", "ERCOT ECRSSD Awarded (ECRS from 2023-06-09)")));
        if (loadResource) {
            out.add(value("ecrsmd_awarded_mw", "MW", "ERCOT ECRSMD Awarded (ECRS from 2023-06-09)"));
        }
        out.addAll(List.of(value("ecrs_mcpc_usd_per_mw", "$/MW", "ERCOT ECRS MCPC"),
                value("nspin_awarded_mw", "MW", "ERCOT NonSpin Awarded"),
                value("nspin_mcpc_usd_per_mw", "$/MW", "ERCOT NonSpin MCPC")));
        return List.copyOf(out);
    }

    /** Where the columns of {@link #damAsColumns} are read from, in the same order. */
    private static List<Binding> damAsBindings(boolean loadResource) {
        List<Binding> out = new java.util.ArrayList<>(List.of(
                number("regup_awarded_mw", false, "RegUp Awarded"), number("regup_mcpc_usd_per_mw", false, "RegUp MCPC"),
                number("regdn_awarded_mw", false, "RegDown Awarded"),
                number("regdn_mcpc_usd_per_mw", false, "RegDown MCPC"),
                number("rrs_awarded_mw", false, "RRS Awarded"), number("rrspfr_awarded_mw", false, "RRSPFR Awarded"),
                number("rrsffr_awarded_mw", false, "RRSFFR Awarded"),
                number("rrsufr_awarded_mw", false, "RRSUFR Awarded"), number("rrs_mcpc_usd_per_mw", false, "RRS MCPC"),
                number("ecrs_awarded_mw", false, "ECRSSD Awarded")));
        if (loadResource) {
            out.add(number("ecrsmd_awarded_mw", false, "ECRSMD Awarded"));
        }
        out.addAll(List.of(number("ecrs_mcpc_usd_per_mw", false, "ECRS MCPC"),
                number("nspin_awarded_mw", false, "NonSpin Awarded"),
                number("nspin_mcpc_usd_per_mw", false, "NonSpin MCPC")));
        return List.copyOf(out);
    }

    /**
     * The MW columns of a Load Resource in SCED, in file order: stored column and ERCOT header (a method, as enum
     * constants cannot read the enum's static fields).
     */
    private static List<String[]> scedLoadMw() {
        return List.of(
            new String[] {"max_power_consumption_mw", "Max Power Consumption"},
            new String[] {"low_power_consumption_mw", "Low Power Consumption"},
            new String[] {"real_power_consumption_mw", "Real Power Consumption"},
            new String[] {"base_point_mw", "Base Point"},
            new String[] {"hasl_mw", "HASL"},
            new String[] {"hdl_mw", "HDL"},
            new String[] {"lasl_mw", "LASL"},
            new String[] {"ldl_mw", "LDL"},
            new String[] {"as_responsibility_rrs_mw", "AS Responsibility for RRS"},
            new String[] {"as_responsibility_rrsffr_mw", "AS Responsibility for RRSFFR"},
            new String[] {"as_responsibility_nspin_mw", "AS Responsibility for NonSpin"},
            new String[] {"as_responsibility_regup_mw", "AS Responsibility for RegUp"},
            new String[] {"as_responsibility_regdn_mw", "AS Responsibility for RegDown"},
            new String[] {"as_responsibility_ecrs_mw", "AS Responsibility for ECRS"});
    }

    @SafeVarargs
    private static <T> List<T> concat(List<? extends T>... parts) {
        List<T> out = new java.util.ArrayList<>();
        for (List<? extends T> part : parts) {
            out.addAll(part);
        }
        return List.copyOf(out);
    }

    private static List<Binding> damAwardBindings() {
        return concat(List.of(time(Role.DATE, "Delivery Date"), time(Role.HOUR_ENDING, "Hour Ending"),
                text("resource_name", "Resource Name"), optional("resource_type", "Resource Type"),
                optional("qse", "QSE"), optional("settlement_point", "Settlement Point Name"),
                optional("resource_status", "Resource Status"),
                number("hsl_mw", false, "HSL"), number("lsl_mw", false, "LSL"),
                number("awarded_mw", false, "Awarded Quantity"),
                number("energy_spp_usd_per_mwh", false, "Energy Settlement Point Price")), damAsBindings(false),
                List.of(flag()));
    }

    /** DAM Gen/ESR columns known but not kept: the offer curve, start-up and minimum generation costs. */
    private static List<String> damOfferColumns() {
        return List.of("DME", "QSE submitted Curve-*", "Start Up Hot", "Start Up Inter", "Start Up Cold", "Min Gen Cost",
                "ESR submitted Curve-*", "QSE submitted Bid Curve-*");
    }

    /** The columns of the SCED Gen Resource and SCED ESR datasets (one schema). */
    private static List<Column> scedResourceColumns(String types) {
        return List.of(
                key("resource_name", "ERCOT Resource Name"),
                optionalText("resource_type", "ERCOT Resource Type: " + types),
                optionalText("qse", "ERCOT QSE"),
                optionalText("telemetered_resource_status", "ERCOT Telemetered Resource Status (ON, OFF, OUT, ...)"),
                value("base_point_mw", "MW", "ERCOT Base Point: SCED dispatch instruction"),
                value("telemetered_net_output_mw", "MW", "ERCOT Telemetered Net Output; for an ESR positive = discharge"),
                value("hsl_mw", "MW", "ERCOT HSL"),
                value("lsl_mw", "MW", "ERCOT LSL"),
                value("state_of_charge_mwh", "MWh", "ERCOT State of Charge (ESR file, from Feb 2026)"),
                value("as_responsibility_regup_mw", "MW", "ERCOT Ancillary Service REGUP (before RTC+B)"),
                value("as_responsibility_regdn_mw", "MW", "ERCOT Ancillary Service REGDN (before RTC+B)"),
                value("as_responsibility_rrs_mw", "MW", "ERCOT Ancillary Service RRS (before RTC+B)"),
                value("as_responsibility_rrsffr_mw", "MW", "ERCOT Ancillary Service RRSFFR (before RTC+B)"),
                value("as_responsibility_nspin_mw", "MW", "ERCOT Ancillary Service NSRS (before RTC+B)"),
                value("as_responsibility_ecrs_mw", "MW", "ERCOT Ancillary Service ECRS (before RTC+B)"),
                value("as_award_regup_mw", "MW", "ERCOT AS Awards REGUP (from RTC+B)"),
                value("as_award_regdn_mw", "MW", "ERCOT AS Awards REGDN (from RTC+B)"),
                value("as_award_rrspfr_mw", "MW", "ERCOT AS Awards RRSPFR (from RTC+B)"),
                value("as_award_rrsffr_mw", "MW", "ERCOT AS Awards RRSFFR (from RTC+B)"),
                value("as_award_rrsufr_mw", "MW", "ERCOT AS Awards RRSUFR (from RTC+B)"),
                value("as_award_ecrs_mw", "MW", "ERCOT AS Awards ECRS (from RTC+B)"),
                value("as_award_nspin_mw", "MW", "ERCOT AS Awards NSPIN (from RTC+B)"));
    }

    private static List<Binding> scedResourceBindings() {
        return List.of(time(Role.SCED_TIMESTAMP, "SCED Time Stamp"), text("resource_name", "Resource Name"),
                optional("resource_type", "Resource Type"), optional("qse", "QSE"),
                optional("telemetered_resource_status", "Telemetered Resource Status"),
                number("base_point_mw", false, "Base Point"),
                number("telemetered_net_output_mw", false, "Telemetered Net Output"),
                number("hsl_mw", false, "HSL"), number("lsl_mw", false, "LSL"),
                number("state_of_charge_mwh", false, "State of Charge"),
                number("as_responsibility_regup_mw", false, "Ancillary Service REGUP"),
                number("as_responsibility_regdn_mw", false, "Ancillary Service REGDN"),
                number("as_responsibility_rrs_mw", false, "Ancillary Service RRS"),
                number("as_responsibility_rrsffr_mw", false, "Ancillary Service RRSFFR"),
                number("as_responsibility_nspin_mw", false, "Ancillary Service NSRS"),
                number("as_responsibility_ecrs_mw", false, "Ancillary Service ECRS"),
                number("as_award_regup_mw", false, "AS Awards REGUP"),
                number("as_award_regdn_mw", false, "AS Awards REGDN"),
                number("as_award_rrspfr_mw", false, "AS Awards RRSPFR"),
                number("as_award_rrsffr_mw", false, "AS Awards RRSFFR"),
                number("as_award_rrsufr_mw", false, "AS Awards RRSUFR"),
                number("as_award_ecrs_mw", false, "AS Awards ECRS"),
                number("as_award_nspin_mw", false, "AS Awards NSPIN"), flag());
    }

    /**
     * SCED Gen/ESR columns known but not kept: offer curves, limits other than HSL/LSL, start-up offers, TPO,
     * ramp rates, AS capabilities and the SOC bounds.
     */
    private static List<String> scedOfferColumns() {
        return List.of("DME", "SCED1 Curve-*", "SCED2 Curve-*", "Output Schedule", "HASL", "HDL", "LASL", "LDL",
                "Bid_Type", "Bid Type", "Start Up Cold Offer", "Start Up Hot Offer", "Start Up Inter Offer",
                "Min Gen Cost", "Submitted TPO-*", "Proxy Extension", "Ramp Rate*", "AS Capability*", "Minimum SOC",
                "Maximum SOC", "SCED TPO*");
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
            // The grid column is the 5-minute mark a run falls in, so the ledger can match rows to its grid;
            // SCED sometimes runs more than once in 5 minutes, so the run's own instant is part of the key.
            columns.add(Column.required("time_utc", ColumnType.TIMESTAMP, "",
                    "the 5-minute mark (UTC) the SCED run falls in: the run instant floored to 5 minutes"));
            key.add("time_utc");
            columns.add(Column.required(SCED_TIME, ColumnType.TIMESTAMP, "",
                    "instant of the SCED run, UTC, from ERCOT " + timeLabels + " in Central Prevailing Time"));
            key.add(SCED_TIME);
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
                true, Duration.ofDays(31));
    }
}
