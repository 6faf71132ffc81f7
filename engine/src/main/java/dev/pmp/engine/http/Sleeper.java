package dev.pmp.engine.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits; injected so tests can record waits instead of spending them. Called on the fetching thread;
 * implementations must be safe to call from many threads at once.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Blocks the calling thread for {@code duration}; zero or negative returns at once.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread for real ({@link TimeUnit#sleep}). */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                TimeUnit.NANOSECONDS.sleep(saturatedNanos(duration));
            }
        };
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
