package dev.pmp.app;

import dev.pmp.engine.catalog.Catalog;
import dev.pmp.engine.http.AuthCredentials;
import dev.pmp.engine.http.Credentials;
import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.http.MonotonicClock;
import dev.pmp.engine.http.Sleeper;
import dev.pmp.engine.http.HttpResult;
import dev.pmp.engine.http.HttpSettings;
import dev.pmp.engine.http.HttpStats;
import dev.pmp.engine.http.Priority;
import dev.pmp.engine.http.RequestRate;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.spi.Auth;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline's {@link Transport} over the engine's {@link HttpFetcher}, with HTTP settings read from
 * {@code PMP_HTTP_*} and {@code PMP_RATE_<SOURCE>} (e.g. {@code PMP_RATE_ERCOT="30 per minute"}).
 */
final class HttpTransport implements Transport {
    private final HttpFetcher fetcher;

    private HttpTransport(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    static HttpTransport create(AppSettings settings, Catalog catalog, Clock clock) {
        HttpSettings http = httpSettings(settings, catalog);
        Map<String, Auth> auth;
        try {
            auth = catalog.auth(settings);
        } catch (SourceException e) {
            throw new ConfigException(e.getMessage());
        }
        Credentials credentials = new AuthCredentials(auth, clock, http.requestTimeout());
        return new HttpTransport(new HttpFetcher(http, credentials, clock, new MonotonicClock(), Sleeper.system()));
    }

    /**
     * The HTTP settings: {@code PMP_HTTP_TIMEOUT} (seconds per attempt, default 30),
     * {@code PMP_HTTP_ATTEMPTS} (default 4), {@code PMP_HTTP_BACKOFF_MS} (first retry ceiling, default
     * 1000), {@code PMP_HTTP_MAX_RETRY_AFTER} (seconds, default 120), {@code PMP_RATE_<SOURCE>} (default
     * {@code 60 per minute burst 10} for every source).
     */
    static HttpSettings httpSettings(AppSettings settings, Catalog catalog) {
        // A burst lets one pass fetch a source's few datasets back to back, then spaces requests evenly.
        HttpSettings http = HttpSettings.defaults().withDefaultRate(RequestRate.parse("60 per minute burst 10"));
        int timeout = intValue(settings, "PMP_HTTP_TIMEOUT", 30, 1);
        http = http.withTimeouts(Duration.ofSeconds(Math.min(10, timeout)), Duration.ofSeconds(timeout));
        int attempts = intValue(settings, "PMP_HTTP_ATTEMPTS", http.maxAttempts(), 1);
        int backoffMs = intValue(settings, "PMP_HTTP_BACKOFF_MS", (int) http.baseDelay().toMillis(), 0);
        Duration base = Duration.ofMillis(backoffMs);
        Duration max = http.maxDelay().compareTo(base) < 0 ? base : http.maxDelay();
        http = http.withRetries(attempts, base, http.backoffFactor(), max);
        http = http.withMaxRetryAfter(Duration.ofSeconds(intValue(settings, "PMP_HTTP_MAX_RETRY_AFTER",
                (int) http.maxRetryAfter().toSeconds(), 0)));
        // The operators' published limits first; PMP_RATE_<SOURCE> overrides a source's default budget.
        for (Map.Entry<String, String> e : catalog.requestRates().entrySet()) {
            http = http.withSourceRate(e.getKey(), RequestRate.parse(e.getValue()));
        }
        for (Map.Entry<String, String> e : settings.values().entrySet()) {
            if (e.getKey().startsWith("PMP_RATE_")) {
                String source = e.getKey().substring("PMP_RATE_".length()).toLowerCase(Locale.ROOT);
                try {
                    http = http.withSourceRate(source, RequestRate.parse(e.getValue()));
                } catch (IllegalArgumentException bad) {
                    throw new ConfigException(e.getKey() + ": " + bad.getMessage());
                }
            }
        }
        return http;
    }

    /** Counters of {@code source}'s fetches since start, for the dashboard's metrics. */
    HttpStats stats(String source) {
        return fetcher.stats(source);
    }

    @Override
    public Transfer fetch(String source, FetchRequest request, boolean live) throws SourceException {
        HttpResult r = fetcher.fetch(source, request, live ? Priority.LIVE : Priority.BACKFILL);
        return new Transfer(r.response(), r.raw(), r.attempts());
    }

    private static int intValue(AppSettings settings, String key, int fallback, int min) {
        String v = settings.value(key).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw new ConfigException(key + " must be at least " + min + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not " + v);
        }
    }
}
