package dev.pmp.source.ercot;

import static dev.pmp.source.ercot.DashboardPayloads.day;
import static dev.pmp.source.ercot.DashboardPayloads.envelope;
import static dev.pmp.source.ercot.DashboardPayloads.response;
import static dev.pmp.source.ercot.DashboardPayloads.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.source.ercot.DashboardPayloads.Line;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Empty, partial, odd and broken payloads. */
class EnergyStorageResourcesPayloadTest {

    private static final LocalDate NOV_8 = LocalDate.of(2025, 11, 8);
    private static final LocalDate NOV_9 = LocalDate.of(2025, 11, 9);
    private static final Window HINT = Window.of(Instant.parse("2025-11-08T06:00:00Z"), Duration.ofDays(2));
    private static final Window NOV_8_UTC =
            new Window(Instant.parse("2025-11-08T06:00:00Z"), Instant.parse("2025-11-09T06:00:00Z"));

    private final EnergyStorageResources feed = new EnergyStorageResources(
            ErcotSettings.from(key -> Optional.empty()));

    EnergyStorageResourcesPayloadTest() throws SourceException {
    }

    @Test
    void anEmptyCurrentDayJustAfterMidnightIsFine() throws SourceException {
        Parsed parsed = parse(snapshot(NOV_9, 0));
        assertThat(parsed.rows()).hasSize(288);
        assertThat(parsed.covered()).containsExactly(NOV_8_UTC);
        assertThat(parsed.quarantined()).isEmpty();
        assertThat(parsed.notes()).isEmpty();
    }

    @Test
    void aShortPreviousDayStillCoversTheDayAndLeavesSourceGaps() throws SourceException {
        List<Line> gappy = new ArrayList<>(day(NOV_8));
        gappy.subList(100, 110).clear();
        Parsed parsed = parse(envelope(NOV_8, gappy, NOV_9, day(NOV_9, 3)));
        assertThat(parsed.rows()).hasSize(278 + 3);
        assertThat(parsed.covered()).containsExactly(
                new Window(NOV_8_UTC.start(), Instant.parse("2025-11-09T06:15:00Z")));
        assertThat(parsed.quarantined()).isEmpty();
    }

    @Test
    void bothDaysEmptyIsBadData() {
        assertBadData(() -> parse(envelope(NOV_8, List.of(), NOV_9, List.of())),
                "payload has no samples: previousDay (2025-11-08) and currentDay (2025-11-09) are both empty");
    }

    @Test
    void notesFieldsItDoesNotKnowOnce() throws SourceException {
        String body = snapshot(NOV_9, 5)
                .replace("\"dstFlag\"", "\"soc\": 51.5, \"dstFlag\"")
                .replaceFirst("\\{\n  \"lastUpdated\"", "{\n  \"version\": {\"a\": [1, 2]},\n  \"lastUpdated\"");
        Parsed parsed = parse(body);
        assertThat(parsed.rows()).hasSize(293);
        assertThat(parsed.notes()).containsExactly("ignored fields this reader does not know: version, "
                + "previousDay.data[].soc, currentDay.data[].soc");
    }

    @Test
    void aStringWhereANumberMustBeIsBadData() {
        List<Line> today = new ArrayList<>(day(NOV_9, 20));
        today.set(17, today.get(17).withNetOutput("\"abc\""));
        assertBadData(() -> parse(envelope(NOV_8, day(NOV_8), NOV_9, today)),
                "currentDay.data[17].netOutput is \"abc\", expected a number");
    }

    @Test
    void nullWhereANumberMustBeIsBadData() {
        List<Line> yesterday = new ArrayList<>(day(NOV_8));
        yesterday.set(3, yesterday.get(3).withNetOutput("null"));
        assertBadData(() -> parse(envelope(NOV_8, yesterday, NOV_9, day(NOV_9, 2))),
                "previousDay.data[3].netOutput is null, expected a number");
    }

    @Test
    void aMissingValueIsBadData() {
        String body = snapshot(NOV_9, 2).replaceFirst("\"totalDischarging\": [0-9.]+,", "");
        assertBadData(() -> parse(body), "previousDay.data[0].totalDischarging is missing");
    }

    @Test
    void aMissingTimestampIsBadData() {
        String body = snapshot(NOV_9, 2).replaceFirst(",\n        \"timestamp\": \"[^\"]+\"", "");
        assertBadData(() -> parse(body), "previousDay.data[0].timestamp is missing");
    }

    @Test
    void aTimestampWithoutOffsetIsBadData() {
        String body = snapshot(NOV_9, 2).replace("\"2025-11-09 00:05:00-0600\"", "\"2025-11-09 00:05:00\"");
        assertBadData(() -> parse(body),
                "currentDay.data[1].timestamp is \"2025-11-09 00:05:00\", expected yyyy-MM-dd HH:mm:ss±hhmm");
    }

    @Test
    void anUnknownDstFlagIsBadData() {
        String body = snapshot(NOV_9, 2).replaceFirst("\"dstFlag\": \"N\"", "\"dstFlag\": \"X\"");
        assertBadData(() -> parse(body), "previousDay.data[0].dstFlag is \"X\", expected \"Y\" or \"N\"");
    }

    @Test
    void aMissingDayIsBadData() {
        String withoutPrevious = "{\"lastUpdated\": \"2025-11-09 15:26:01-0600\", \"currentDay\": "
                + "{\"dayDate\": \"2025-11-09 03:00:00-0600\", \"data\": []}}";
        assertBadData(() -> parse(withoutPrevious), "payload has no previousDay");
        String withoutCurrent = "{\"previousDay\": {\"dayDate\": \"2025-11-08 03:00:00-0600\", \"data\": []}}";
        assertBadData(() -> parse(withoutCurrent), "payload has no currentDay");
        assertBadData(() -> parse("{\"previousDay\": {\"data\": []}}"), "previousDay.dayDate is missing");
        assertBadData(() -> parse("{\"previousDay\": {\"dayDate\": \"2025-11-08 03:00:00-0600\"}}"),
                "previousDay.data is missing");
        assertBadData(() -> parse("{\"previousDay\": []}"), "previousDay is an array, expected an object");
    }

