package dev.pmp.spi;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A description of one HTTP GET; the engine performs it (retries, rate limits, gzip, authentication).
 *
 * @param uri absolute URI
 * @param headers extra request headers; never secrets (the engine adds authentication)
 * @param authenticated whether the engine adds the source's {@link Auth} to this request; a source whose
 *     public pages and authenticated API live side by side (ERCOT) sets it only on the API calls
 * @param budget the name of the request budget this call spends, empty for the source's default budget;
 *     names a key of {@link Source#requestRates()} (NESO paces {@code datastore_search} apart from its
 *     catalogue)
 */
public record FetchRequest(URI uri, Map<String, String> headers, boolean authenticated, Optional<String> budget) {

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(budget, "budget");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("request URI must be absolute: " + uri);
        }
        headers = Map.copyOf(headers);
        if (budget.isPresent() && budget.get().isBlank()) {
            throw new IllegalArgumentException("a budget name must not be blank");
        }
    }

    /** An unauthenticated GET on the source's default budget. */
    public FetchRequest(URI uri, Map<String, String> headers) {
        this(uri, headers, false, Optional.empty());
    }

    public static FetchRequest get(URI uri) {
        return new FetchRequest(uri, Map.of());
    }

    /** The same request with one more header. */
    public FetchRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FetchRequest(uri, h, authenticated, budget);
    }

    /** The same request, to be sent with the source's credentials. */
    public FetchRequest withAuthentication() {
        return new FetchRequest(uri, headers, true, budget);
    }

    /** The same request, spending the named budget of {@link Source#requestRates()}. */
    public FetchRequest withBudget(String name) {
        return new FetchRequest(uri, headers, authenticated, Optional.of(name));
    }
}
