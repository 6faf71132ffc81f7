package dev.pmp.source.isone;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recorded and synthesised answers, and the feeds that read them, for the tests. */
final class Answers {

    /** Settings with API credentials: every feed reads the Web Services API. */
    static final Settings API = key -> Optional.ofNullable(Map.of(
            "PMP_ISONE_USERNAME", "user@example.com", "PMP_ISONE_PASSWORD", "s3cret-pw").get(key));

    /** No settings: feeds read ISO Express. */
    static final Settings EXPRESS = key -> Optional.empty();

    static final Instant FETCHED = Instant.parse("2024-11-25T21:09:00Z");

    private Answers() {
    }

    static byte[] recorded(String file) {
        try (InputStream in = Answers.class.getResourceAsStream("/isone/api/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Feed feed(Dataset dataset, Settings settings) {
        try {
            return new IsoneSource().feed(dataset, settings);
        } catch (SourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local market day as a window. */
    static Window day(LocalDate day) {
        return new Window(IsoneTime.dayStart(day), IsoneTime.dayStart(day.plusDays(1)));
    }

    static FetchResponse answer(FetchRequest request, String contentType, byte[] body) {
        return new FetchResponse(request.uri(), 200, contentType, body, FETCHED);
    }

    /** An answer that arrived at {@code fetchedAt}. */
    static FetchResponse answerAt(FetchRequest request, String contentType, String body, Instant fetchedAt) {
        return new FetchResponse(request.uri(), 200, contentType, body.getBytes(StandardCharsets.UTF_8), fetchedAt);
    }

    static FetchResponse json(FetchRequest request, String body) {
        return answer(request, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static FetchResponse csv(FetchRequest request, String body) {
        return answer(request, "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses the recording as the answer to the feed's first request for {@code window}. */
    static Parsed parseRecorded(Feed feed, Window window, String file) throws SourceException {
        FetchRequest request = feed.request(window);
        return feed.parse(window, answer(request, "application/json", recorded(file)));
    }

    /** The row's values as text, for compact golden assertions. */
    static List<String> text(Row row) {
        List<String> out = new ArrayList<>();
        for (Object v : row.values()) {
            out.add(String.valueOf(v));
        }
        return out;
    }
}
