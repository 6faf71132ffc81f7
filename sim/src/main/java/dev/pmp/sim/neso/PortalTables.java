package dev.pmp.sim.neso;

import dev.pmp.sim.SimRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The simulated portal's tables with <b>synthetic</b> values in NESO's documented formats (no real
 * datastore answer was recorded): settlement rows ({@code SETTLEMENT_DATE} ISO, {@code SETTLEMENT_PERIOD}
 * 1 = 00:00 local, 46/50 on clock-change days) and UTC half-hour rows. Every value is a pure function of
 * the half-hour, so a test can recompute what it should have stored. Stateless and thread-safe.
 */
public final class PortalTables {

    /** GB settlement days are counted in this zone. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Length of a settlement period. */
    public static final Duration PERIOD = Duration.ofMinutes(30);

    /** The first year with a historic demand resource on the simulator. */
    public static final int FIRST_DEMAND_YEAR = 2009;

    /** Real resource ids of the fixed resources (NESO's pages, see the source's README). */
    public static final String DEMAND_UPDATE = "177f6fa4-ae49-4182-81ea-0c6b35f26ca6";
    public static final String EMBEDDED_LIVE = "db6c038f-98af-4570-ab60-24d71ebd0ae5";
    public static final String GENERATION_MIX = "f93d1835-75bc-43e5-84ad-12472b180a98";
    public static final String BSUOS_II = "0eda5e28-1dc6-48da-8663-c00e12f2a1e2";

    /** The generation mix columns, in NESO's names. */
    public static final List<String> MIX_COLUMNS = List.of("GAS", "COAL", "NUCLEAR", "WIND", "WIND_EMB", "HYDRO",
            "IMPORTS", "BIOMASS", "OTHER", "SOLAR", "STORAGE", "GENERATION", "CARBON_INTENSITY", "LOW_CARBON",
            "ZERO_CARBON", "RENEWABLE", "FOSSIL");

    private PortalTables() {
    }

    /** The simulated resource id of the historic demand resource of {@code year}. */
    public static String demandResource(int year) {
        return UUID.nameUUIDFromBytes(("historic-demand-" + year).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** The year of a historic demand resource id, or -1. */
    static int demandYear(String resourceId, Instant now) {
        for (int y = FIRST_DEMAND_YEAR; y <= LocalDate.ofInstant(now, LONDON).getYear(); y++) {
            if (demandResource(y).equals(resourceId)) {
                return y;
            }
        }
        return -1;
    }

    /** Periods of a local settlement day: 46, 48 or 50. */
    public static int periods(LocalDate day) {
        return (int) (Duration.between(midnight(day), midnight(day.plusDays(1))).toMinutes() / 30);
    }

    /** UTC start of local midnight. */
    public static Instant midnight(LocalDate day) {
        return day.atStartOfDay(LONDON).toInstant();
    }

    /** National demand of the half-hour starting at {@code start}, MW. */
    public static long nd(Instant start) {
        return 20000 + Math.floorMod(start.getEpochSecond() / 1800, 48) * 150L;
    }

    /** Transmission demand of the half-hour starting at {@code start}, MW. */
    public static long tsd(Instant start) {
        return nd(start) + 1500;
    }

    /** A generation mix value of {@code column} for the half-hour starting at {@code start}. */
    public static double mix(String column, Instant start) {
        long k = Math.floorMod(start.getEpochSecond() / 1800, 48);
        return switch (column) {
            case "CARBON_INTENSITY" -> 120 + k;
            case "GENERATION" -> 30000 + k * 10;
            default -> 1000 + MIX_COLUMNS.indexOf(column) * 100 + k;
        };
    }

    /**
     * Demand rows of the local days {@code [from, to)} as column name to cell, skipping withheld half-hours;
     * {@code forecastFrom} marks rows of that day and later {@code F} when given (demand data update).
     */
    static List<Map<String, Object>> demandRows(LocalDate from, LocalDate to, LocalDate forecastFrom, SimRequest request) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            for (int sp = 1; sp <= periods(d); sp++) {
                Instant start = midnight(d).plus(PERIOD.multipliedBy(sp - 1));
                if (request.isWithheld(start)) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("SETTLEMENT_DATE", d.toString());
                row.put("SETTLEMENT_PERIOD", sp);
                row.put("ND", nd(start));
                row.put("TSD", tsd(start));
                row.put("ENGLAND_WALES_DEMAND", nd(start) - 2000);
                row.put("EMBEDDED_WIND_GENERATION", 1200);
                row.put("EMBEDDED_SOLAR_GENERATION", 0);
                row.put("IFA_FLOW", 1000);
                if (forecastFrom != null) {
                    row.put("FORECAST_ACTUAL_INDICATOR", d.isBefore(forecastFrom) ? "A" : "F");
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** BSUoS II rows of the local days {@code [from, to)}. */
    static List<Map<String, Object>> bsuosRows(LocalDate from, LocalDate to, SimRequest request) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            for (int sp = 1; sp <= periods(d); sp++) {
                Instant start = midnight(d).plus(PERIOD.multipliedBy(sp - 1));
                if (request.isWithheld(start)) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("Settlement Day", d.toString());
                row.put("Settlement Period", sp);
                row.put("BSUoS Tariff (£/MWh)", 12.5 + sp / 100.0);
                row.put("BSUoS Fund Tariff (£/MWh)", 1.25);
                rows.add(row);
            }
        }
        return rows;
    }

    /** Generation mix rows of the UTC half-hours {@code [from, to)}, {@code DATETIME} as CKAN prints timestamps. */
    static List<Map<String, Object>> mixRows(Instant from, Instant to, List<String> columns, SimRequest request) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(PERIOD)) {
            if (request.isWithheld(t)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (String c : columns) {
                row.put(c, c.equals("DATETIME") ? LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString() + ":00" : mix(c, t));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Embedded forecast rows from the half-hour holding {@code now} for two days, in the live file's
     * format ({@code DATE_GMT} + {@code TIME_GMT} = UTC end of the period).
     */
    static List<Map<String, Object>> embeddedRows(Instant now, List<String> columns, String vintage, SimRequest request) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Instant first = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), 1800) * 1800);
        for (int i = 0; i < 96; i++) {
            Instant start = first.plus(PERIOD.multipliedBy(i));
            if (request.isWithheld(start)) {
                continue;
            }
            Instant end = start.plus(PERIOD);
            LocalDate day = LocalDate.ofInstant(start, LONDON);
            long sp = Duration.between(midnight(day), start).toMinutes() / 30 + 1;
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("PMP_VINTAGE", vintage);
            all.put("DATE_GMT", LocalDate.ofInstant(end, ZoneOffset.UTC) + "T00:00:00");
            all.put("TIME_GMT", end.toString().substring(11, 16));
            all.put("SETTLEMENT_DATE", day + "T00:00:00");
            all.put("SETTLEMENT_PERIOD", sp);
            all.put("EMBEDDED_WIND_FORECAST", 400 + i);
            all.put("EMBEDDED_WIND_CAPACITY", 6417);
            all.put("EMBEDDED_SOLAR_FORECAST", 0);
            all.put("EMBEDDED_SOLAR_CAPACITY", 23301);
            Map<String, Object> row = new LinkedHashMap<>();
            for (String c : columns) {
                row.put(c, all.get(c));
            }
            rows.add(row);
        }
        return rows;
    }
}
