package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.API;
import static dev.pmp.source.isone.Answers.EXPRESS;
import static dev.pmp.source.isone.Answers.day;
import static dev.pmp.source.isone.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code isone.load_actual_5min} on both channels; synthesised from the documented fields (README §2.3, §3.2),
 * no real 5-minute load answer having been recorded.
 */
class LoadFiveMinuteTest {
    private static final LocalDate FALL_BACK = LocalDate.of(2024, 11, 3);

    @Test
    void readsTheApiOnTheFallBackDay() throws SourceException {
        Feed feed = Answers.feed(Load.ACTUAL_FIVE_MINUTE, API);
        Window window = day(FALL_BACK);
        List<String> records = Synthesised.instants(window.start(), window.end(), Duration.ofMinutes(5)).stream()
                .map(t -> String.format(Locale.ROOT, "{\"BeginDate\":\"%s\",\"LoadMw\":%s,\"NativeLoad\":11000.5,"
                        + "\"ArdDemand\":10.25,\"SystemLoadBtmPv\":0,\"NativeLoadBtmPv\":11000.5}", Synthesised.stamp(t),
                        Synthesised.price(t))).toList();
        var request = feed.request(window);
        assertThat(request.uri().toString())
                .isEqualTo("https://webservices.iso-ne.com/api/v1.1/fiveminutesystemload/day/20241103");
        Parsed p = feed.parse(window, Answers.json(request,
                Synthesised.envelope("FiveMinSystemLoads", "FiveMinSystemLoad", records)));
        assertThat(p.rows()).hasSize(300);
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T04:05:00Z", "34.4",
                "11000.5", "10.25", "0.0", "11000.5");
        assertThat(p.covered()).containsExactly(window);
    }

    /** The CSV's wall-clock {@code Date/Time}: 01:00-01:55 twice on the fall-back day, EDT first. */
    @Test
    void readsTheCsvOnTheFallBackDayByOrder() throws SourceException {
        Feed feed = Answers.feed(Load.ACTUAL_FIVE_MINUTE, EXPRESS);
        Window window = day(FALL_BACK);
        var request = feed.request(window);
        assertThat(request.uri().toString())
                .isEqualTo("https://www.iso-ne.com/transform/csv/fiveminutesystemload?start=20241103&end=20241103");
        assertThat(request.budget()).contains("express");
        List<List<String>> data = new ArrayList<>();
        for (Instant t : Synthesised.instants(window.start(), window.end(), Duration.ofMinutes(5))) {
            var local = t.atZone(IsoneTime.ZONE);
            data.add(List.of(String.format("%02d/%02d/%d %02d:%02d", local.getMonthValue(), local.getDayOfMonth(),
                    local.getYear(), local.getHour(), local.getMinute()), "12000.25"));
        }
        Parsed p = feed.parse(window, Answers.csv(request, Synthesised.expressCsv("Five-Minute System Load",
                List.of("Date/Time", "Native Load"), data)));
        assertThat(p.rows()).hasSize(300);
        assertThat(p.rows().get(12).instant(0)).isEqualTo(Instant.parse("2024-11-03T05:00:00Z"));
        assertThat(p.rows().get(24).instant(0)).isEqualTo(Instant.parse("2024-11-03T06:00:00Z"));
        assertThat(text(p.rows().get(299))).containsExactly("2024-11-04T04:55:00Z", "2024-11-04T05:00:00Z", "null",
                "12000.25", "null", "null", "null");
        assertThat(p.covered()).containsExactly(window);
    }
}
