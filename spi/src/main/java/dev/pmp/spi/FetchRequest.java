package dev.pmp.spi;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A description of one HTTP GET; the engine performs it (retries, rate limits, gzip).
 *
 * @param uri absolute URI
 * @param headers extra request headers; never secrets (the engine adds authentication)
 */
public record FetchRequest(URI uri, Map<String, String> headers) {

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("request URI must be absolute: " + uri);
        }
        headers = Map.copyOf(headers);
    }

    public static FetchRequest get(URI uri) {
        return new FetchRequest(uri, Map.of());
    }
}
