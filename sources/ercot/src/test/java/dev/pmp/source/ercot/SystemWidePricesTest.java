package dev.pmp.source.ercot;

import static dev.pmp.source.ercot.PriceAndFuelPayloads.dayAhead;
import static dev.pmp.source.ercot.PriceAndFuelPayloads.dayAheadRow;
import static dev.pmp.source.ercot.PriceAndFuelPayloads.prices;
import static dev.pmp.source.ercot.PriceAndFuelPayloads.realTime;
import static dev.pmp.source.ercot.PriceAndFuelPayloads.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both halves of {@code system-wide-prices.json}, on payloads generated in the documented format. */
class SystemWidePricesTest {

    private static final LocalDate NOV_9 = LocalDate.of(2025, 11, 9);
    private static final LocalDate FALL_BACK = LocalDate.of(2025, 11, 2);
    private static final LocalDate SPRING = LocalDate.of(2026, 3, 8);
    private static final Window HINT = Window.of(Instant.parse("2025-11-09T06:00:00Z"), Duration.ofDays(1));

    private final SystemWidePrices realTime;
    private final SystemWidePricesDayAhead dayAheadFeed;

    SystemWidePricesTest() throws SourceException {
        ErcotSettings settings = ErcotSettings.from(key -> Optional.empty());
        realTime = new SystemWidePrices(settings);
        dayAheadFeed = new SystemWidePricesDayAhead(settings);
    }

    private static String normalDay() {
        return prices(realTime(NOV_9, 62), dayAhead(NOV_9, true), "2025-11-09 15:32:00-0600");
    }

    @Test
    void readsTheRealTimeIntervalsOfANormalDay() throws SourceException {
        Parsed parsed = realTime.parse(HINT, response(normalDay()));
        assertThat(parsed.rows()).hasSize(62 * 15);
        assertThat(parsed.rows().get(0)).isEqualTo(Row.of(Instant.parse("2025-11-09T06:00:00Z"),
                Instant.parse("2025-11-09T06:15:00Z"), "HB_BUSAVG", 0.0));
        // Interval 61 ends 15:30 CST; lzWest is the 15th key.
        assertThat(parsed.rows().get(61 * 15 + 14)).isEqualTo(Row.of(Instant.parse("2025-11-09T21:15:00Z"),
                Instant.parse("2025-11-09T21:30:00Z"), "LZ_WEST", 61.14));
        assertThat(parsed.rows().get(3 * 15 + 4).text(2)).isEqualTo("HB_PAN");
        assertThat(parsed.rows().get(3 * 15 + 4).number(3)).isEqualTo(3.04);
        assertThat(parsed.covered()).containsExactly(
                new Window(Instant.parse("2025-11-09T06:00:00Z"), Instant.parse("2025-11-09T21:30:00Z")));
        assertThat(parsed.quarantined()).isEmpty();
        assertThat(parsed.notes()).isEmpty();
        for (Row r : parsed.rows()) {
            assertThat(SystemWidePrices.DATASET.schema().problemWith(r)).isNull();
        }
    }

    @Test
    void readsTheDayAheadHoursOfANormalDay() throws SourceException {
        Parsed parsed = dayAheadFeed.parse(HINT, response(normalDay()));
        assertThat(parsed.rows()).hasSize(24 * 15);
        assertThat(parsed.rows().get(0)).isEqualTo(Row.of(Instant.parse("2025-11-09T06:00:00Z"),
                Instant.parse("2025-11-09T07:00:00Z"), "HB_BUSAVG", 0.0));
        assertThat(parsed.rows().get(23 * 15 + 1)).isEqualTo(Row.of(Instant.parse("2025-11-10T05:00:00Z"),
                Instant.parse("2025-11-10T06:00:00Z"), "HB_HUBAVG", 23.01));
        assertThat(parsed.covered()).containsExactly(EnergyStorageResources.operatingDay(NOV_9));
        assertThat(parsed.notes()).isEmpty();
    }

    @Test
    void dayAheadHoursWithoutTimestampsTakeTheDayFromTheRealTimeRows() throws SourceException {
        Parsed parsed = dayAheadFeed.parse(HINT, response(prices(realTime(NOV_9, 2), dayAhead(NOV_9, false),
                "2025-11-09 00:32:00-0600")));
        assertThat(parsed.rows()).hasSize(24 * 15);
        assertThat(parsed.rows().get(0).instant(0)).isEqualTo(Instant.parse("2025-11-09T06:00:00Z"));
    }

