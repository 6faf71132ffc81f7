package dev.pmp.store.duckdb;

import java.time.Instant;

/**
 * Conversions between {@link Instant} and DuckDB {@code TIMESTAMP} values, which this store uses to hold
 * UTC instants at microsecond precision (no time zone, so the session time zone never matters).
 */
final class Instants {
    private Instants() {
    }

    /** Microseconds since the epoch; fails when {@code instant} has a finer part, which would not read back. */
    static long exactMicros(Instant instant) {
        if (instant.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("instant " + instant + " is finer than a microsecond");
        }
        return truncatedMicros(instant);
    }

    /** Microseconds since the epoch, dropping any sub-microsecond part. */
    static long truncatedMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** Microseconds since the epoch, rounded up to the next whole microsecond. */
    static long ceilingMicros(Instant instant) {
        long micros = truncatedMicros(instant);
        return instant.getNano() % 1_000 == 0 ? micros : micros + 1;
    }

    static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
