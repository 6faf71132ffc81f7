package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.EXPRESS;
import static dev.pmp.source.isone.Answers.day;
import static dev.pmp.source.isone.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code isone.fuel_mix} from the ISO Express {@code genfuelmix} CSV, synthesised from its documented long format
 * ({@code Date}, {@code Time}, {@code Fuel Category}, {@code Gen Mw}; README §2.3), no real file being recorded.
 */
class FuelMixExpressTest {

    /** The fall-back day: 01:08:00 appears twice per fuel; the second time is EST. */
    @Test
    void tellsTheRepeatedHourApartByOrderPerFuel() throws SourceException {
        Feed feed = Answers.feed(FuelMix.DATASET, EXPRESS);
        Window window = day(LocalDate.of(2024, 11, 3));
        var request = feed.request(window);
        assertThat(request.uri().toString()).isEqualTo("https://www.iso-ne.com/transform/csv/genfuelmix?start=20241103");
        assertThat(request.headers()).containsEntry("Referer",
                "https://www.iso-ne.com/isoexpress/web/reports/operations/-/tree/gen-fuel-mix");
        List<List<String>> data = List.of(
                List.of("11/03/2024", "00:08:35", "Nuclear", "3350"),
                List.of("11/03/2024", "00:08:35", "Wind", "820"),
                List.of("11/03/2024", "01:08:00", "Nuclear", "3351"),
                List.of("11/03/2024", "01:08:00", "Wind", "821"),
                List.of("11/03/2024", "01:13:20", "Nuclear", "3352"),
                List.of("11/03/2024", "01:08:00", "Nuclear", "3353"),
                List.of("11/03/2024", "01:08:00", "Wind", "823"),
                List.of("11/03/2024", "23:59:10", "Wind", "900"));
        Parsed p = feed.parse(window, Answers.csv(request, Synthesised.expressCsv("Generation Fuel Mix",
                List.of("Date", "Time", "Fuel Category", "Gen Mw"), data)));
        assertThat(p.rows()).hasSize(8);
        assertThat(text(p.rows().get(2))).containsExactly("2024-11-03T05:05:00Z", "Nuclear", "2024-11-03T05:08:00Z",
                "null", "3351.0", "null");
        assertThat(text(p.rows().get(5))).containsExactly("2024-11-03T06:05:00Z", "Nuclear", "2024-11-03T06:08:00Z",
                "null", "3353.0", "null");
        assertThat(p.rows().get(7).instant(0)).isEqualTo(Instant.parse("2024-11-04T04:55:00Z"));
        assertThat(p.covered()).containsExactly(window);
    }
}