    @Test
    void truncatedJsonIsBadData() {
        byte[] full = EnergyStorageResourcesGoldenTest.fixture(EnergyStorageResourcesGoldenTest.FULL);
        byte[] cut = Arrays.copyOf(full, full.length - 2000);
        assertBadData(() -> feed.parse(HINT, response(cut)), "payload is truncated JSON: it ends inside currentDay.data[");
    }

    @Test
    void htmlIsBadData() {
        String bot = "<!DOCTYPE html>\n<html><head><title>Access denied</title></head><body>"
                + "<iframe src=\"/_Incapsula_Resource\"></iframe></body></html>";
        assertBadData(() -> parse(bot), "payload is HTML, not JSON: it starts with \"<!DOCTYPE html> <html>");
    }

    @Test
    void otherNonJsonIsBadData() {
        assertBadData(() -> parse(""), "payload is empty");
        assertBadData(() -> parse(" \n"), "payload is empty");
        assertBadData(() -> parse("[]"), "payload is an array, expected the dashboard's JSON object");
        assertBadData(() -> parse("Service Unavailable"), "payload is not valid JSON (line 1, column ");
        assertBadData(() -> parse(snapshot(NOV_9, 1) + "{}"), "payload has more content after the dashboard's JSON object");
        String day = "{\"dayDate\": \"2025-11-08 03:00:00-0600\", \"data\": []}";
        assertBadData(() -> parse("{\"previousDay\": " + day + ", \"previousDay\": " + day + "}"),
                "Duplicate field 'previousDay'");
    }

    @Test
    void aHugeNumberIsBadData() {
        List<Line> today = new ArrayList<>(day(NOV_9, 2));
        today.set(1, today.get(1).withNetOutput("1e999"));
        assertBadData(() -> parse(envelope(NOV_8, day(NOV_8), NOV_9, today)),
                "currentDay.data[1].netOutput is 1e999, too large for a double");
    }

    @Test
    void holdsBackADayWithASampleOffTheGrid() throws SourceException {
        String body = snapshot(NOV_9, 3).replace("2025-11-08 10:05:00-0600", "2025-11-08 10:07:00-0600");
        Parsed parsed = parse(body);
        assertThat(parsed.quarantined()).containsExactly(new Quarantine(NOV_8_UTC, 288,
                "2025-11-08: sample 2025-11-08 10:07:00-0600 (data[121]) is off the 5-minute grid; day held back"));
        assertThat(parsed.rows()).hasSize(3);
        assertThat(parsed.covered()).containsExactly(
                new Window(Instant.parse("2025-11-09T06:00:00Z"), Instant.parse("2025-11-09T06:15:00Z")));
    }

    @Test
    void holdsBackADayWithASampleOfAnotherDay() throws SourceException {
        List<Line> today = new ArrayList<>(day(NOV_9, 3));
        today.add(day(LocalDate.of(2025, 11, 10), 1).get(0));
        Parsed parsed = parse(envelope(NOV_8, day(NOV_8), NOV_9, today));
        assertThat(parsed.quarantined()).containsExactly(new Quarantine(
                new Window(Instant.parse("2025-11-09T06:00:00Z"), Instant.parse("2025-11-10T06:00:00Z")), 4,
                "2025-11-09: sample 2025-11-10 00:00:00-0600 (data[3]) lies outside the operating day; day held back"));
        assertThat(parsed.rows()).hasSize(288);
        assertThat(parsed.covered()).containsExactly(NOV_8_UTC);
    }

    @Test
    void holdsBackADayOutOfOrder() throws SourceException {
        List<Line> yesterday = new ArrayList<>(day(NOV_8));
        Line swapped = yesterday.get(50);
        yesterday.set(50, yesterday.get(51));
        yesterday.set(51, swapped);
        Parsed parsed = parse(envelope(NOV_8, yesterday, NOV_9, day(NOV_9, 1)));
        assertThat(parsed.quarantined()).extracting(Quarantine::reason).containsExactly("2025-11-08: sample "
                + "2025-11-08 04:10:00-0600 (data[51]) is earlier than the sample before it (2025-11-08T10:15:00Z); "
                + "day held back");
    }

    @Test
    void keepsOneOfTwoEqualSamplesInBothBlocks() throws SourceException {
        Parsed parsed = parse(envelope(NOV_8, day(NOV_8), NOV_8, day(NOV_8, 10)));
        assertThat(parsed.rows()).hasSize(288);
        assertThat(parsed.notes()).isEmpty();
        assertThat(parsed.covered()).containsExactly(NOV_8_UTC);
    }

    @Test
    void letsTodaysBlockWinWhenTheBlocksDisagree() throws SourceException {
        List<Line> today = new ArrayList<>(day(NOV_8, 2));
        today.set(1, today.get(1).withNetOutput("1.5"));
        Parsed parsed = parse(envelope(NOV_8, day(NOV_8), NOV_8, today));
        assertThat(parsed.rows()).hasSize(288);
        assertThat(parsed.rows().get(1).number(3)).isEqualTo(1.5);
        assertThat(parsed.notes()).containsExactly(
                "previousDay and currentDay hold different values at 2025-11-08T06:05:00Z; kept currentDay's");
    }

    private Parsed parse(String body) throws SourceException {
        return feed.parse(HINT, response(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertBadData(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining(message);
    }
}
