package dev.pmp.engine.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Counters of one source's fetches since the fetcher was made, for metrics.
 *
 * @param attempts HTTP requests sent (every attempt counts)
 * @param retries attempts that were repeated after a transient failure
 * @param failures fetches that ended with an exception
 * @param budgetWaited total time spent waiting for the request budget
 * @param backoffWaited total time spent backing off between attempts
 */
public record HttpStats(long attempts, long retries, long failures, Duration budgetWaited,
        Duration backoffWaited) {

    public HttpStats {
        Objects.requireNonNull(budgetWaited, "budgetWaited");
        Objects.requireNonNull(backoffWaited, "backoffWaited");
    }
}
