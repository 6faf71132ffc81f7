package dev.pmp.source.neso;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code historic-generation-mix}: GB generation by fuel and carbon intensity per half-hour since 2009,
 * one resource ({@code df_fuel_ckan.csv}) whose {@code DATETIME} is the UTC start of the half-hour. Read
 * with {@code datastore_search_sql}: the listed columns only (never {@code SELECT *}, which adds
 * {@code _full_text}), filtered to the window on the server, ordered by time, {@value #PAGE_ROWS} rows a
 * page. The {@code *_perc} columns are not read (they are the MW columns over {@code GENERATION}).
 * Immutable and thread-safe.
 */
public final class HistoricGenerationMix extends PortalFeed {

    /** The portal package. */
    public static final String PACKAGE = "historic-generation-mix";

    /** The resource's UUID ({@code Historic GB Generation Mix}). */
    public static final String RESOURCE = "f93d1835-75bc-43e5-84ad-12472b180a98";

    /** Rows per SQL page. */
    static final int PAGE_ROWS = 10000;

    static final String DATETIME = "DATETIME";

    /** The fuels, operator name to our column; each feeds {@code FUEL_MIX} under its lower-case name. */
    static final Map<String, String> FUELS = fuels();

    /** Totals and intensity, operator name to our column. */
    static final Map<String, String> TOTALS = Map.of(
            "GENERATION", "generation_mw",
            "CARBON_INTENSITY", "carbon_intensity_gco2_per_kwh",
            "LOW_CARBON", "low_carbon_mw",
            "ZERO_CARBON", "zero_carbon_mw",
            "RENEWABLE", "renewable_mw",
            "FOSSIL", "fossil_mw");

    /** The operator's columns read, in schema order after {@value #DATETIME}. */
    static final List<String> OPERATOR_COLUMNS = operatorColumns();

    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "neso.historic_generation_mix",
            "NESO historic generation mix and carbon intensity (GB, half-hourly)",
            "https://www.neso.energy/data-portal/historic-generation-mix (resource " + RESOURCE + ")",
            schema(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            SettlementPeriods.PERIOD,
            SettlementPeriods.LONDON,
            // "Update Frequency Hourly" on the dataset page.
            Duration.ofHours(2),
            Duration.ofHours(6),
            LocalDate.of(2009, 1, 1),
            Optional.empty(),
            true,
            Duration.ofDays(180));

    /** A feed reading the portal under {@link NesoSettings#apiBase()}. */
    public HistoricGenerationMix(NesoSettings settings) {
        super(DATASET, settings, PACKAGE);
    }

    /**
     * @throws SourceException {@link Failure#NOT_PUBLISHED} when the resource was last modified before the
     *     window starts, {@link Failure#BAD_DATA} when the package no longer lists it
     */
    @Override
    CkanPackage.Resource resource(Window window, CkanPackage pkg) throws SourceException {
        CkanPackage.Resource r = fixed(pkg, RESOURCE);
        if (r.lastModified().isPresent() && !r.lastModified().get().isAfter(window.start())) {
            throw new SourceException(Failure.NOT_PUBLISHED, PACKAGE + " was last modified " + r.lastModified().get()
                    + ", before " + window.start() + "; nothing of the window can be in it yet");
        }
        return r;
    }

    /** {@code SELECT "DATETIME", "GAS", ... FROM "<id>" WHERE window ORDER BY "DATETIME" LIMIT n OFFSET 0}. */
    @Override
    FetchRequest firstPage(Window window, CkanPackage.Resource resource) {
        String columns = OPERATOR_COLUMNS.stream().map(PortalFeed::quoted).collect(Collectors.joining(","));
        return sql("SELECT " + quoted(DATETIME) + "," + columns + " FROM " + quoted(resource.id())
                + " WHERE " + quoted(DATETIME) + " >= '" + sqlTime(window.start()) + "' AND " + quoted(DATETIME)
                + " < '" + sqlTime(window.end()) + "' ORDER BY " + quoted(DATETIME) + " LIMIT " + PAGE_ROWS
                + " OFFSET 0");
    }

    /**
     * The last page covers the window up to the end of its latest half-hour.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when a column is missing or a time is not a UTC
     *     half-hour; {@link Failure#NOT_PUBLISHED} when the window holds no row at all
     */
    @Override
    Parsed page(Window window, FetchResponse response) throws SourceException {
        DatastorePage page = DatastorePage.read(response.body(), "datastore_search_sql");
        boolean firstPage = sqlOf(response).endsWith(" OFFSET 0");
        HalfHourRows rows = new HalfHourRows();
        if (!page.records().isEmpty()) {
            Map<String, String> byUpper = new LinkedHashMap<>();
            page.fields().forEach(f -> byUpper.putIfAbsent(f.strip().toUpperCase(Locale.ROOT), f));
            List<String> wanted = new ArrayList<>();
            wanted.add(DATETIME);
            wanted.addAll(OPERATOR_COLUMNS);
            List<String> names = new ArrayList<>();
            for (String w : wanted) {
                String found = byUpper.remove(w);
                if (found == null) {
                    throw new SourceException(Failure.BAD_DATA, "historic generation mix answer has no column " + w
                            + "; it has " + page.fields());
                }
                names.add(found);
            }
            if (!byUpper.isEmpty()) {
                rows.note("historic generation mix: columns this reader does not store: " + byUpper.values());
            }
            read(page, names, window, rows);
        }
        Optional<FetchRequest> next = nextSqlPage(page, response);
        if (next.isPresent()) {
            return new Parsed(rows.rows(), List.of(), rows.quarantined(), rows.notes(), next);
        }
        if (rows.isEmpty() && rows.quarantined().isEmpty()) {
            if (firstPage) {
                throw new SourceException(Failure.NOT_PUBLISHED, "historic generation mix holds no row in " + window);
            }
            List<String> notes = new ArrayList<>(rows.notes());
            notes.add("historic generation mix: the last page is empty, so nothing is claimed as covered");
            return Parsed.of(List.of(), List.of(), List.of(), notes);
        }
        Instant latest = rows.isEmpty() ? window.end() : rows.lastStart().plus(SettlementPeriods.PERIOD);
        Window span = new Window(window.start(), latest.isBefore(window.end()) ? latest : window.end());
        return Parsed.of(rows.rows(), rows.covered(span), rows.quarantined(), rows.notes());
    }

    private static void read(DatastorePage page, List<String> names, Window window, HalfHourRows rows)
            throws SourceException {
        for (int i = 0; i < page.records().size(); i++) {
            Map<String, Object> record = page.records().get(i);
            String where = "historic generation mix record " + (i + 1);
            Instant start;
            try {
                start = Cells.utcDateTime(record.get(names.get(0))).toInstant(ZoneOffset.UTC);
            } catch (IllegalArgumentException e) {
                throw new SourceException(Failure.BAD_DATA, where + ", column " + DATETIME + ": " + e.getMessage());
            }
            if (start.getEpochSecond() % SettlementPeriods.PERIOD.toSeconds() != 0) {
                throw new SourceException(Failure.BAD_DATA, where + ", column " + DATETIME + ": " + start
                        + " is not the start of a half-hour");
            }
            if (!window.contains(start)) {
                rows.note(where + ": " + start + " lies outside the requested " + window + "; left out");
                continue;
            }
            Object[] values = new Object[2 + OPERATOR_COLUMNS.size()];
            values[0] = start;
            values[1] = start.plus(SettlementPeriods.PERIOD);
            String problem = null;
            for (int c = 0; c < OPERATOR_COLUMNS.size() && problem == null; c++) {
                try {
                    values[2 + c] = Cells.number(record.get(names.get(c + 1)));
                } catch (IllegalArgumentException e) {
                    problem = where + ", column " + names.get(c + 1) + ": " + e.getMessage();
                }
            }
            if (problem != null) {
                rows.hold(Window.of(start, SettlementPeriods.PERIOD), 1, problem + "; half-hour held back");
                continue;
            }
            rows.add(start, "", Row.of(values), where);
        }
    }

    private static String sqlTime(Instant instant) {
        return SQL_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Map<String, String> fuels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String fuel : List.of("GAS", "COAL", "NUCLEAR", "WIND", "WIND_EMB", "HYDRO", "IMPORTS", "BIOMASS",
                "OTHER", "SOLAR", "STORAGE")) {
            m.put(fuel, fuel.toLowerCase(Locale.ROOT) + "_mw");
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static List<String> operatorColumns() {
        List<String> out = new ArrayList<>(FUELS.keySet());
        out.addAll(List.of("GENERATION", "CARBON_INTENSITY", "LOW_CARBON", "ZERO_CARBON", "RENEWABLE", "FOSSIL"));
        return List.copyOf(out);
    }

    private static Schema schema() {
        Schema.Builder b = Schema.builder(TimeShape.INTERVAL);
        Map<String, String> descriptions = Map.of(
                "WIND", "transmission-connected wind",
                "WIND_EMB", "embedded (distribution-connected) wind, estimated",
                "OTHER", "other, including batteries and transmission-connected solar",
                "STORAGE", "pumped storage generation",
                "IMPORTS", "interconnector imports");
        for (Map.Entry<String, String> f : FUELS.entrySet()) {
            b.value(f.getValue(), ColumnType.DOUBLE, "MW", f.getKey() + ": generation from "
                    + descriptions.getOrDefault(f.getKey(), f.getKey().toLowerCase(Locale.ROOT))
                    + "; net-negative values are clipped to zero by NESO");
        }
        for (String t : List.of("GENERATION", "CARBON_INTENSITY", "LOW_CARBON", "ZERO_CARBON", "RENEWABLE", "FOSSIL")) {
            boolean intensity = t.equals("CARBON_INTENSITY");
            b.value(TOTALS.get(t), ColumnType.DOUBLE, intensity ? "gCO2/kWh" : "MW", t + (intensity
                    ? ": carbon intensity of GB generation" : ": total of the " + t.toLowerCase(Locale.ROOT)
                            .replace('_', ' ') + " group"));
        }
        return b.build();
    }
}
