package dev.pmp.testkit;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Small datasets of an imaginary operator for store and engine tests: one of each {@link TimeShape},
 * together covering every {@link ColumnType} and a composite natural key.
 */
public final class SampleDatasets {

    /** The market zone of both datasets. */
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");

    /**
     * {@code sample.system_load}: 5-minute POINT samples keyed by {@code time_utc} alone. Columns:
     * {@code time_utc}, {@code load_mw} DOUBLE, {@code reporting_units} BIGINT, {@code status} VARCHAR,
     * {@code emergency} BOOLEAN, {@code operating_day} DATE; every value column nullable.
     */
    public static final Dataset SYSTEM_LOAD = new Dataset(
            "sample.system_load",
            "System load (sample)",
            "sample operator report SL-1",
            Schema.builder(TimeShape.POINT)
                    .value("load_mw", ColumnType.DOUBLE, "MW", "system load")
                    .value("reporting_units", ColumnType.BIGINT, "", "units that reported")
                    .value("status", ColumnType.VARCHAR, "", "operator's status word")
                    .value("emergency", ColumnType.BOOLEAN, "", "whether an emergency was declared")
                    .value("operating_day", ColumnType.DATE, "", "operating day in the market zone")
                    .build(),
            TimeShape.POINT,
            Access.WINDOWED,
            Duration.ofMinutes(5),
            ZONE,
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            LocalDate.of(2020, 1, 1),
            Optional.empty(),
            true,
            Duration.ofDays(1));

    /**
     * {@code sample.settlement_point_prices}: 15-minute INTERVAL prices keyed by
     * ({@code interval_start_utc}, {@code settlement_point}). Columns: {@code interval_start_utc},
     * {@code interval_end_utc}, {@code settlement_point} VARCHAR, {@code price} DOUBLE,
     * {@code congestion} DOUBLE.
     */
    public static final Dataset SETTLEMENT_POINT_PRICES = new Dataset(
            "sample.settlement_point_prices",
            "Settlement point prices (sample)",
            "sample operator report SPP-1",
            Schema.builder(TimeShape.INTERVAL)
                    .key("settlement_point", ColumnType.VARCHAR, "settlement point name")
                    .value("price", ColumnType.DOUBLE, "$/MWh", "settlement point price")
                    .value("congestion", ColumnType.DOUBLE, "$/MWh", "congestion component")
                    .build(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            Duration.ofMinutes(15),
            ZONE,
            Duration.ofMinutes(10),
            Duration.ofMinutes(20),
            LocalDate.of(2020, 1, 1),
            Optional.of(Duration.ofDays(30)),
            true,
            Duration.ofDays(1));

    private SampleDatasets() {
    }
}
