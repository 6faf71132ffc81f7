package dev.pmp.source.neso;

import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table shared by {@code historic-demand-data} and {@code daily-demand-update}: one row per settlement
 * period ({@code SETTLEMENT_DATE}, {@code SETTLEMENT_PERIOD}, local day, period 1 from 00:00) with demand,
 * embedded generation and interconnector flows in MW. Columns are found by name, case-insensitively;
 * yearly resources differ (older years have {@code FRENCH_FLOW} for today's {@code IFA_FLOW}, dates as
 * {@code 01/01/2010}), which the aliases and {@link Cells#date} absorb.
 */
final class DemandTable {

    /** The operator's columns the table needs. */
    static final String SETTLEMENT_DATE = "SETTLEMENT_DATE";
    static final String SETTLEMENT_PERIOD = "SETTLEMENT_PERIOD";
    static final String INDICATOR = "FORECAST_ACTUAL_INDICATOR";

    /**
     * One value column: our name, the operator's name and older names of the same quantity.
     */
    record Field(String column, String operatorName, List<String> aliases, String description) {
        Field {
            aliases = List.copyOf(aliases);
        }
    }

    /** The value columns, in schema order; {@code ND} is required, the rest may be absent in a year. */
    static final List<Field> FIELDS = List.of(
            new Field("nd_mw", "ND", List.of(), "ND: national demand, transmission-connected generation "
                    + "requirement excluding station load, pumping and exports (≈ Elexon INDO)"),
            new Field("tsd_mw", "TSD", List.of(), "TSD: transmission system demand, ND plus station load "
                    + "(an estimated 500 MW in BST, 600 MW in GMT), pumping and exports (≈ Elexon ITSDO)"),
            new Field("england_wales_demand_mw", "ENGLAND_WALES_DEMAND", List.of(), "ENGLAND_WALES_DEMAND: ND "
                    + "of England and Wales"),
            new Field("embedded_wind_generation_mw", "EMBEDDED_WIND_GENERATION", List.of(),
                    "EMBEDDED_WIND_GENERATION: estimated distribution-connected wind output"),
            new Field("embedded_wind_capacity_mw", "EMBEDDED_WIND_CAPACITY", List.of(),
                    "EMBEDDED_WIND_CAPACITY: estimated distribution-connected wind capacity"),
            new Field("embedded_solar_generation_mw", "EMBEDDED_SOLAR_GENERATION", List.of(),
                    "EMBEDDED_SOLAR_GENERATION: estimated distribution-connected solar output"),
            new Field("embedded_solar_capacity_mw", "EMBEDDED_SOLAR_CAPACITY", List.of(),
                    "EMBEDDED_SOLAR_CAPACITY: estimated distribution-connected solar capacity"),
            new Field("non_bm_stor_mw", "NON_BM_STOR", List.of(), "NON_BM_STOR: non-BM short-term operating reserve"),
            new Field("pump_storage_pumping_mw", "PUMP_STORAGE_PUMPING", List.of(),
                    "PUMP_STORAGE_PUMPING: demand of pumped storage while pumping"),
            new Field("ifa_flow_mw", "IFA_FLOW", List.of("FRENCH_FLOW"), "IFA_FLOW (FRENCH_FLOW in older years): "
                    + "IFA interconnector to France, positive into GB"),
            new Field("ifa2_flow_mw", "IFA2_FLOW", List.of(), "IFA2_FLOW: IFA2 interconnector to France"),
            new Field("britned_flow_mw", "BRITNED_FLOW", List.of(), "BRITNED_FLOW: BritNed to the Netherlands"),
            new Field("moyle_flow_mw", "MOYLE_FLOW", List.of(), "MOYLE_FLOW: Moyle to Northern Ireland"),
            new Field("east_west_flow_mw", "EAST_WEST_FLOW", List.of(), "EAST_WEST_FLOW: East-West to Ireland"),
            new Field("nemo_flow_mw", "NEMO_FLOW", List.of(), "NEMO_FLOW: Nemo Link to Belgium"),
            new Field("nsl_flow_mw", "NSL_FLOW", List.of(), "NSL_FLOW: North Sea Link to Norway"),
            new Field("eleclink_flow_mw", "ELECLINK_FLOW", List.of(), "ELECLINK_FLOW: ElecLink to France"));

    private DemandTable() {
    }

    /** The schema: half-hour, settlement date and period, then {@link #FIELDS}. */
    static Schema schema() {
        Schema.Builder b = Schema.builder(TimeShape.INTERVAL)
                .value("settlement_date", ColumnType.DATE, "", "SETTLEMENT_DATE: the local settlement day")
                .value("settlement_period", ColumnType.BIGINT, "", "SETTLEMENT_PERIOD: 1 = 00:00-00:30 local; "
                        + "46 on the spring clock change day, 50 on the autumn one");
        for (Field f : FIELDS) {
            b.value(f.column(), ColumnType.DOUBLE, "MW", f.description());
        }
        return b.build();
    }

    /**
     * Reads one page into {@code out}: rows whose half-hour starts inside {@code keep}; with
     * {@code actualOnly}, rows whose {@value #INDICATOR} is not {@code A} are left out and counted in a note.
     *
     * @param what names the resource in messages
     * @return the latest half-hour start on the page, kept or not; null for an empty page
     * @throws SourceException {@link Failure#BAD_DATA} when a required column is missing, or a row's date or
     *     period cannot be read (the row cannot be placed in time)
     */
    static Instant read(DatastorePage page, String what, Window keep, boolean actualOnly, HalfHourRows out)
            throws SourceException {
        if (page.records().isEmpty()) {
            return null;
        }
        Map<String, String> byUpper = new LinkedHashMap<>();
        for (String f : page.fields()) {
            byUpper.putIfAbsent(f.strip().toUpperCase(Locale.ROOT), f);
        }
        Set<String> used = new LinkedHashSet<>();
        String date = required(byUpper, SETTLEMENT_DATE, what, used);
        String period = required(byUpper, SETTLEMENT_PERIOD, what, used);
        String indicator = actualOnly ? required(byUpper, INDICATOR, what, used) : null;
        List<String> sources = new ArrayList<>(FIELDS.size());
        for (Field f : FIELDS) {
            String name = byUpper.get(f.operatorName());
            for (int i = 0; name == null && i < f.aliases().size(); i++) {
                name = byUpper.get(f.aliases().get(i));
            }
            if (name == null && f.column().equals("nd_mw")) {
                required(byUpper, f.operatorName(), what, used);
            }
            sources.add(name);
            if (name != null) {
                used.add(name.strip().toUpperCase(Locale.ROOT));
            }
        }
        List<String> unknown = byUpper.keySet().stream().filter(k -> !used.contains(k))
                .filter(k -> actualOnly || !k.equals(INDICATOR)).toList();
        if (!unknown.isEmpty()) {
            out.note(what + ": columns this reader does not store: " + String.join(", ", unknown));
        }
        int forecasts = 0;
        Instant latest = null;
        for (int i = 0; i < page.records().size(); i++) {
            Map<String, Object> record = page.records().get(i);
            String where = what + " record " + (page.offset() + i + 1);
            LocalDate day;
            long sp;
            try {
                day = Cells.date(record.get(date));
            } catch (IllegalArgumentException e) {
                throw new SourceException(Failure.BAD_DATA, where + ", column " + date + ": " + e.getMessage());
            }
            try {
                sp = Cells.whole(record.get(period));
            } catch (IllegalArgumentException e) {
                throw new SourceException(Failure.BAD_DATA, where + ", column " + period + ": " + e.getMessage());
            }
            if (sp < 1 || sp > SettlementPeriods.count(day)) {
                Window whole = new Window(SettlementPeriods.midnight(day), SettlementPeriods.midnight(day.plusDays(1)));
                if (whole.overlaps(keep)) {
                    out.hold(whole, 1, where + ": settlement period " + sp + " does not exist on " + day + " ("
                            + SettlementPeriods.count(day) + " periods); the day's labels are held back");
                }
                continue;
            }
            Instant start = SettlementPeriods.start(day, sp);
            if (latest == null || start.isAfter(latest)) {
                latest = start;
            }
            if (!keep.contains(start)) {
                continue;
            }
            if (indicator != null && !"A".equals(String.valueOf(record.get(indicator)).strip())) {
                forecasts++;
                continue;
            }
            Object[] values = new Object[4 + FIELDS.size()];
            values[0] = start;
            values[1] = start.plus(SettlementPeriods.PERIOD);
            values[2] = day;
            values[3] = sp;
            String problem = null;
            for (int c = 0; c < FIELDS.size() && problem == null; c++) {
                String source = sources.get(c);
                if (source == null) {
                    continue;
                }
                try {
                    values[4 + c] = Cells.number(record.get(source));
                } catch (IllegalArgumentException e) {
                    problem = where + ", column " + source + ": " + e.getMessage();
                }
            }
            if (problem != null) {
                out.hold(Window.of(start, SettlementPeriods.PERIOD), 1, problem + "; half-hour held back");
                continue;
            }
            out.add(start, "", Row.of(values), where);
        }
        if (forecasts > 0) {
            out.note(what + ": " + forecasts + " forecast row(s) (" + INDICATOR + " not A) left out");
        }
        return latest;
    }

    private static String required(Map<String, String> byUpper, String name, String what, Set<String> used)
            throws SourceException {
        String found = byUpper.get(name);
        if (found == null) {
            throw new SourceException(Failure.BAD_DATA, what + " has no column " + name + "; it has "
                    + byUpper.values());
        }
        used.add(name);
        return found;
    }
}