    @Test
    void fallBackDayGivesOneHundredDistinctIntervalsAndTwentyFiveHours() throws SourceException {
        String body = prices(realTime(FALL_BACK, 1000), dayAhead(FALL_BACK, false), "2025-11-02 23:59:00-0600");
        Parsed rt = realTime.parse(HINT, response(body));
        assertThat(rt.quarantined()).isEmpty();
        assertStrictlyIncreasingStarts(rt.rows(), 100, Duration.ofMinutes(15));
        assertThat(rt.covered()).containsExactly(EnergyStorageResources.operatingDay(FALL_BACK));

        Parsed dam = dayAheadFeed.parse(HINT, response(body));
        assertThat(dam.quarantined()).isEmpty();
        assertStrictlyIncreasingStarts(dam.rows(), 25, Duration.ofHours(1));
        // Hour ending 02 twice: 01:00 CDT (N) then 01:00 CST (Y).
        assertThat(dam.rows().get(15).instant(0)).isEqualTo(Instant.parse("2025-11-02T06:00:00Z"));
        assertThat(dam.rows().get(30).instant(0)).isEqualTo(Instant.parse("2025-11-02T07:00:00Z"));
        assertThat(dam.rows().get(24 * 15).instant(1)).isEqualTo(Instant.parse("2025-11-03T06:00:00Z"));
    }

    @Test
    void springForwardDayGivesNinetyTwoIntervalsAndTwentyThreeHours() throws SourceException {
        String body = prices(realTime(SPRING, 1000), dayAhead(SPRING, true), "2026-03-08 23:59:00-0500");
        Parsed rt = realTime.parse(HINT, response(body));
        assertStrictlyIncreasingStarts(rt.rows(), 92, Duration.ofMinutes(15));
        Parsed dam = dayAheadFeed.parse(HINT, response(body));
        assertStrictlyIncreasingStarts(dam.rows(), 23, Duration.ofHours(1));
        // Hour ending 03 is skipped: 02 is [01:00 CST, 03:00 CDT), the next row is hour ending 04.
        assertThat(dam.rows().get(15).instant(0)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(dam.rows().get(30).instant(0)).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
    }

    @Test
    void springForwardHourEndingThreeNamesTheSameHourAsTwo() {
        assertThat(HourEnding.start(SPRING, 3, false, PriceAndFuelPayloads.CHICAGO))
                .isEqualTo(HourEnding.start(SPRING, 2, false, PriceAndFuelPayloads.CHICAGO))
                .isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void bothSpringLabelsInOneDayAreQuarantined() throws SourceException {
        List<String> rows = new ArrayList<>();
        for (int he = 1; he <= 24; he++) {
            rows.add(dayAheadRow(he, "N", he, null));
        }
        Parsed parsed = dayAheadFeed.parse(HINT, response(prices(List.of(), rows, "2026-03-08 10:00:00-0500")));
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.covered()).isEmpty();
        assertThat(parsed.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(EnergyStorageResources.operatingDay(SPRING));
            assertThat(q.reason()).isEqualTo("2026-03-08: hourEnding 3 (dstFlag N) (damSppData[2]) names the same hour "
                    + "as the row before it (2026-03-08T07:00:00Z); day held back");
        });
    }

    @Test
    void aFallBackDayWithoutTheYFlagIsQuarantined() throws SourceException {
        String body = prices(List.of(), dayAhead(FALL_BACK, false), "2025-11-02 10:00:00-0600").replace("\"Y\"", "\"N\"");
        Parsed parsed = dayAheadFeed.parse(HINT, response(body));
        assertThat(parsed.quarantined()).singleElement().satisfies(q -> assertThat(q.reason())
                .contains("hourEnding 2 (dstFlag N) (damSppData[2]) names the same hour as the row before it"));
    }

