package dev.pmp.source.caiso;

import dev.pmp.source.caiso.outlook.OutlookDay;
import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Today's Outlook {@code fuelsource.csv}: generation by fuel every 5 minutes, one file per Pacific day.
 * Every column after {@code Time} is a fuel; older files' capitalisation ({@code Natural gas},
 * {@code Large hydro}, {@code Small hydro}) is normalised. Immutable and thread-safe.
 */
public final class FuelMix extends OutlookFeed {

    static final String FILE = "fuelsource.csv";

    /** The fuels of the current header, in its order; others are kept and noted. */
    static final List<String> KNOWN_FUELS = List.of("Solar", "Wind", "Geothermal", "Biomass", "Biogas", "Small Hydro",
            "Coal", "Nuclear", "Natural Gas", "Large Hydro", "Batteries", "Imports", "Other");

    private static final Map<String, String> RENAMED = Map.of("Small hydro", "Small Hydro", "Natural gas",
            "Natural Gas", "Large hydro", "Large Hydro");

    /** {@code caiso.fuel_mix}. */
    public static final Dataset DATASET = new Dataset(
            "caiso.fuel_mix",
            "CAISO generation by fuel, 5-minute (Today's Outlook)",
            CaisoSettings.DEFAULT_OUTLOOK_URL + "/history/YYYYMMDD/" + FILE,
            Schema.builder(TimeShape.INTERVAL)
                    .key("fuel", ColumnType.VARCHAR, "the column name of fuelsource.csv (normalised capitalisation): "
                            + String.join(", ", KNOWN_FUELS))
                    .value("mw", ColumnType.DOUBLE, "MW",
                            "generation over the 5 minutes starting at Time; Batteries is negative while charging")
                    .build(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            CADENCE,
            Caiso.ZONE,
            Duration.ofMinutes(10),
            Duration.ofMinutes(30),
            // The day gridstatus' fuel mix history starts (unverified here how far back the files go).
            LocalDate.of(2018, 4, 10),
            Optional.empty(),
            false,
            Duration.ofDays(1));

    FuelMix(CaisoSettings settings) {
        super(DATASET, settings.outlookBase(), FILE);
    }

    @Override
    List<String> checkColumns(String file, List<String> columns) throws SourceException {
        if (columns.isEmpty()) {
            throw new SourceException(Failure.BAD_DATA, file + " has no fuel column, only Time");
        }
        // every column is a fuel; new ones are noted as their rows are read
        return List.of();
    }

    @Override
    String rows(OutlookDay.Sample sample, Window interval, List<String> columns, List<Row> rows, List<String> notes) {
        List<Row> out = new ArrayList<>(columns.size());
        Set<String> unknown = new TreeSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String cell = sample.cells().get(i);
            if (cell.isEmpty()) {
                continue;
            }
            double mw = number(cell);
            String fuel = RENAMED.getOrDefault(columns.get(i), columns.get(i));
            if (Double.isNaN(mw)) {
                return fuel + " \"" + cell + "\" is not a number; interval held back";
            }
            if (!KNOWN_FUELS.contains(fuel)) {
                unknown.add(fuel);
            }
            out.add(Row.of(interval.start(), interval.end(), fuel, mw));
        }
        rows.addAll(out);
        for (String fuel : unknown) {
            String note = "fuels CAISO did not publish before, kept as they are: " + fuel;
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        return null;
    }

    /** The number in {@code cell}, NaN when it is not a plain decimal. */
    static double number(String cell) {
        byte[] b = cell.getBytes(StandardCharsets.ISO_8859_1);
        return dev.pmp.source.caiso.oasis.Decimal.parse(b, 0, b.length);
    }
}
