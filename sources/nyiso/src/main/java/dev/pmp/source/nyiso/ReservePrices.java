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

/**
 * The ancillary service price files {@code damasp} (hourly, hour start) and {@code rtasp} (5-minute,
 * interval end), one row per reserve region and time, turned into one row per product.
 */
final class ReservePrices {

    /** pmp's product ids, in the order of {@link #COLUMNS}. */
    static final List<String> PRODUCTS = List.of("spin_10min", "non_sync_10min", "operating_30min",
            "regulation_capacity", "regulation_movement");

    /** NYISO's headers of the products (spec §2); the last one only in {@code rtasp}. */
    static final List<String> COLUMNS = List.of("10 Min Spinning Reserve ($/MWHr)",
            "10 Min Non-Synchronous Reserve ($/MWHr)", "30 Min Operating Reserve ($/MWHr)",
            "NYCA Regulation Capacity ($/MWHr)", "NYCA Regulation Movement ($/MW)");

    private ReservePrices() {
    }

    static Schema schema() {
        return Schema.builder(TimeShape.INTERVAL)
                .key("region", ColumnType.VARCHAR, "NYISO \"Name\": the reserve region or zone")
                .key("product", ColumnType.VARCHAR, "one of " + String.join(", ", PRODUCTS) + " (NYISO columns "
                        + String.join(", ", COLUMNS) + ")")
                .value("ptid", ColumnType.BIGINT, "", "NYISO \"PTID\" of the region")
                .value("price", ColumnType.DOUBLE, "$/MWh", "clearing price; $/MW for regulation_movement")
                .build();
    }

    /** The layout of {@code damasp} ({@code realTime} false) or {@code rtasp}. */
    static FileFormat format(boolean realTime) {
        int n = realTime ? 5 : 4;
        List<ValueColumn> values = COLUMNS.subList(0, n).stream().map(ValueColumn::of).toList();
        return new FileFormat(realTime ? Labelling.INTERVAL_END : Labelling.INTERVAL_START,
                realTime ? Duration.ofMinutes(5) : Duration.ofHours(1), true, Optional.of("Name"), true, values, false,
                false, List.of(0, 2, 3), (day, start, end, name, ptid, v, out) -> {
                    for (int i = 0; i < v.length; i++) {
                        if (!Double.isNaN(v[i])) {
                            out.add(Row.of(start, end, name, PRODUCTS.get(i), ptid, Numbers.box(v[i])));
                        }
                    }
                });
    }
}
