package dev.pmp.source.nyiso;

import static dev.pmp.source.nyiso.Payloads.daily;
import static dev.pmp.source.nyiso.Payloads.day;
import static dev.pmp.source.nyiso.Payloads.feed;
import static dev.pmp.source.nyiso.Payloads.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden tests on every recorded NYISO payload (see {@code src/test/resources/nyiso/PROVENANCE.md}). */
class FixtureGoldenTest {

    private static final LocalDate NOV_22 = LocalDate.of(2017, 11, 22);
    private static final Window NOV_22_DAY = new Window(Instant.parse("2017-11-22T05:00:00Z"),
            Instant.parse("2017-11-23T05:00:00Z"));

    @Test
    void actualLoadKeepsEveryReadingIncludingOffGridOnes() throws SourceException {
        Parsed p = feed(NyisoDatasets.LOAD_ACTUAL).parse(day(NOV_22),
                daily(NyisoDatasets.PAL, NOV_22, fixture("pyiso_20171122pal.csv")));
        Pipeline.validate(NyisoDatasets.LOAD_ACTUAL, p.rows());
        assertThat(p.rows()).hasSize(3190);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2017-11-22T05:00:00Z"), "CAPITL", 61757L, 1140.5));
        assertThat(p.rows().get(3189)).isEqualTo(Row.of(Instant.parse("2017-11-23T04:55:00Z"), "WEST", 61752L, 1678.2));
        assertThat(p.rows()).contains(Row.of(Instant.parse("2017-11-22T05:07:34Z"), "CAPITL", 61757L, 1147.7));
        assertThat(p.rows().stream().map(r -> r.instant(0)).distinct()).hasSize(290);
        assertThat(p.rows().stream().map(r -> r.text(1)).distinct()).hasSize(11);
        assertThat(p.covered()).containsExactly(NOV_22_DAY);
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.next()).isEmpty();
    }

    @Test
    void fuelMixCurrentFormat() throws SourceException {
        Parsed p = feed(NyisoDatasets.FUEL_MIX_DATASET).parse(day(NOV_22),
                daily(NyisoDatasets.FUEL_MIX, NOV_22, fixture("pyiso_20171122rtfuelmix.csv")));
        Pipeline.validate(NyisoDatasets.FUEL_MIX_DATASET, p.rows());
        assertThat(p.rows()).hasSize(2023);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2017-11-22T05:05:00Z"), "Dual Fuel", 1447.0));
        assertThat(p.rows().get(2022)).isEqualTo(Row.of(Instant.parse("2017-11-23T04:55:00Z"), "Hydro", 3445.0));
        assertThat(p.rows()).contains(Row.of(Instant.parse("2017-11-22T05:09:40Z"), "Dual Fuel", 1453.0));
        assertThat(p.rows().stream().map(r -> r.text(1)).distinct()).containsExactlyInAnyOrder("Dual Fuel",
                "Natural Gas", "Nuclear", "Other Fossil Fuels", "Other Renewables", "Wind", "Hydro");
        assertThat(p.covered()).containsExactly(NOV_22_DAY);
    }

    @Test
    void fuelMixLegacyFormatWithMinutesAndGenMwh() throws SourceException {
        LocalDate jan19 = LocalDate.of(2016, 1, 19);
        Parsed p = feed(NyisoDatasets.FUEL_MIX_DATASET).parse(day(jan19),
                daily(NyisoDatasets.FUEL_MIX, jan19, fixture("pyiso_20160119rtfuelmix.csv")));
        Pipeline.validate(NyisoDatasets.FUEL_MIX_DATASET, p.rows());
        assertThat(p.rows()).hasSize(2030);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2016-01-19T05:05:00Z"), "Dual Fuel", 2678.0));
        // the file ends with the 00:00 reading of the next day, kept at its own instant
        assertThat(p.rows().get(2029)).isEqualTo(Row.of(Instant.parse("2016-01-20T05:00:00Z"), "Wind", 1232.0));
        assertThat(p.rows().stream().filter(r -> r.instant(0).equals(Instant.parse("2016-01-19T21:38:00Z")))).hasSize(7);
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2016-01-19T05:00:00Z"),
                Instant.parse("2016-01-20T05:00:00Z")));
    }

    @Test
    void loadForecastIsWideAndSpansSixDays() throws SourceException {
        Parsed p = feed(NyisoDatasets.LOAD_FORECAST).parse(day(NOV_22),
                daily(NyisoDatasets.ISOLF, NOV_22, fixture("pyiso_20171122isolf.csv")));
        Pipeline.validate(NyisoDatasets.LOAD_FORECAST, p.rows());
        assertThat(p.rows()).hasSize(144 * 12);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2017-11-22T05:00:00Z"),
                Instant.parse("2017-11-22T06:00:00Z"), NOV_22, "CAPITL", 1107.0));
        assertThat(p.rows().get(144 * 12 - 1)).isEqualTo(Row.of(Instant.parse("2017-11-28T04:00:00Z"),
                Instant.parse("2017-11-28T05:00:00Z"), NOV_22, "NYISO", 16454.0));
        assertThat(p.rows()).contains(Row.of(Instant.parse("2017-11-22T05:00:00Z"),
                Instant.parse("2017-11-22T06:00:00Z"), NOV_22, "HUD VL", 881.0));
        // the file vouches for its own day; the following days are forecasts kept under their forecast date
        assertThat(p.covered()).containsExactly(NOV_22_DAY);
    }

    /**
     * The LBMP fixture (exact report unknown, 15-minute stamps) read as the member of a monthly
     * {@code realtime_zone} archive: a closed day, so every row is RTD, stamps are interval ends.
     */
    @Test
    void lbmpZoneFileInAnArchiveNormalisesCongestionAndDerivesEnergy() throws SourceException {
        YearMonth feb = YearMonth.of(2016, 2);
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("20160218realtime_zone.csv", fixture("pyiso_lmp.csv"));
        Parsed p = feed(NyisoDatasets.LMP_REAL_TIME_5MIN).parse(Payloads.month(feb), Payloads.monthly(
                NyisoDatasets.RT_ZONE, feb, Payloads.zip(members), Instant.parse("2016-02-19T12:00:00Z")));
        Pipeline.validate(NyisoDatasets.LMP_REAL_TIME_5MIN, p.rows());
        assertThat(p.rows()).hasSize(45);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2016-02-18T05:10:00Z"),
                Instant.parse("2016-02-18T05:15:00Z"), "CAPITL", "zone", 61757L, 21.53, 1.69, 0.0, 19.84));
        assertThat(p.rows().get(44)).isEqualTo(Row.of(Instant.parse("2016-02-18T05:40:00Z"),
                Instant.parse("2016-02-18T05:45:00Z"), "WEST", "zone", 61752L, 20.59, 0.85, 0.0, 19.74));
        assertThat(p.rows()).contains(Row.of(Instant.parse("2016-02-18T05:40:00Z"),
                Instant.parse("2016-02-18T05:45:00Z"), "PJM", "interface", 61847L, 21.03, 1.28, 0.0, 19.75));
        List<Row> first = p.rows().stream().filter(r -> r.instant(1).equals(Instant.parse("2016-02-18T05:15:00Z")))
                .toList();
        assertThat(first).hasSize(15).allSatisfy(r -> assertThat(r.number(8)).isBetween(19.84, 19.85));
        // days 1-17 are absent from the archive while a later day is present: explicit source gaps;
        // 19-29 may still come, so they stay uncovered
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2016-02-01T05:00:00Z"),
                Instant.parse("2016-02-19T05:00:00Z")));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("no member for 2016-02-01", "source gap"))
                .anySatisfy(n -> assertThat(n).contains("no member for 2016-02-19 yet"));
        assertThat(p.next()).isEmpty();
    }

    /** The same file served as today's daily file: its quarter-hour stamps read as RTC advisory, nothing kept. */
    @Test
    void lbmpDailyFileOfQuarterHourStampsIsAdvisory() throws SourceException {
        LocalDate feb18 = LocalDate.of(2016, 2, 18);
        Parsed p = feed(NyisoDatasets.LMP_REAL_TIME_5MIN).parse(day(feb18),
                daily(NyisoDatasets.RT_ZONE, feb18, fixture("pyiso_lmp.csv")));
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("45 rows", "RTC 15-minute advisory"));
    }
}
