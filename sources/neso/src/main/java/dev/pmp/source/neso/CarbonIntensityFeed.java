package dev.pmp.source.neso;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset of the Carbon Intensity API read by window ({@code <path>/{from}/{to}}, times as
 * {@code 2026-05-06T00:00Z}). The API also returns the half-hour that <em>ends</em> at {@code from}; rows
 * outside the window are left out. A response covers the window up to the end of its latest half-hour
 * (future periods may not be forecast yet). Immutable and thread-safe.
 */
abstract class CarbonIntensityFeed implements Feed {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'", Locale.ROOT);

    private final Dataset dataset;
    private final NesoSettings settings;
    private final String path;

    CarbonIntensityFeed(Dataset dataset, NesoSettings settings, String path) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.path = Objects.requireNonNull(path, "path");
    }

    @Override
    public final Dataset dataset() {
        return dataset;
    }

    @Override
    public final FetchRequest request(Window window) {
        return new FetchRequest(settings.carbonIntensity(path + "/" + minute(window.start()) + "/"
                + minute(window.end())), Map.of("Accept", "application/json"));
    }

    /**
     * Reads the body's {@code data}.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for a payload that is not the API's JSON or is its
     *     {@code error} document
     */
    static Object data(FetchResponse response) throws SourceException {
        Map<String, Object> root = Json.object(Json.read(response.body(), "Carbon Intensity answer"),
                "Carbon Intensity answer");
        if (root.get("error") instanceof Map<?, ?> error) {
            throw new SourceException(Failure.BAD_DATA, "the Carbon Intensity API answered with an error: "
                    + error.get("code") + ": " + error.get("message"));
        }
        if (!root.containsKey("data")) {
            throw new SourceException(Failure.BAD_DATA, "Carbon Intensity answer has no \"data\"; starts with "
                    + Texts.excerpt(response.body()));
        }
        return root.get("data");
    }

    /** An API time ({@code 2026-05-05T23:30Z}) as an instant; must be on a half-hour. */
    static Instant time(Object value, String where) throws SourceException {
        String text = Json.text(value, where);
        Instant t;
        try {
            t = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new SourceException(Failure.BAD_DATA, where + ": \"" + text + "\" is not a UTC time");
        }
        if (t.getEpochSecond() % SettlementPeriods.PERIOD.toSeconds() != 0) {
            throw new SourceException(Failure.BAD_DATA, where + ": " + text + " is not on a half-hour");
        }
        return t;
    }

    /** What a response with rows up to {@code latestEnd} covers of {@code window}. */
    static Window covered(Window window, Instant latestEnd) {
        return new Window(window.start(), latestEnd.isBefore(window.end()) ? latestEnd : window.end());
    }

    private static String minute(Instant t) {
        return MINUTE.format(t.atOffset(ZoneOffset.UTC));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + settings.carbonIntensityBase() + path + "]";
    }

    /** Checks that a list has elements; an empty {@code data} is "not published yet". */
    static List<Object> nonEmpty(List<Object> data, Window window) throws SourceException {
        if (data.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, "the Carbon Intensity API has no data for " + window
                    + " yet");
        }
        return data;
    }
}
