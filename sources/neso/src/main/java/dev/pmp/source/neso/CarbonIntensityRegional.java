package dev.pmp.source.neso;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /regional/intensity/{from}/{to}}: the carbon intensity forecast and generation mix of the 14 DNO
 * regions, England, Scotland, Wales and GB (region ids 1-18) per half-hour. Reads both shapes the API
 * uses: period-keyed ({@code data[]} of periods, each with {@code regions[]}) and region-keyed
 * ({@code data} an object for one region, with {@code data[]} of periods). Immutable and thread-safe.
 */
public final class CarbonIntensityRegional extends CarbonIntensityFeed {

    /** Path of the route under the API root. */
    public static final String PATH = "/regional/intensity";

    /** The fuels of {@code generationmix}, in the API's order; each has a {@code <fuel>_perc} column. */
    static final List<String> FUELS = List.of("biomass", "coal", "imports", "gas", "nuclear", "other", "hydro",
            "solar", "wind");

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "neso.carbon_intensity_regional",
            "Carbon Intensity API: regional carbon intensity forecast and generation mix",
            NesoSettings.DEFAULT_CARBON_INTENSITY_BASE + PATH + "/{from}/{to}",
            schema(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            SettlementPeriods.PERIOD,
            SettlementPeriods.LONDON,
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            LocalDate.of(2018, 5, 10),
            Optional.empty(),
            true,
            Duration.ofDays(1));

    /** A feed reading the API under {@link NesoSettings#carbonIntensityBase()}. */
    public CarbonIntensityRegional(NesoSettings settings) {
        super(DATASET, settings, PATH);
    }

    /**
     * @throws SourceException {@link Failure#BAD_DATA} for a payload that is not the API's JSON, an error
     *     document, or a period or region that cannot be read; {@link Failure#NOT_PUBLISHED} for empty data
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        Object data = data(response);
        HalfHourRows rows = new HalfHourRows();
        Set<String> unknownFuels = new LinkedHashSet<>();
        Instant latestEnd = null;
        if (data instanceof Map<?, ?>) {
            Map<String, Object> region = Json.object(data, "data");
            List<Object> periods = nonEmpty(Json.array(region.get("data"), "data.data"), window);
            for (int i = 0; i < periods.size(); i++) {
                String where = "data.data[" + i + "]";
                Map<String, Object> period = Json.object(periods.get(i), where);
                Instant end = add(window, period, region, period, where, rows, unknownFuels);
                latestEnd = later(latestEnd, end);
            }
        } else {
            List<Object> periods = nonEmpty(Json.array(data, "data"), window);
            for (int i = 0; i < periods.size(); i++) {
                String where = "data[" + i + "]";
                Map<String, Object> period = Json.object(periods.get(i), where);
                List<Object> regions = Json.array(period.get("regions"), where + ".regions");
                for (int r = 0; r < regions.size(); r++) {
                    String regionWhere = where + ".regions[" + r + "]";
                    Map<String, Object> region = Json.object(regions.get(r), regionWhere);
                    Instant end = add(window, period, region, region, regionWhere, rows, unknownFuels);
                    latestEnd = later(latestEnd, end);
                }
            }
        }
        if (latestEnd == null) {
            throw new SourceException(Failure.NOT_PUBLISHED, "the Carbon Intensity API has no period inside " + window
                    + " yet");
        }
        if (!unknownFuels.isEmpty()) {
            rows.note("generation mix fuels this reader does not store: " + unknownFuels);
        }
        return Parsed.of(rows.rows(), rows.covered(covered(window, latestEnd)), rows.quarantined(), rows.notes());
    }

    /**
     * Adds one region's half-hour: times from {@code period}, names from {@code region}, values from
     * {@code values}; returns the half-hour's end when it lies in the window, else null.
     */
    private static Instant add(Window window, Map<String, Object> period, Map<String, Object> region,
            Map<String, Object> values, String where, HalfHourRows rows, Set<String> unknownFuels)
            throws SourceException {
        Instant from = time(period.get("from"), where + ".from");
        Instant to = time(period.get("to"), where + ".to");
        if (!to.equals(from.plus(SettlementPeriods.PERIOD))) {
            throw new SourceException(Failure.BAD_DATA, where + ": " + from + " to " + to + " is not a half-hour");
        }
        if (!window.contains(from)) {
            return null;
        }
        long regionId;
        try {
            regionId = Cells.whole(region.get("regionid"));
        } catch (IllegalArgumentException e) {
            throw new SourceException(Failure.BAD_DATA, where + ".regionid: " + e.getMessage());
        }
        Object[] row = new Object[7 + FUELS.size()];
        row[0] = from;
        row[1] = to;
        row[2] = regionId;
        row[3] = region.get("shortname") instanceof String s ? s : null;
        row[4] = region.get("dnoregion") instanceof String s ? s : null;
        try {
            Map<String, Object> intensity = Json.object(values.get("intensity"), where + ".intensity");
            row[5] = Cells.number(intensity.get("forecast"));
            row[6] = intensity.get("index") instanceof String s ? s : null;
            if (values.get("generationmix") != null) {
                List<Object> mix = Json.array(values.get("generationmix"), where + ".generationmix");
                for (Object o : mix) {
                    Map<String, Object> fuel = Json.object(o, where + ".generationmix[]");
                    String name = String.valueOf(fuel.get("fuel"));
                    int at = FUELS.indexOf(name);
                    if (at < 0) {
                        unknownFuels.add(name);
                    } else {
                        row[7 + at] = Cells.number(fuel.get("perc"));
                    }
                }
            }
        } catch (IllegalArgumentException | SourceException e) {
            rows.hold(Window.of(from, SettlementPeriods.PERIOD), 1, where + " (region " + regionId + "): "
                    + e.getMessage() + "; half-hour held back");
            return to;
        }
        rows.add(from, String.format("%02d", regionId), Row.of(row), where);
        return to;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }

    private static Schema schema() {
        Schema.Builder b = Schema.builder(TimeShape.INTERVAL)
                .key("region_id", ColumnType.BIGINT, "regionid: 1-14 DNO regions, 15 England, 16 Scotland, "
                        + "17 Wales, 18 GB")
                .value("region_name", ColumnType.VARCHAR, "", "shortname, e.g. London")
                .value("dno_region", ColumnType.VARCHAR, "", "dnoregion, e.g. UKPN London")
                .value("forecast_gco2_per_kwh", ColumnType.DOUBLE, "gCO2/kWh", "intensity.forecast")
                .value("intensity_index", ColumnType.VARCHAR, "", "intensity.index: very low ... very high");
        for (String f : FUELS) {
            b.value(f + "_perc", ColumnType.DOUBLE, "%", "generationmix " + f + ": share of generation");
        }
        return b.build();
    }
}
