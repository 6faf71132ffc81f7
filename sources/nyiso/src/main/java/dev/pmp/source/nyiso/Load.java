package dev.pmp.source.nyiso;

import dev.pmp.source.nyiso.mis.FileFormat;
import dev.pmp.source.nyiso.mis.FileFormat.ValueColumn;
import dev.pmp.source.nyiso.mis.Labelling;
import dev.pmp.source.nyiso.mis.Numbers;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The actual load file {@code pal} (instantaneous, per zone) and the ISO load forecast {@code isolf} (wide). */
final class Load {

    private Load() {
    }

    static Schema actualSchema() {
        return Schema.builder(TimeShape.POINT)
                .key("zone", ColumnType.VARCHAR, "NYISO \"Name\": load zone (CAPITL ... WEST)")
                .value("ptid", ColumnType.BIGINT, "", "NYISO \"PTID\" of the zone")
                .value("load_mw", ColumnType.DOUBLE, "MW", "NYISO \"Load\": instantaneous reading; some readings "
                        + "fall between the 5-minute marks (00:07:34) and are kept at their own instant")
                .build();
    }

    static FileFormat actualFormat() {
        return new FileFormat(Labelling.INSTANT, Duration.ofMinutes(5), true, Optional.of("Name"), true,
                List.of(ValueColumn.of("Load")), false, false, List.of(0, 1),
                (day, start, end, name, ptid, v, out) -> out.add(Row.of(start, name, ptid, Numbers.box(v[0]))));
    }

    static Schema forecastSchema() {
        return Schema.builder(TimeShape.INTERVAL)
                .key("forecast_date", ColumnType.DATE, "the market day of the file that holds the forecast "
                        + "({YYYYMMDD}isolf.csv); NYISO puts no publish time in the file")
                .key("zone", ColumnType.VARCHAR, "the file's zone column in upper case (CAPITL, HUD VL, N.Y.C., ...), "
                        + "NYISO for the system total")
                .value("load_forecast_mw", ColumnType.DOUBLE, "MW", "forecast hourly load of the zone")
                .build();
    }

    static FileFormat forecastFormat() {
        return new FileFormat(Labelling.INTERVAL_START, Duration.ofHours(1), false, Optional.empty(), false, List.of(),
                true, false, List.of(0, 2, 3), (day, start, end, name, ptid, v, out) ->
                        out.add(Row.of(start, end, day, name.toUpperCase(Locale.ROOT), Numbers.box(v[0]))));
    }
}
