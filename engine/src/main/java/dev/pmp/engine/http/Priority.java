package dev.pmp.engine.http;

/** Which work a request serves; live work is served first when a source's request budget is short. */
public enum Priority {
    /** Keeping up with what the operator publishes now: goes ahead of waiting backfill requests. */
    LIVE,
    /** Filling history: takes a permit only while no live request is waiting for one. */
    BACKFILL
}
