package dev.pmp.source.ercot;

import static dev.pmp.source.ercot.PriceAndFuelPayloads.fuelMix;
import static dev.pmp.source.ercot.PriceAndFuelPayloads.fuelStamp;
import static dev.pmp.source.ercot.PriceAndFuelPayloads.fuelStamps;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fuel-mix.json}, on payloads generated in the documented format. */
class FuelMixTest {

    private static final LocalDate NOV_8 = LocalDate.of(2025, 11, 8);
    private static final LocalDate NOV_9 = LocalDate.of(2025, 11, 9);
    private static final Window HINT = Window.of(Instant.parse("2025-11-08T06:00:00Z"), Duration.ofDays(2));

    private final FuelMix feed = new FuelMix(ErcotSettings.from(key -> Optional.empty()));

    FuelMixTest() throws SourceException {
    }

    @Test
    void readsANormalSnapshotRoundedToTheFiveMinuteMarks() throws SourceException {
        Parsed parsed = feed.parse(HINT, response(fuelMix(NOV_8, fuelStamps(NOV_8, 999), NOV_9, fuelStamps(NOV_9, 186))));
        assertThat(parsed.rows()).hasSize((288 + 186) * 8);
        // 2025-11-08 00:04:57-0600 is the mark 06:05Z; Coal and Lignite first, in ERCOT's order.
        assertThat(parsed.rows().get(0)).isEqualTo(Row.of(Instant.parse("2025-11-08T06:05:00Z"), "Coal and Lignite", 0.5));
        assertThat(parsed.rows().get(7)).isEqualTo(Row.of(Instant.parse("2025-11-08T06:05:00Z"), "Other", 7000.5));
        // 23:59:57 of 2025-11-08 is the mark of midnight, kept with its block.
        assertThat(parsed.rows().get(287 * 8 + 3)).isEqualTo(
                Row.of(Instant.parse("2025-11-09T06:00:00Z"), "Power Storage", 3287.5));
        assertThat(parsed.rows().get(parsed.rows().size() - 1)).isEqualTo(
                Row.of(Instant.parse("2025-11-09T21:30:00Z"), "Other", 7185.5));
        assertThat(parsed.covered()).containsExactly(
                new Window(Instant.parse("2025-11-08T06:05:00Z"), Instant.parse("2025-11-09T21:35:00Z")));
        assertThat(parsed.quarantined()).isEmpty();
        assertThat(parsed.notes()).isEmpty();
        for (Row r : parsed.rows()) {
            assertThat(FuelMix.DATASET.schema().problemWith(r)).isNull();
        }
    }

    @Test
    void roundsToTheNearestMarkInUtc() {
        assertThat(FuelMix.nearestMark(Instant.parse("2026-04-25T03:19:57Z"))).isEqualTo(Instant.parse("2026-04-25T03:20:00Z"));
        assertThat(FuelMix.nearestMark(Instant.parse("2026-04-25T03:20:04Z"))).isEqualTo(Instant.parse("2026-04-25T03:20:00Z"));
        assertThat(FuelMix.nearestMark(Instant.parse("2026-04-25T03:17:29Z"))).isEqualTo(Instant.parse("2026-04-25T03:15:00Z"));
        assertThat(FuelMix.nearestMark(Instant.parse("2026-04-25T03:17:30Z"))).isEqualTo(Instant.parse("2026-04-25T03:20:00Z"));
    }

    @Test
    void mergesAMarkSplitOverTwoTimestampsOutOfOrder() throws SourceException {
        Instant mark = Instant.parse("2025-11-09T06:10:00Z");
        List<String> today = new ArrayList<>(fuelStamps(NOV_9, 1));
        today.add(fuelStamp(mark.minusSeconds(2), 1, 5, 8));
        today.add(fuelStamp(mark.minusSeconds(3), 1, 0, 5));
        Parsed parsed = feed.parse(HINT, response(fuelMix(NOV_8, List.of(), NOV_9, today)));
        assertThat(parsed.rows()).hasSize(16);
        assertThat(parsed.rows().subList(8, 16)).extracting(r -> r.text(1)).containsExactlyElementsOf(FuelMix.KNOWN_FUELS);
        assertThat(parsed.rows().subList(8, 16)).allSatisfy(r -> assertThat(r.instant(0)).isEqualTo(mark));
        assertThat(parsed.rows().get(15).number(2)).isEqualTo(7001.5);
        assertThat(parsed.notes()).containsExactly("data.2025-11-09: 1 five-minute mark(s) published under more than "
                + "one timestamp, merged (e.g. 2025-11-09 00:09:58-0600 and 2025-11-09 00:09:57-0600)");
    }

