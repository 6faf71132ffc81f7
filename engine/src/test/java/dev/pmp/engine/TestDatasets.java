package dev.pmp.engine;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** Datasets for engine tests. */
public final class TestDatasets {
    /** Point samples every 5 minutes in Chicago, published 2 minutes late, source keeps 2 days. */
    public static final Dataset FIVE_MINUTE = new Dataset("test.samples", "test samples", "test",
            Schema.builder(TimeShape.POINT).value("v", ColumnType.DOUBLE, "MW", "value").build(), TimeShape.POINT,
            Access.SNAPSHOT, Duration.ofMinutes(5), ZoneId.of("America/Chicago"), Duration.ofMinutes(2),
            Duration.ofMinutes(10), LocalDate.of(2025, 1, 1), Optional.of(Duration.ofDays(2)), false, Duration.ofDays(2));

    private TestDatasets() {
    }
}
