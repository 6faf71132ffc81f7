package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.API;
import static dev.pmp.source.isone.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code isone.locations} on the recorded {@code /locations} answer. */
class LocationsTest {
    private final Feed feed = Answers.feed(Locations.DATASET, API);
    private final Window any = Answers.day(java.time.LocalDate.of(2024, 11, 25));

    @Test
    void readsTheRecordedListAsTheSnapshotOfTheDayItArrived() throws SourceException {
        FetchRequest request = feed.request(any);
        assertThat(request.uri().toString()).isEqualTo("https://webservices.iso-ne.com/api/v1.1/locations");
        Parsed p = feed.parse(any, Answers.answer(request, "application/json", Answers.recorded("webservices_locations.json")));
        assertThat(p.rows()).hasSize(19);
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-25T05:00:00Z", "4000", ".H.INTERNAL_HUB", "HUB", "hub",
                "INTERNAL");
        assertThat(p.rows()).anySatisfy(r -> assertThat(text(r)).containsExactly("2024-11-25T05:00:00Z", "7003",
                "NEMABSTN", "RESERVE ZONE", "null", "INTERNAL"));
        assertThat(p.rows()).extracting(r -> r.text(4)).contains("load_zone", "interface", "system");
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-11-25T05:00:00Z"),
                Instant.parse("2024-11-26T05:00:00Z")));
        assertThat(p.notes()).singleElement().asString().contains("RESERVE ZONE");
    }

    @Test
    void anEmptyListIsNotPublished() {
        FetchRequest request = feed.request(any);
        assertThatThrownBy(() -> feed.parse(any, Answers.json(request, "{\"Locations\":\"\"}")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
    }
}
