package dev.pmp.spi;

/** The class of a failure, decided once where it happens; it alone decides what the engine does. */
public enum Failure {
    /** Timeouts, connection errors, 429, 5xx: retried with backoff, then reported. */
    TRANSIENT,
    /** The data is not there yet: tried again at the next poll, no alarm. */
    NOT_PUBLISHED,
    /** Unparseable or invalid payload: raw bytes kept, reported, nothing stored, progress not advanced. */
    BAD_DATA,
    /** Bad credentials or settings: fail loudly, do not retry. */
    CONFIG
}
