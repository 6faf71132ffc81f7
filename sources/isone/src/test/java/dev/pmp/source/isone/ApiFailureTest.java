package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.API;
import static dev.pmp.source.isone.Answers.day;
import static dev.pmp.source.isone.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Bad API answers, built from the recorded {@code /hourlysysload/day/20241102} answer. */
class ApiFailureTest {
    private static final Window DAY = day(LocalDate.of(2024, 11, 2));
    private static final String RECORDED = new String(Answers.recorded("webservices_hourlysysload_day_20241102.json"),
            StandardCharsets.UTF_8);

    private final Feed feed = Answers.feed(Load.ACTUAL_HOURLY, API);
    private final FetchRequest request = feed.request(DAY);

    private SourceException failure(String body) {
        try {
            feed.parse(DAY, json(request, body));
        } catch (SourceException e) {
            return e;
        }
        throw new AssertionError("no failure for " + body);
    }

    @Test
    void aTruncatedAnswerIsBadData() {
        SourceException e = failure(RECORDED.substring(0, RECORDED.length() / 2));
        assertThat(e.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(e.getMessage()).contains("hourlysysload/day/20241102", "malformed or truncated JSON");
    }

    @Test
    void anHtmlPageIsBadData() {
        SourceException e = failure("<html><body>Service unavailable</body></html>");
        assertThat(e.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(e.getMessage()).contains("not a JSON object");
    }

    /** An error document in the API's style (shape written for this test; ISO-NE's own was not recorded). */
    @Test
    void anErrorDocumentIsBadData() {
        SourceException e = failure("{\"Error\":{\"Code\":\"400\",\"Message\":\"Invalid date\"}}");
        assertThat(e.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(e.getMessage()).contains("expected the envelope HourlySystemLoads.HourlySystemLoad", "[Error]");
    }

    @Test
    void anEmptyDayIsNotPublished() {
        for (String empty : new String[] {"{\"HourlySystemLoads\":\"\"}", "{\"HourlySystemLoads\":{}}",
            "{\"HourlySystemLoads\":{\"HourlySystemLoad\":[]}}"}) {
            assertThat(failure(empty).failure()).as(empty).isEqualTo(Failure.NOT_PUBLISHED);
        }
    }

    @Test
    void aNonNumericValueQuarantinesItsHour() throws SourceException {
        Parsed p = feed.parse(DAY, json(request, RECORDED.replace("\"Load\":9875.86", "\"Load\":\"n/a\"")));
        assertThat(p.rows()).hasSize(23);
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(new Window(DAY.start(), Instant.parse("2024-11-02T05:00:00Z")));
            assertThat(q.reason()).contains("record 0", "Load is not a number: \"n/a\"");
        });
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-11-02T05:00:00Z"), DAY.end()));
    }

    @Test
    void aRecordWithoutATimeMakesTheAnswerUntrustworthy() {
        SourceException e = failure(RECORDED.replace("2024-11-02T05:00:00.000-04:00", "2024-11-02 05:00"));
        assertThat(e.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(e.getMessage()).contains("record 5", "not a time with offset");
    }

    @Test
    void unknownFieldsAreNoted() throws SourceException {
        Parsed p = feed.parse(DAY, json(request, RECORDED.replace("\"ArdDemand\":281.24",
                "\"ArdDemand\":281.24,\"BtmSolar\":12.5")));
        assertThat(p.rows()).hasSize(24);
        assertThat(p.notes()).singleElement().asString().contains("fields not read: [BtmSolar]");
    }

    @Test
    void recordsOfAnotherDayAreLeftOut() throws SourceException {
        Parsed p = feed.parse(DAY, json(request, RECORDED.replace("2024-11-02T23:00:00.000-04:00",
                "2024-11-05T23:00:00.000-05:00")));
        assertThat(p.rows()).hasSize(23);
        assertThat(p.notes()).singleElement().asString().contains("1 record(s) outside 2024-11-02 left out");
        assertThat(p.covered()).containsExactly(new Window(DAY.start(), Instant.parse("2024-11-03T03:00:00Z")));
    }

    @Test
    void anAnswerToAnotherRequestIsBadData() {
        FetchRequest other = feed.request(day(LocalDate.of(2024, 11, 9)));
        assertThatThrownBy(() -> feed.parse(DAY, json(other, RECORDED)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("is not a request of isone.load_actual");
    }

    /** The recorded {@code /realtimehourlydemand/current/location/4001}: no plural wrapper, one object. */
    @Test
    void readsAnEnvelopeWithoutThePluralWrapper() throws SourceException {
        ApiAnswer a = ApiAnswer.read(Answers.recorded("webservices_realtimehourlydemand_current_location_4001.json"),
                "HourlyRtDemands", "HourlyRtDemand", "current");
        assertThat(a.singleObject()).isTrue();
        assertThat(a.records()).singleElement().satisfies(r -> {
            assertThat(r.text("BeginDate")).isEqualTo("2024-11-20T23:00:00.000-05:00");
            assertThat(r.text("Location.@LocId")).isEqualTo("4001");
            assertThat(r.text("Location.$")).isEqualTo(".Z.MAINE");
            assertThat(r.text("Load")).isEqualTo("1049.032");
        });
    }
}
