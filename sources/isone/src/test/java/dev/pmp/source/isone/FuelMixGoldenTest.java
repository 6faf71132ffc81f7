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

/** {@code isone.fuel_mix} on the recorded {@code /genfuelmix} answers. */
class FuelMixGoldenTest {
    private final Feed feed = Answers.feed(FuelMix.DATASET, API);

    /**
     * The recorded spring-forward day: 267 irregular snapshots (2394 records) fall on 208 five-minute marks; the
     * newest snapshot of each mark and fuel is kept (1890 rows), 504 older records are merged away, and no mark lies
     * in the skipped hour.
     */
    @Test
    void placesIrregularSnapshotsOnTheFiveMinuteGridOnTheSpringForwardDay() throws SourceException {
        Window window = day(LocalDate.of(2024, 3, 10));
        Parsed p = parseRecorded(feed, window, "webservices_genfuelmix_day_20240310.json");
        assertThat(p.rows()).hasSize(1890);
        assertThat(p.rows().stream().map(r -> r.instant(0)).distinct().toList()).hasSize(208);
        assertThat(text(p.rows().get(0))).containsExactly("2024-03-10T05:00:00Z", "Hydro", "2024-03-10T05:02:39Z",
                "Hydro", "1049.0", "false");
        assertThat(text(p.rows().get(1889))).containsExactly("2024-03-11T03:50:00Z", "Wood", "2024-03-11T03:54:41Z",
                "Renewables", "158.0", "false");
        assertThat(p.rows()).filteredOn(r -> r.text(1).equals("Natural Gas") && r.get(5).equals(Boolean.TRUE)).isNotEmpty();
        assertThat(p.covered()).containsExactly(new Window(window.start(), Instant.parse("2024-03-11T03:55:00Z")));
        assertThat(p.notes()).singleElement().asString().contains("504 x an earlier observation");
    }

    @Test
    void readsTheCurrentSnapshot() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 25));
        Parsed p = parseRecorded(feed, window, "webservices_genfuelmix_current.json");
        assertThat(p.rows()).hasSize(9);
        assertThat(p.rows()).extracting(r -> r.instant(0)).containsOnly(Instant.parse("2024-11-25T21:05:00Z"));
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-25T21:05:00Z", "Hydro", "2024-11-25T21:07:59Z",
                "Hydro", "849.0", "false");
        assertThat(text(p.rows().get(8))).containsExactly("2024-11-25T21:05:00Z", "Wood", "2024-11-25T21:07:59Z",
                "Renewables", "256.0", "false");
        assertThat(p.covered()).containsExactly(new Window(window.start(), Instant.parse("2024-11-25T21:10:00Z")));
    }
}
