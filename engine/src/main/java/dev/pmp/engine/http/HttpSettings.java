package dev.pmp.engine.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the fetch path, parsed once at the edge. Defaults ({@link #defaults()}):
 *
 * <ul>
 *   <li>{@code userAgent}: {@value #DEFAULT_USER_AGENT} — browser-like, because ERCOT's bot wall
 *       refuses unusual agents, and naming pmp so operators can tell who we are;
 *   <li>{@code connectTimeout} 10 s, {@code requestTimeout} 30 s (per attempt, as
 *       {@link java.net.http.HttpRequest#timeout});
 *   <li>{@code maxAttempts} 4 (the first try and three retries), {@code baseDelay} 1 s,
 *       {@code backoffFactor} 2, {@code maxDelay} 30 s: retry {@code n} (from 1) waits a random time
 *       in {@code [c/2, c]} with {@code c = min(maxDelay, baseDelay * backoffFactor^(n-1))} (equal
 *       jitter), so 0.5–1 s, 1–2 s, 2–4 s;
 *   <li>{@code maxRetryAfter} 120 s: a {@code Retry-After} is waited as a lower bound of the
 *       backoff up to this long; a longer one ends the fetch with a message saying when to retry;
 *   <li>{@code defaultRate} 60 per minute (burst 1) for a source without an entry in
 *       {@code sourceRates}; {@code sourceRates} empty.
 * </ul>
 *
 * @param userAgent the {@code User-Agent} sent unless the request names its own
 * @param connectTimeout TCP and TLS connect timeout
 * @param requestTimeout timeout of one attempt
 * @param maxAttempts attempts of a fetch before a transient failure is reported, at least 1
 * @param baseDelay the backoff ceiling before the first retry
 * @param backoffFactor how much the backoff ceiling grows per retry, at least 1
 * @param maxDelay the largest backoff ceiling
 * @param maxRetryAfter the longest {@code Retry-After} the fetcher waits within one fetch
 * @param defaultRate the request budget of a source without its own rate
 * @param sourceRates request budgets by source name
 */
public record HttpSettings(String userAgent, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
        Duration baseDelay, double backoffFactor, Duration maxDelay, Duration maxRetryAfter,
        RequestRate defaultRate, Map<String, RequestRate> sourceRates) {

    /** The default {@code User-Agent}. */
    public static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 pmp";

    public HttpSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        notNegative(baseDelay, "baseDelay");
        if (!(backoffFactor >= 1.0) || Double.isInfinite(backoffFactor)) {
            throw new IllegalArgumentException("backoffFactor must be a finite number >= 1: " + backoffFactor);
        }
        notNegative(maxDelay, "maxDelay");
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is less than baseDelay " + baseDelay);
        }
        notNegative(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(defaultRate, "defaultRate");
        sourceRates = Map.copyOf(sourceRates);
    }

    /** The documented defaults. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), 4,
                Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), Duration.ofSeconds(120),
                RequestRate.of(60, Duration.ofMinutes(1)), Map.of());
    }

    public HttpSettings withUserAgent(String agent) {
        return new HttpSettings(agent, connectTimeout, requestTimeout, maxAttempts, baseDelay, backoffFactor,
                maxDelay, maxRetryAfter, defaultRate, sourceRates);
    }

    public HttpSettings withTimeouts(Duration connect, Duration request) {
        return new HttpSettings(userAgent, connect, request, maxAttempts, baseDelay, backoffFactor,
                maxDelay, maxRetryAfter, defaultRate, sourceRates);
    }

    public HttpSettings withRetries(int attempts, Duration base, double factor, Duration max) {
        return new HttpSettings(userAgent, connectTimeout, requestTimeout, attempts, base, factor,
                max, maxRetryAfter, defaultRate, sourceRates);
    }

    public HttpSettings withMaxRetryAfter(Duration max) {
        return new HttpSettings(userAgent, connectTimeout, requestTimeout, maxAttempts, baseDelay, backoffFactor,
                maxDelay, max, defaultRate, sourceRates);
    }

    public HttpSettings withDefaultRate(RequestRate rate) {
        return new HttpSettings(userAgent, connectTimeout, requestTimeout, maxAttempts, baseDelay, backoffFactor,
                maxDelay, maxRetryAfter, rate, sourceRates);
    }

    public HttpSettings withSourceRate(String source, RequestRate rate) {
        Map<String, RequestRate> rates = new HashMap<>(sourceRates);
        rates.put(Objects.requireNonNull(source, "source"), Objects.requireNonNull(rate, "rate"));
        return new HttpSettings(userAgent, connectTimeout, requestTimeout, maxAttempts, baseDelay, backoffFactor,
                maxDelay, maxRetryAfter, defaultRate, rates);
    }

    /** The request rate of {@code source}: its own entry, else {@link #defaultRate}. */
    public RequestRate rateFor(String source) {
        return sourceRates.getOrDefault(source, defaultRate);
    }

    /**
     * The backoff ceiling before retry {@code retry} (1 for the first retry):
     * {@code min(maxDelay, baseDelay * backoffFactor^(retry-1))}. The wait is drawn from
     * {@code [ceiling/2, ceiling]}.
     */
    public Duration backoffCeiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1: " + retry);
        }
        double nanos = baseDelay.toNanos() * Math.pow(backoffFactor, retry - 1.0);
        return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    private static void notNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }
}
