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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /intensity/{from}/{to}}: the GB carbon intensity forecast and outturn per half-hour, in gCO2/kWh.
 * {@code actual} is null until the half-hour has passed; later passes revise it. Immutable and thread-safe.
 */
public final class CarbonIntensityNational extends CarbonIntensityFeed {

    /** Path of the route under the API root. */
    public static final String PATH = "/intensity";

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "neso.carbon_intensity_national",
            "Carbon Intensity API: GB carbon intensity, forecast and actual",
            NesoSettings.DEFAULT_CARBON_INTENSITY_BASE + PATH + "/{from}/{to}",
            Schema.builder(TimeShape.INTERVAL)
                    .value("forecast_gco2_per_kwh", ColumnType.DOUBLE, "gCO2/kWh", "intensity.forecast")
                    .value("actual_gco2_per_kwh", ColumnType.DOUBLE, "gCO2/kWh", "intensity.actual; empty until "
                            + "the half-hour has passed")
                    .value("intensity_index", ColumnType.VARCHAR, "", "intensity.index: very low, low, moderate, "
                            + "high, very high")
                    .build(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            SettlementPeriods.PERIOD,
            SettlementPeriods.LONDON,
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            LocalDate.of(2018, 5, 10),
            Optional.empty(),
            true,
            Duration.ofDays(7));

    /** A feed reading the API under {@link NesoSettings#carbonIntensityBase()}. */
    public CarbonIntensityNational(NesoSettings settings) {
        super(DATASET, settings, PATH);
    }

    /**
     * @throws SourceException {@link Failure#BAD_DATA} for a payload that is not the API's JSON, an error
     *     document or a period whose time cannot be read; {@link Failure#NOT_PUBLISHED} for empty data
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        List<Object> data = nonEmpty(Json.array(data(response), "data"), window);
        HalfHourRows rows = new HalfHourRows();
        Instant latestEnd = null;
        for (int i = 0; i < data.size(); i++) {
            String where = "data[" + i + "]";
            Map<String, Object> period = Json.object(data.get(i), where);
            Instant from = time(period.get("from"), where + ".from");
            Instant to = time(period.get("to"), where + ".to");
            if (!to.equals(from.plus(SettlementPeriods.PERIOD))) {
                throw new SourceException(Failure.BAD_DATA, where + ": " + from + " to " + to + " is not a half-hour");
            }
            if (!window.contains(from)) {
                continue;
            }
            latestEnd = latestEnd == null || to.isAfter(latestEnd) ? to : latestEnd;
            Map<String, Object> intensity = Json.object(period.get("intensity"), where + ".intensity");
            try {
                Object index = intensity.get("index");
                rows.add(from, "", Row.of(from, to, Cells.number(intensity.get("forecast")),
                        Cells.number(intensity.get("actual")), index == null ? null : index.toString()), where);
            } catch (IllegalArgumentException e) {
                rows.hold(Window.of(from, SettlementPeriods.PERIOD), 1, where + ".intensity: " + e.getMessage()
                        + "; half-hour held back");
            }
        }
        if (latestEnd == null) {
            throw new SourceException(Failure.NOT_PUBLISHED, "the Carbon Intensity API has no period inside " + window
                    + " yet");
        }
        return Parsed.of(rows.rows(), rows.covered(covered(window, latestEnd)), rows.quarantined(), rows.notes());
    }
}
