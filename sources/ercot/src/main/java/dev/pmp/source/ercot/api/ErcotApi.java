package dev.pmp.source.ercot.api;

import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** What every Public API request shares: authentication and its own request budget. */
public final class ErcotApi {

    /** The request budget of API calls, apart from the dashboards' (see {@code ErcotSource.requestRates()}). */
    public static final String BUDGET = "api";
    /** ERCOT's published limit: 30 requests per minute per subscription (README section 3.6). */
    public static final String RATE = "30 per minute";

    private ErcotApi() {
    }

    /** An authenticated GET on the {@value #BUDGET} budget. */
    static FetchRequest request(URI uri) {
        return new FetchRequest(uri, Map.of("Accept", "application/json, application/zip")).withAuthentication()
                .withBudget(BUDGET);
    }

    /**
     * Refuses a download ({@code ?download=} in the URI) that is not a zip, after classifying ERCOT's error
     * documents: taking it for a listing would ask for the same download again, forever.
     *
     * @throws SourceException from {@link ApiErrors#check}, or {@link Failure#BAD_DATA}
     */
    static void checkDownload(String what, FetchResponse response) throws SourceException {
        if (queryLong(response.uri(), "download").isPresent() && !Zips.isZip(response.body())) {
            ApiErrors.check(what, response.body());
            throw new SourceException(Failure.BAD_DATA, what + ": a download answered something that is not a zip");
        }
    }

    /** The integer value of query parameter {@code name} of {@code uri}, if present and numeric. */
    static Optional<Long> queryLong(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return Optional.empty();
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                try {
                    return Optional.of(Long.parseLong(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
