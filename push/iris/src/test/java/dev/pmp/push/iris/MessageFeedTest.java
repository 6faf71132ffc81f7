package dev.pmp.push.iris;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The intervals a message's rows carry, which is all it covers. */
class MessageFeedTest {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Dataset FREQUENCY = new Dataset("elexon.freq", "System frequency (test)", "FREQ",
            Schema.builder(TimeShape.POINT).value("frequency_hz", ColumnType.DOUBLE, "Hz", "frequency").build(),
            TimeShape.POINT, Access.WINDOWED, Duration.ofSeconds(15), ZoneId.of("Europe/London"), Duration.ofMinutes(2),
            Duration.ofMinutes(5), LocalDate.of(2023, 1, 1), Optional.empty(), false, Duration.ofDays(1));

    @Test
    void pointSamplesCarryTheirGridStep() {
        List<Row> rows = List.of(Row.of(T0, 50.01), Row.of(T0.plusSeconds(15), 50.02), Row.of(T0.plusSeconds(60), 49.98));

        assertThat(MessageFeed.carried(FREQUENCY, rows)).containsExactly(
                new Window(T0, T0.plusSeconds(30)), new Window(T0.plusSeconds(60), T0.plusSeconds(75)));
    }

    @Test
    void intervalsCarryTheirOwnEndsMergedWhereTheyTouch() {
        Instant t5 = T0.plus(Duration.ofMinutes(5));
        List<Row> rows = List.of(
                Row.of(t5, t5.plus(Duration.ofMinutes(5)), "WIND", 1.0),
                Row.of(T0, t5, "WIND", 1.0),
                Row.of(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(35)), "WIND", 1.0),
                Row.of(T0, T0, "BROKEN", 1.0));

        assertThat(MessageFeed.carried(FuelinstFeed.DATASET, rows)).containsExactly(
                new Window(T0, T0.plus(Duration.ofMinutes(10))),
                new Window(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(35))));
    }
}
