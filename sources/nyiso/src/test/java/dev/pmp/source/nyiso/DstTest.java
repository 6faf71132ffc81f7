package dev.pmp.source.nyiso;

import static dev.pmp.source.nyiso.Payloads.daily;
import static dev.pmp.source.nyiso.Payloads.day;
import static dev.pmp.source.nyiso.Payloads.feed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.source.nyiso.SyntheticFiles.Stamp;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spring-forward (2024-03-10, 23 hours) and fall-back (2024-11-03, 25 hours) days for every dataset. No
 * recorded NYISO file spans a clock change (PROVENANCE.md), so the files are <b>synthesised from the
 * documented layouts</b> (spec §2, §3): files without a {@code Time Zone} column write the repeated hour twice
 * and are read in file order; the others label it EDT then EST.
 */
class DstTest {

    static final LocalDate SPRING = LocalDate.of(2024, 3, 10);
    static final LocalDate FALL = LocalDate.of(2024, 11, 3);
    private static final List<String> ZONES = List.of("CAPITL", "WEST");

    static Stream<Arguments> days() {
        List<Arguments> out = new ArrayList<>();
        for (LocalDate d : List.of(SPRING, FALL)) {
            out.add(Arguments.of(NyisoDatasets.LMP_DAY_AHEAD_HOURLY, NyisoDatasets.DAM_ZONE, d,
                    (Function<LocalDate, String>) x -> SyntheticFiles.lbmp(x, Duration.ofHours(1), Stamp.START, ZONES)));
            out.add(Arguments.of(NyisoDatasets.LMP_REAL_TIME_5MIN, NyisoDatasets.RT_ZONE, d,
                    (Function<LocalDate, String>) x -> SyntheticFiles.lbmp(x, Duration.ofMinutes(5), Stamp.END, ZONES)));
            out.add(Arguments.of(NyisoDatasets.LMP_REAL_TIME_HOURLY, NyisoDatasets.RTH_ZONE, d,
                    (Function<LocalDate, String>) x -> SyntheticFiles.lbmp(x, Duration.ofHours(1), Stamp.START, ZONES)));
            out.add(Arguments.of(NyisoDatasets.AS_PRICES_DAY_AHEAD, NyisoDatasets.DAM_ASP, d,
                    (Function<LocalDate, String>) x -> SyntheticFiles.reserves(x, false, ZONES)));
            out.add(Arguments.of(NyisoDatasets.AS_PRICES_REAL_TIME, NyisoDatasets.RT_ASP, d,
                    (Function<LocalDate, String>) x -> SyntheticFiles.reserves(x, true, ZONES)));
            out.add(Arguments.of(NyisoDatasets.LOAD_ACTUAL, NyisoDatasets.PAL, d,
                    (Function<LocalDate, String>) x -> SyntheticFiles.actualLoad(x, ZONES)));
            out.add(Arguments.of(NyisoDatasets.LOAD_FORECAST, NyisoDatasets.ISOLF, d,
                    (Function<LocalDate, String>) SyntheticFiles::loadForecast));
            out.add(Arguments.of(NyisoDatasets.FUEL_MIX_DATASET, NyisoDatasets.FUEL_MIX, d,
                    (Function<LocalDate, String>) x -> SyntheticFiles.fuelMix(x, List.of("Hydro", "Wind"))));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("days")
    void everyIntervalOfTheDayExactlyOnce(Dataset dataset, MisFile file, LocalDate date,
            Function<LocalDate, String> body) throws SourceException {
        Parsed p = feed(dataset).parse(day(date), daily(file, date, body.apply(date)));
        Pipeline.validate(dataset, p.rows());
        Window day = day(date);
        long hours = date.equals(SPRING) ? 23 : 25;
        assertThat(day.length()).isEqualTo(Duration.ofHours(hours));
        List<Instant> expected = new ArrayList<>();
        for (Instant t = day.start(); t.isBefore(day.end()); t = t.plus(dataset.cadence())) {
            expected.add(t);
        }
        assertThat(expected).hasSize((int) (hours * 3600 / dataset.cadence().toSeconds()));
        assertThat(p.rows().stream().map(r -> r.instant(0)).distinct().sorted().toList()).isEqualTo(expected);
        if (dataset.timeShape() == dev.pmp.spi.TimeShape.INTERVAL) {
            assertThat(p.rows()).allSatisfy(r -> assertThat(Duration.between(r.instant(0), r.instant(1)))
                    .isEqualTo(dataset.cadence()));
        }
        assertThat(p.covered()).containsExactly(day);
        assertThat(p.quarantined()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hourlyLbmp")
    void hourlyLbmpRepeatsOneOClockInFileOrder(Dataset dataset, MisFile file) throws SourceException {
        Parsed fall = feed(dataset).parse(day(FALL), daily(file, FALL,
                SyntheticFiles.lbmp(FALL, Duration.ofHours(1), Stamp.START, ZONES)));
        List<Instant> capitl = starts(fall.rows(), "CAPITL");
        assertThat(capitl).hasSize(25);
        // 00:00 EDT, 01:00 EDT, 01:00 EST, 02:00 EST
        assertThat(capitl.subList(0, 4)).containsExactly(Instant.parse("2024-11-03T04:00:00Z"),
                Instant.parse("2024-11-03T05:00:00Z"), Instant.parse("2024-11-03T06:00:00Z"),
                Instant.parse("2024-11-03T07:00:00Z"));
        Parsed spring = feed(dataset).parse(day(SPRING), daily(file, SPRING,
                SyntheticFiles.lbmp(SPRING, Duration.ofHours(1), Stamp.START, ZONES)));
        List<Instant> west = starts(spring.rows(), "WEST");
        assertThat(west).hasSize(23);
        // 01:00 EST then 03:00 EDT
        assertThat(west.subList(1, 3)).containsExactly(Instant.parse("2024-03-10T06:00:00Z"),
                Instant.parse("2024-03-10T07:00:00Z"));
    }

    static Stream<Arguments> hourlyLbmp() {
        return Stream.of(Arguments.of(NyisoDatasets.LMP_DAY_AHEAD_HOURLY, NyisoDatasets.DAM_ZONE),
                Arguments.of(NyisoDatasets.LMP_REAL_TIME_HOURLY, NyisoDatasets.RTH_ZONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fiveMinute")
    void fiveMinuteFilesAroundTheChange(Dataset dataset, MisFile file, String fallFile) throws SourceException {
        Parsed fall = feed(dataset).parse(day(FALL), daily(file, FALL, fallFile));
        List<Instant> ends = fall.rows().stream().filter(r -> r.text(2).equals("CAPITL")).map(r -> r.instant(1))
                .distinct().toList();
        assertThat(ends).hasSize(300);
        // the interval ending "01:00" twice: 01:00 EDT (05:00Z) and 01:00 EST (06:00Z), an hour apart
        int first = ends.indexOf(Instant.parse("2024-11-03T05:00:00Z"));
        assertThat(ends.get(first + 12)).isEqualTo(Instant.parse("2024-11-03T06:00:00Z"));
        assertThat(ends.get(299)).isEqualTo(Instant.parse("2024-11-04T05:00:00Z"));
    }

    static Stream<Arguments> fiveMinute() {
        return Stream.of(
                Arguments.of(NyisoDatasets.LMP_REAL_TIME_5MIN, NyisoDatasets.RT_ZONE,
                        SyntheticFiles.lbmp(FALL, Duration.ofMinutes(5), Stamp.END, ZONES)),
                Arguments.of(NyisoDatasets.AS_PRICES_REAL_TIME, NyisoDatasets.RT_ASP,
                        SyntheticFiles.reserves(FALL, true, ZONES)));
    }

    private static List<Instant> starts(List<Row> rows, String location) {
        return rows.stream().filter(r -> r.text(2).equals(location)).map(r -> r.instant(0)).toList();
    }
}
