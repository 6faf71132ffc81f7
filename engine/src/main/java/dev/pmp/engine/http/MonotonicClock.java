package dev.pmp.engine.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Elapsed time from {@link System#nanoTime()}, as a {@link Clock}: never jumps with the wall clock or
 * stands still with a simulated one. Its instants are meaningful only relative to each other.
 */
public final class MonotonicClock extends Clock {
    private final long originNanos = System.nanoTime();

    @Override
    public Instant instant() {
        return Instant.EPOCH.plusNanos(System.nanoTime() - originNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
