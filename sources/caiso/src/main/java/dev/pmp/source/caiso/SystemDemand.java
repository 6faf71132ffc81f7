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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Today's Outlook {@code demand.csv}: CAISO system demand every 5 minutes with the day-ahead and
 * hour-ahead forecasts beside it, one file per Pacific day. Rows that have forecasts but no current
 * demand yet are left out. Immutable and thread-safe.
 */
public final class SystemDemand extends OutlookFeed {

    static final String FILE = "demand.csv";
    static final String CURRENT = "Current demand";
    static final String DAY_AHEAD = "Day ahead forecast";
    static final String HOUR_AHEAD = "Hour ahead forecast";

    /** {@code caiso.demand_5min}. */
    public static final Dataset DATASET = new Dataset(
            "caiso.demand_5min",
            "CAISO system demand, 5-minute (Today's Outlook)",
            CaisoSettings.DEFAULT_OUTLOOK_URL + "/history/YYYYMMDD/" + FILE,
            Schema.builder(TimeShape.INTERVAL)
                    .value("demand_mw", ColumnType.DOUBLE, "MW", "demand.csv \"" + CURRENT + "\": CAISO system demand")
                    .value("day_ahead_forecast_mw", ColumnType.DOUBLE, "MW", "demand.csv \"" + DAY_AHEAD + "\"")
                    .value("hour_ahead_forecast_mw", ColumnType.DOUBLE, "MW", "demand.csv \"" + HOUR_AHEAD + "\"")
                    .build(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            CADENCE,
            Caiso.ZONE,
            Duration.ofMinutes(10),
            Duration.ofMinutes(30),
            LocalDate.of(2018, 4, 10),
            Optional.empty(),
            false,
            Duration.ofDays(1));

    SystemDemand(CaisoSettings settings) {
        super(DATASET, settings.outlookBase(), FILE);
    }

    @Override
    List<String> checkColumns(String file, List<String> columns) throws SourceException {
        if (index(columns, CURRENT) < 0) {
            throw new SourceException(Failure.BAD_DATA, file + " has no \"" + CURRENT + "\" column (schema drift?); "
                    + "columns: " + String.join(",", columns));
        }
        List<String> unknown = columns.stream().filter(c -> !List.of(CURRENT, DAY_AHEAD, HOUR_AHEAD).stream()
                .anyMatch(c::equalsIgnoreCase)).toList();
        return unknown.isEmpty() ? List.of()
                : List.of(file + ": columns this reader does not know, ignored: " + String.join(", ", unknown));
    }

    @Override
    String rows(OutlookDay.Sample sample, Window interval, List<String> columns, List<Row> rows, List<String> notes) {
        String cell = sample.cells().get(index(columns, CURRENT));
        if (cell.isEmpty()) {
            return null;
        }
        double demand = FuelMix.number(cell);
        if (Double.isNaN(demand)) {
            return CURRENT + " \"" + cell + "\" is not a number; interval held back";
        }
        Double dayAhead = optional(sample, columns, DAY_AHEAD);
        Double hourAhead = optional(sample, columns, HOUR_AHEAD);
        if (dayAhead != null && dayAhead.isNaN() || hourAhead != null && hourAhead.isNaN()) {
            return "a forecast is not a number; interval held back";
        }
        rows.add(Row.of(interval.start(), interval.end(), demand, dayAhead, hourAhead));
        return null;
    }

    private static Double optional(OutlookDay.Sample sample, List<String> columns, String name) {
        int i = index(columns, name);
        if (i < 0 || sample.cells().get(i).isEmpty()) {
            return null;
        }
        return FuelMix.number(sample.cells().get(i));
    }

    private static int index(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
