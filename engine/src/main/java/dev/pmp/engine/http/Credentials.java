package dev.pmp.engine.http;

import dev.pmp.spi.SourceException;
import java.util.Map;

/**
 * Authentication headers for a source's authenticated requests ({@link dev.pmp.spi.FetchRequest#authenticated()}:
 * bearer token, subscription key, session cookie). Their values are secrets: the fetcher adds them to the
 * request and removes them from every message it builds.
 */
@FunctionalInterface
public interface Credentials {

    /**
     * Called before every attempt, on the fetching thread, so an implementation may refresh an
     * expiring token; must be thread-safe.
     *
     * @param source the source name, as given to {@link HttpFetcher#fetch}
     * @return header name to value, empty for a source without authentication; never null
     * @throws SourceException {@code CONFIG} when the source needs credentials that are missing
     */
    Map<String, String> headers(String source) throws SourceException;

    /**
     * Told when the server refused {@code source}'s credentials (401 or 403), before the fetcher tries once
     * more: an implementation drops a cached token or session so the next {@link #headers} signs in afresh.
     */
    default void rejected(String source) {
    }

    /** No authentication for any source. */
    static Credentials none() {
        return source -> Map.of();
    }
}