    @Test
    void aFuelTwiceAtOneMarkWithDifferentValuesQuarantinesTheDay() throws SourceException {
        Instant mark = Instant.parse("2025-11-09T06:10:00Z");
        List<String> today = new ArrayList<>(fuelStamps(NOV_9, 2));
        today.add(fuelStamp(mark.minusSeconds(2), 9, 5, 6));
        Parsed parsed = feed.parse(HINT, response(fuelMix(NOV_8, fuelStamps(NOV_8, 999), NOV_9, today)));
        assertThat(parsed.rows()).hasSize(288 * 8);
        assertThat(parsed.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(EnergyStorageResources.operatingDay(NOV_9));
            assertThat(q.reason()).isEqualTo("2025-11-09: Wind appears twice at 2025-11-09T06:10:00Z with different "
                    + "values (5001.5 under 2025-11-09 00:09:57-0600, 5009.5 under 2025-11-09 00:09:58-0600); day held back");
        });
    }

    @Test
    void theSameValueTwiceIsMergedQuietly() throws SourceException {
        Instant mark = Instant.parse("2025-11-09T06:10:00Z");
        List<String> today = new ArrayList<>(fuelStamps(NOV_9, 2));
        today.add(fuelStamp(mark.minusSeconds(2), 1, 5, 6));
        Parsed parsed = feed.parse(HINT, response(fuelMix(NOV_8, List.of(), NOV_9, today)));
        assertThat(parsed.rows()).hasSize(16);
        assertThat(parsed.quarantined()).isEmpty();
    }

    @Test
    void fallBackAndSpringForwardDaysGiveDistinctIncreasingMarks() throws SourceException {
        LocalDate fallBack = LocalDate.of(2025, 11, 2);
        LocalDate spring = LocalDate.of(2026, 3, 8);
        Parsed fall = feed.parse(HINT, response(fuelMix(fallBack, fuelStamps(fallBack, 999),
                fallBack.plusDays(1), List.of())));
        assertMarks(fall, 300, Instant.parse("2025-11-02T05:05:00Z"));
        Parsed spr = feed.parse(HINT, response(fuelMix(spring, fuelStamps(spring, 999), spring.plusDays(1), List.of())));
        assertMarks(spr, 276, Instant.parse("2026-03-08T06:05:00Z"));
    }

    @Test
    void aTimestampOffItsBlocksDateQuarantinesThatBlock() throws SourceException {
        List<String> wrong = List.of(fuelStamp(Instant.parse("2025-11-10T12:00:00Z"), 0, 0, 8));
        Parsed parsed = feed.parse(HINT, response(fuelMix(NOV_8, fuelStamps(NOV_8, 999), NOV_9, wrong)));
        assertThat(parsed.rows()).hasSize(288 * 8);
        assertThat(parsed.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).isEqualTo(
                "2025-11-09: timestamp 2025-11-10 06:00:00-0600 is not on the block's date; day held back"));
    }

    @Test
    void unknownFuelsAreKeptAndNoted() throws SourceException {
        String body = fuelMix(NOV_8, List.of(), NOV_9, fuelStamps(NOV_9, 1)).replace("\"Other\"", "\"Geothermal\"");
        Parsed parsed = feed.parse(HINT, response(body));
        assertThat(parsed.rows()).extracting(r -> r.text(1)).contains("Geothermal");
        assertThat(parsed.notes()).containsExactly("fuels ERCOT did not publish before, kept as they are: Geothermal");
    }

    @Test
    void anEmptyTodayJustAfterMidnightIsFineButNoSamplesAtAllIsBadData() throws SourceException {
        assertThat(feed.parse(HINT, response(fuelMix(NOV_8, fuelStamps(NOV_8, 999), NOV_9, List.of()))).rows())
                .hasSize(288 * 8);
        assertBadData(fuelMix(NOV_8, List.of(), NOV_9, List.of()),
                "payload has no samples: data holds only empty days [2025-11-08, 2025-11-09]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<!DOCTYPE html><html>", "{\"data\":{\"2025-11-09\":{"})
    void emptyHtmlAndTruncatedPayloadsAreBadData(String body) {
        assertThatThrownBy(() -> feed.parse(HINT, response(body)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageMatching("payload is (empty|HTML, not JSON.*|truncated JSON: it ends inside data.2025-11-09)");
    }

    @Test
    void aStringWhereANumberMustBeIsBadData() {
        String body = fuelMix(NOV_8, List.of(), NOV_9, fuelStamps(NOV_9, 1)).replace("{\"gen\":1000.5}", "{\"gen\":\"abc\"}");
        assertBadData(body, "data.2025-11-09.\"2025-11-09 00:04:57-0600\".Hydro.gen is \"abc\", expected a number");
        assertBadData(body.replace("\"2025-11-09\":{", "\"09/11/2025\":{"),
                "data has key \"09/11/2025\", expected a date yyyy-MM-dd");
    }

    private void assertBadData(String body, String message) {
        assertThatThrownBy(() -> feed.parse(HINT, response(body)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessage(message);
    }

    private static void assertMarks(Parsed parsed, int marks, Instant first) {
        assertThat(parsed.quarantined()).isEmpty();
        assertThat(parsed.rows()).hasSize(marks * 8);
        for (int i = 0; i < marks; i++) {
            assertThat(parsed.rows().get(i * 8).instant(0)).isEqualTo(first.plus(Duration.ofMinutes(5L * i)));
        }
    }
}
