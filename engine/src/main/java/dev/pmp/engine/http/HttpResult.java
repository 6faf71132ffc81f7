package dev.pmp.engine.http;

import dev.pmp.spi.FetchResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * One successful fetch.
 *
 * @param response the checked, decompressed response for the feed
 * @param raw the body exactly as received, before gunzip, for the fetch log and the raw archive; not
 *     copied, so do not modify it
 * @param attempts how many HTTP attempts it took, 1 when the first succeeded
 * @param budgetWaited time spent waiting for the source's request budget, over all attempts
 * @param backoffWaited time spent backing off between attempts
 */
public record HttpResult(FetchResponse response, byte[] raw, int attempts, Duration budgetWaited,
        Duration backoffWaited) {

    public HttpResult {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(raw, "raw");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        Objects.requireNonNull(budgetWaited, "budgetWaited");
        Objects.requireNonNull(backoffWaited, "backoffWaited");
    }

    /** All time spent waiting: budget plus backoff. */
    public Duration waited() {
        return budgetWaited.plus(backoffWaited);
    }

    /** The number of raw bytes received. */
    public int rawBytes() {
        return raw.length;
    }
}
