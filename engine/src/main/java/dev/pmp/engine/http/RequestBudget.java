package dev.pmp.engine.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token bucket for one source, shared by every thread that fetches from it: {@link #acquire}
 * blocks until the source's {@link RequestRate} allows one more request.
 *
 * <p>Implemented as a generic cell rate algorithm (a token bucket of capacity {@code burst} that
 * refills one permit every {@link RequestRate#spacing()}), computed exactly on {@link Instant}s from
 * the injected clock. {@link Priority#LIVE} requests go first: while one waits, a
 * {@link Priority#BACKFILL} request does not take a permit, even a free one, and checks again one
 * spacing later. Among requests of the same priority the order is not fair.
 *
 * <p>Thread-safe. Waiting happens outside the lock, through the injected {@link Sleeper}.
 */
public final class RequestBudget {
    private final RequestRate rate;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration spacing;
    private final Duration tolerance;
    private Instant theoreticalArrival;
    private int liveWaiting;
    private long granted;
    private Duration waited = Duration.ZERO;

    public RequestBudget(RequestRate rate, Clock clock, Sleeper sleeper) {
        this.rate = Objects.requireNonNull(rate, "rate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.spacing = rate.spacing();
        this.tolerance = spacing.multipliedBy(rate.burst() - 1L);
    }

    /** {@link #acquire(Priority)} for live work. */
    public Duration acquire() throws InterruptedException {
        return acquire(Priority.LIVE);
    }

    /**
     * Takes one permit, waiting as long as needed.
     *
     * @return how long this call waited (the sum of the sleeps it asked for), zero when a permit was free
     * @throws InterruptedException when interrupted while waiting; no permit is taken then
     */
    public Duration acquire(Priority priority) throws InterruptedException {
        Objects.requireNonNull(priority, "priority");
        Duration slept = Duration.ZERO;
        boolean registered = false;
        try {
            while (true) {
                Duration wait;
                synchronized (this) {
                    Instant now = clock.instant();
                    Instant arrival = theoreticalArrival == null || theoreticalArrival.isBefore(now)
                            ? now : theoreticalArrival;
                    Instant allowedAt = arrival.minus(tolerance);
                    boolean yieldToLive = switch (priority) {
                        case LIVE -> false;
                        case BACKFILL -> liveWaiting > 0;
                    };
                    if (!yieldToLive && !allowedAt.isAfter(now)) {
                        theoreticalArrival = arrival.plus(spacing);
                        granted++;
                        waited = waited.plus(slept);
                        return slept;
                    }
                    Duration untilAllowed = allowedAt.isAfter(now) ? Duration.between(now, allowedAt) : Duration.ZERO;
                    if (yieldToLive) {
                        wait = untilAllowed.compareTo(spacing) > 0 ? untilAllowed : spacing;
                    } else {
                        wait = untilAllowed;
                        if (!registered && priority == Priority.LIVE) {
                            liveWaiting++;
                            registered = true;
                        }
                    }
                }
                sleeper.sleep(wait);
                slept = slept.plus(wait);
            }
        } finally {
            if (registered) {
                synchronized (this) {
                    liveWaiting--;
                }
            }
        }
    }

    public RequestRate rate() {
        return rate;
    }

    /** How many permits were handed out. */
    public synchronized long granted() {
        return granted;
    }

    /** Total time callers waited for a permit (calls that were interrupted are not counted). */
    public synchronized Duration waited() {
        return waited;
    }
}
