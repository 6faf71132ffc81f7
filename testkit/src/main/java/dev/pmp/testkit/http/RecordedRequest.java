package dev.pmp.testkit.http;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request a {@link FixtureServer} received.
 *
 * @param method HTTP method
 * @param path the path, without the query
 * @param query the raw query, empty when absent
 * @param headers request headers by lower-case name (first value of each)
 * @param receivedAt wall-clock time of arrival (the server has no injected clock)
 * @param body the request body as received, empty for a GET
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers,
        Instant receivedAt, byte[] body) {

    public RecordedRequest(String method, String path, String query, Map<String, String> headers, Instant receivedAt) {
        this(method, path, query, headers, receivedAt, new byte[0]);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(receivedAt, "receivedAt");
        body = body.clone();
    }

    /** The header's first value, by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
