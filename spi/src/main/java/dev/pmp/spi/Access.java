package dev.pmp.spi;

/** How a dataset's publisher lets us choose what a request returns. */
public enum Access {
    /** The request names the window it wants (an API with from/to, a file per day). */
    WINDOWED,
    /**
     * Every request returns the publisher's current rolling window (a dashboard showing yesterday and
     * today); the payload itself says what it covers, and nothing older can be had.
     */
    SNAPSHOT
}
