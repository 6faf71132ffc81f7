package dev.pmp.store.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Conversions between {@link Instant} and PostgreSQL {@code timestamptz}, which holds an instant to the
 * microsecond. Parameters are bound as UTC {@link OffsetDateTime}s and read back through
 * {@code OffsetDateTime}, so the session time zone never matters.
 */
final class Instants {
    /** Seconds from the Java epoch (1970) to the PostgreSQL epoch (2000-01-01T00:00:00Z). */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private Instants() {
    }

    /** True when {@code instant} has no part finer than a microsecond. */
    static boolean isWholeMicros(Instant instant) {
        return instant.getNano() % 1_000 == 0;
    }

    /**
     * Microseconds since 2000-01-01T00:00:00Z, the binary form of {@code timestamptz}.
     *
     * @throws IllegalArgumentException when {@code instant} is finer than a microsecond
     * @throws ArithmeticException when it does not fit 64 bits of microseconds
     */
    static long postgresMicros(Instant instant) {
        if (!isWholeMicros(instant)) {
            throw new IllegalArgumentException("instant " + instant + " is finer than a microsecond");
        }
        long seconds = Math.subtractExact(instant.getEpochSecond(), POSTGRES_EPOCH_SECONDS);
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), instant.getNano() / 1_000);
    }

    /** The instant as a UTC parameter, dropping any sub-microsecond part. */
    static OffsetDateTime truncated(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /**
     * The instant as a UTC parameter, rounded up to the next whole microsecond: for a stored
     * (whole-microsecond) {@code t}, {@code t >= i} exactly when {@code t >= ceiling(i)}.
     */
    static OffsetDateTime ceiling(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return OffsetDateTime.ofInstant(micros.equals(instant) ? micros : micros.plusNanos(1_000), ZoneOffset.UTC);
    }

    /** The instant of a {@code timestamptz} read as {@link OffsetDateTime}, or null. */
    static Instant of(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
