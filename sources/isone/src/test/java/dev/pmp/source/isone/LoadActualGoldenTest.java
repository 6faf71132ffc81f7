package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.API;
import static dev.pmp.source.isone.Answers.day;
import static dev.pmp.source.isone.Answers.parseRecorded;
import static dev.pmp.source.isone.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code isone.load_actual} on the recorded {@code /hourlysysload} answers, both DST seasons. */
class LoadActualGoldenTest {
    private final Feed feed = Answers.feed(Load.ACTUAL_HOURLY, API);

    @Test
    void asksTheApiForTheDayWithBasicAuthentication() {
        var request = feed.request(day(LocalDate.of(2024, 11, 2)));
        assertThat(request.uri()).isEqualTo(URI.create("https://webservices.iso-ne.com/api/v1.1/hourlysysload/day/20241102"));
        assertThat(request.authenticated()).isTrue();
        assertThat(request.headers()).containsEntry("Accept", "application/json");
        assertThat(request.budget()).isEmpty();
    }

    @Test
    void readsAnOrdinaryDay() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 2));
        Parsed p = parseRecorded(feed, window, "webservices_hourlysysload_day_20241102.json");
        assertThat(p.rows()).hasSize(24);
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-02T04:00:00Z", "2024-11-02T05:00:00Z", "32",
                "NEPOOL AREA", "9875.86", "9594.62", "281.24");
        assertThat(text(p.rows().get(23))).containsExactly("2024-11-03T03:00:00Z", "2024-11-03T04:00:00Z", "32",
                "NEPOOL AREA", "10635.478", "10633.884", "1.594");
        assertThat(p.covered()).containsExactly(window);
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.notes()).isEmpty();
        assertThat(p.next()).isEmpty();
    }

    @Test
    void readsTheDayBeforeSpringForward() throws SourceException {
        Window window = day(LocalDate.of(2024, 3, 9));
        Parsed p = parseRecorded(feed, window, "webservices_hourlysysload_day_20240309.json");
        assertThat(p.rows()).hasSize(24);
        assertThat(text(p.rows().get(0))).containsExactly("2024-03-09T05:00:00Z", "2024-03-09T06:00:00Z", "32",
                "NEPOOL AREA", "11582.75", "11230.845", "351.905");
        assertThat(text(p.rows().get(23))).containsExactly("2024-03-10T04:00:00Z", "2024-03-10T05:00:00Z", "32",
                "NEPOOL AREA", "11715.411", "11698.241", "17.17");
        assertThat(p.covered()).containsExactly(window);
    }

    /** The recorded spring-forward day: 23 hours, 01:00 EST is followed by 03:00 EDT. */
    @Test
    void readsTheSpringForwardDayAs23Hours() throws SourceException {
        Window window = day(LocalDate.of(2024, 3, 10));
        assertThat(window.length().toHours()).isEqualTo(23);
        Parsed p = parseRecorded(feed, window, "webservices_hourlysysload_day_20240310.json");
        assertThat(p.rows()).hasSize(23);
        assertThat(p.rows()).extracting(r -> r.instant(0)).doesNotHaveDuplicates();
        assertThat(p.rows().get(1).instant(0)).isEqualTo(Instant.parse("2024-03-10T06:00:00Z"));
        assertThat(p.rows().get(2).instant(0)).isEqualTo(Instant.parse("2024-03-10T07:00:00Z"));
        assertThat(text(p.rows().get(0))).containsExactly("2024-03-10T05:00:00Z", "2024-03-10T06:00:00Z", "32",
                "NEPOOL AREA", "11149.159", "11129.693", "19.466");
        assertThat(text(p.rows().get(22))).containsExactly("2024-03-11T03:00:00Z", "2024-03-11T04:00:00Z", "32",
                "NEPOOL AREA", "11578.315", "11539.532", "38.783");
        assertThat(p.covered()).containsExactly(window);
    }

    /**
     * The recorded {@code /hourlysysload/current} answer holds one record as an object, not an array. Read as the
     * answer for its day, it gives that row and covers the day only up to the hour it reaches.
     */
    @Test
    void readsASingleRecordSentAsAnObject() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 25));
        Parsed p = parseRecorded(feed, window, "webservices_hourlysysload_current.json");
        List<Row> rows = p.rows();
        assertThat(rows).hasSize(1);
        assertThat(text(rows.get(0))).containsExactly("2024-11-25T20:00:00Z", "2024-11-25T21:00:00Z", "32",
                "NEPOOL AREA", "13657.274", "13646.239", "11.035");
        assertThat(p.covered()).containsExactly(new Window(window.start(), Instant.parse("2024-11-25T21:00:00Z")));
        assertThat(p.notes()).singleElement().asString().contains("single HourlySystemLoad came as an object");
        assertThat(p.next()).isEmpty();
    }

    @Test
    void pagesToTheNextDayWhenTheWindowGoesOn() throws SourceException {
        Window twoDays = new Window(day(LocalDate.of(2024, 3, 9)).start(), day(LocalDate.of(2024, 3, 10)).end());
        Parsed p = parseRecorded(feed, twoDays, "webservices_hourlysysload_day_20240309.json");
        assertThat(p.next()).get().extracting(r -> r.uri().toString())
                .isEqualTo("https://webservices.iso-ne.com/api/v1.1/hourlysysload/day/20240310");
        var second = feed.parse(twoDays, Answers.answer(p.next().orElseThrow(), "application/json",
                Answers.recorded("webservices_hourlysysload_day_20240310.json")));
        assertThat(second.rows()).hasSize(23);
        assertThat(second.covered()).containsExactly(day(LocalDate.of(2024, 3, 10)));
        assertThat(second.next()).isEmpty();
    }
}
