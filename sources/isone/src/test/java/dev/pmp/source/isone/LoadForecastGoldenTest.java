package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.API;
import static dev.pmp.source.isone.Answers.day;
import static dev.pmp.source.isone.Answers.parseRecorded;
import static dev.pmp.source.isone.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@code isone.load_forecast} on the four recorded {@code /hourlyloadforecast/all/day} answers. */
class LoadForecastGoldenTest {
    private final Feed feed = Answers.feed(Load.FORECAST, API);

    @Test
    void asksForEveryVintage() {
        assertThat(feed.request(day(LocalDate.of(2024, 11, 3))).uri().toString())
                .isEqualTo("https://webservices.iso-ne.com/api/v1.1/hourlyloadforecast/all/day/20241103");
    }

    @Test
    void keepsEveryVintageOfAnOrdinaryDay() throws SourceException {
        Window window = day(LocalDate.of(2024, 3, 9));
        Parsed p = parseRecorded(feed, window, "webservices_hourlyloadforecast_all_day_20240309.json");
        assertThat(p.rows()).hasSize(144);
        assertThat(text(p.rows().get(0))).containsExactly("2024-03-09T05:00:00Z", "2024-03-09T06:00:00Z",
                "2024-03-07T09:06:46Z", "11160.0", "11160.0");
        assertThat(text(p.rows().get(143))).containsExactly("2024-03-10T04:00:00Z", "2024-03-10T05:00:00Z",
                "2024-03-09T14:17:34Z", "11480.0", "11480.0");
        assertThat(p.covered()).containsExactly(window);
    }

    @Test
    void readsTheDayBeforeFallBack() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 2));
        Parsed p = parseRecorded(feed, window, "webservices_hourlyloadforecast_all_day_20241102.json");
        assertThat(p.rows()).hasSize(216);
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-02T04:00:00Z", "2024-11-02T05:00:00Z",
                "2024-10-31T08:00:55Z", "9910.0", "9910.0");
        assertThat(text(p.rows().get(215))).containsExactly("2024-11-03T03:00:00Z", "2024-11-03T04:00:00Z",
                "2024-11-02T15:41:33Z", "10570.0", "10570.0");
        assertThat(p.covered()).containsExactly(window);
    }

    /** The recorded spring-forward day: 23 forecast hours, nothing at 02:00 local. */
    @Test
    void readsTheSpringForwardDay() throws SourceException {
        Window window = day(LocalDate.of(2024, 3, 10));
        Parsed p = parseRecorded(feed, window, "webservices_hourlyloadforecast_all_day_20240310.json");
        assertThat(p.rows()).hasSize(138);
        assertThat(p.rows().stream().map(r -> r.instant(0)).distinct().toList()).hasSize(23)
                .contains(Instant.parse("2024-03-10T06:00:00Z"), Instant.parse("2024-03-10T07:00:00Z"));
        assertThat(text(p.rows().get(0))).containsExactly("2024-03-10T05:00:00Z", "2024-03-10T06:00:00Z",
                "2024-03-08T09:07:43Z", "10940.0", "10940.0");
        assertThat(text(p.rows().get(137))).containsExactly("2024-03-11T03:00:00Z", "2024-03-11T04:00:00Z",
                "2024-03-10T13:19:24Z", "11410.0", "11410.0");
        assertThat(p.covered()).containsExactly(window);
    }

    /** The recorded fall-back day: 175 vintages over 25 hours, 01:00 EDT and 01:00 EST both present. */
    @Test
    void readsTheFallBackDayAs25Hours() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 3));
        assertThat(window.length().toHours()).isEqualTo(25);
        Parsed p = parseRecorded(feed, window, "webservices_hourlyloadforecast_all_day_20241103.json");
        assertThat(p.rows()).hasSize(175);
        assertThat(p.rows().stream().map(r -> r.instant(0)).distinct().toList()).hasSize(25)
                .contains(Instant.parse("2024-11-03T05:00:00Z"), Instant.parse("2024-11-03T06:00:00Z"),
                        Instant.parse("2024-11-03T07:00:00Z"));
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z",
                "2024-11-01T07:55:29Z", "10220.0", "10220.0");
        assertThat(text(p.rows().get(174))).containsExactly("2024-11-04T04:00:00Z", "2024-11-04T05:00:00Z",
                "2024-11-03T14:18:12Z", "10990.0", "10990.0");
        assertThat(p.covered()).containsExactly(window);
        assertThat(p.notes()).isEmpty();
    }

    /** The recorded regional forecast of the fall-back day: 1264 vintages of 8 regions over 25 hours. */
    @Test
    void readsTheRegionalForecastOfTheFallBackDay() throws SourceException {
        Feed regional = Answers.feed(Load.FORECAST_REGIONAL, API);
        Window window = day(LocalDate.of(2024, 11, 3));
        assertThat(regional.request(window).uri().toString())
                .isEqualTo("https://webservices.iso-ne.com/api/v1.1/reliabilityregionloadforecast/day/20241103/all");
        Parsed p = parseRecorded(regional, window, "webservices_reliabilityregionloadforecast_day_20241103_all.json");
        assertThat(p.rows()).hasSize(1264);
        assertThat(p.rows().stream().map(r -> r.instant(0)).distinct().toList()).hasSize(25);
        assertThat(p.rows().stream().map(r -> r.text(3)).distinct().toList()).hasSize(8);
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z",
                "2024-11-01T08:02:17Z", ".Z.CONNECTICUT", "2300.143", "22.506");
        assertThat(text(p.rows().get(1263))).containsExactly("2024-11-04T04:00:00Z", "2024-11-04T05:00:00Z",
                "2024-11-03T14:25:34Z", ".Z.WCMASS", "1526.361", "13.889");
        assertThat(p.covered()).containsExactly(window);
        assertThat(p.notes()).isEmpty();
    }
}
