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
import java.util.Optional;

/** The fuel mix file {@code rtfuelmix}: instantaneous generation per fuel category, long format. */
final class FuelMix {

    private FuelMix() {
    }

    static Schema schema() {
        return Schema.builder(TimeShape.POINT)
                .key("fuel", ColumnType.VARCHAR, "NYISO \"Fuel Category\" (Dual Fuel, Hydro, Natural Gas, Nuclear, "
                        + "Other Fossil Fuels, Other Renewables, Wind, ...)")
                .value("gen_mw", ColumnType.DOUBLE, "MW", "NYISO \"Gen MW\" (\"Gen MWh\" in legacy files)")
                .build();
    }

    static FileFormat format() {
        return new FileFormat(Labelling.INSTANT, Duration.ofMinutes(5), true, Optional.of("Fuel Category"), false,
                List.of(ValueColumn.of("Gen MW", "Gen MWh")), false, false, List.of(0, 1),
                (day, start, end, name, ptid, v, out) -> out.add(Row.of(start, name, Numbers.box(v[0]))));
    }
}
