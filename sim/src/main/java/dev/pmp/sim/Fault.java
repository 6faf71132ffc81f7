package dev.pmp.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * One fault to inject, with its parameters; parameters a kind does not use are ignored.
 *
 * @param kind what goes wrong
 * @param delay how long {@link FaultKind#TIMEOUT} sleeps before answering; not negative
 * @param retryAfter the {@code Retry-After} of {@link FaultKind#STATUS_429}; whole seconds, not negative
 */
public record Fault(FaultKind kind, Duration delay, Duration retryAfter) {

    /** Default sleep of a {@link FaultKind#TIMEOUT}: longer than any sensible client timeout. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);

    /** Default {@code Retry-After} of a {@link FaultKind#STATUS_429}. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (retryAfter.isNegative() || retryAfter.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("retryAfter must be whole non-negative seconds: " + retryAfter);
        }
    }

    /** A fault of {@code kind} with the default delay and {@code Retry-After}. */
    public static Fault of(FaultKind kind) {
        return new Fault(kind, DEFAULT_DELAY, DEFAULT_RETRY_AFTER);
    }

    /** A {@link FaultKind#TIMEOUT} that sleeps {@code delay} before answering. */
    public static Fault timeout(Duration delay) {
        return new Fault(FaultKind.TIMEOUT, delay, DEFAULT_RETRY_AFTER);
    }

    /** A {@link FaultKind#STATUS_429} announcing {@code retryAfter}. */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(FaultKind.STATUS_429, DEFAULT_DELAY, retryAfter);
    }
}