    @Test
    void aTimestampThatDisagreesWithTheHourEndingIsQuarantined() throws SourceException {
        String body = prices(List.of(), List.of(dayAheadRow(1, "N", 0, "2025-11-09 02:00:00-0600")),
                "2025-11-09 10:00:00-0600");
        Parsed parsed = dayAheadFeed.parse(HINT, response(body));
        assertThat(parsed.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).contains(
                "hourEnding 1 (dstFlag N) (damSppData[0]) is the hour ending 2025-11-09T07:00:00Z, "
                        + "but its timestamp says 2025-11-09T08:00:00Z"));
    }

    @Test
    void emptyRealTimeJustAfterMidnightIsNotAnError() throws SourceException {
        String body = prices(List.of(), dayAhead(NOV_9, true), "2025-11-09 00:00:30-0600");
        Parsed rt = realTime.parse(HINT, response(body));
        assertThat(rt.rows()).isEmpty();
        assertThat(rt.covered()).isEmpty();
        assertThat(rt.quarantined()).isEmpty();
        assertThat(dayAheadFeed.parse(HINT, response(body)).rows()).hasSize(24 * 15);
        Parsed noDam = dayAheadFeed.parse(HINT, response(prices(List.of(), List.of(), "2025-11-09 00:00:30-0600")));
        assertThat(noDam.rows()).isEmpty();
        assertThat(noDam.notes()).containsExactly("damSppData is empty; nothing covered");
    }

    @Test
    void realTimeRowsOutOfOrderQuarantineTheDay() throws SourceException {
        List<String> rows = new ArrayList<>(realTime(NOV_9, 4));
        rows.add(rows.get(1));
        Parsed parsed = realTime.parse(HINT, response(prices(rows, List.of(), "2025-11-09 01:02:00-0600")));
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).isEqualTo(
                "2025-11-09: interval ending 2025-11-09 00:30:00-0600 (rtSppData[4]) is earlier than the interval "
                        + "before it (2025-11-09T07:00:00Z); day held back"));
    }

    @Test
    void notesAnEpochThatDisagreesWithTheTimestamp() throws SourceException {
        String row = realTime(NOV_9, 1).get(0).replace("\"interval\":1762668900000", "\"interval\":1");
        Parsed parsed = realTime.parse(HINT, response(prices(List.of(row), List.of(), "2025-11-09 00:17:00-0600")));
        assertThat(parsed.rows()).hasSize(15);
        assertThat(parsed.notes()).containsExactly("rtSppData[0].interval 1 is not the instant of timestamp "
                + "2025-11-09 00:15:00-0600; timestamp used");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|payload is empty",
        "<html><body>Request unsuccessful</body></html>|payload is HTML, not JSON",
        "{\"lastUpdated\":\"2025-11-09 00:17:00-0600\",\"rtSppData\":[|payload is truncated JSON",
        "[]|payload is an array, expected the dashboard's JSON object",
        "{\"lastUpdated\":\"2025-11-09 00:17:00-0600\",\"damSppData\":[]}|payload has no rtSppData",
    })
    void brokenPayloadsAreBadData(String body, String message) {
        assertBadData(body, message);
    }

    @Test
    void aStringPriceIsBadDataNamingThePlace() {
        String row = realTime(NOV_9, 1).get(0).replace("\"hbPan\":0.04", "\"hbPan\":\"abc\"");
        assertBadData(prices(List.of(row), List.of(), "2025-11-09 00:17:00-0600"),
                "rtSppData[0].hbPan is \"abc\", expected a number");
        String dam = dayAheadRow(1, "N", 0, null).replace(",\"lzWest\":0.14", "");
        assertBadData(prices(List.of(), List.of(dam), "2025-11-09 00:17:00-0600"), "damSppData[0].lzWest is missing");
        assertBadData(prices(List.of(), List.of(dayAheadRow(25, "N", 0, null)), "2025-11-09 00:17:00-0600"),
                "damSppData[0].hourEnding is 25, expected 1 to 24");
    }

    private void assertBadData(String body, String message) {
        for (var feed : List.of(realTime, dayAheadFeed)) {
            assertThatThrownBy(() -> feed.parse(HINT, response(body)))
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                    .hasMessageContaining(message);
        }
    }

    private static void assertStrictlyIncreasingStarts(List<Row> rows, int intervals, Duration length) {
        assertThat(rows).hasSize(intervals * 15);
        Set<Instant> starts = new HashSet<>();
        Instant previous = null;
        for (int i = 0; i < rows.size(); i += 15) {
            Instant start = rows.get(i).instant(0);
            assertThat(Duration.between(start, rows.get(i).instant(1))).isEqualTo(length);
            if (previous != null) {
                assertThat(start).isEqualTo(previous.plus(length));
            }
            starts.add(start);
            previous = start;
        }
        assertThat(starts).hasSize(intervals);
    }
}
