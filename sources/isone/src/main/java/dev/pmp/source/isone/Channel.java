package dev.pmp.source.isone;

/** The two ways ISO-NE serves the same data. */
enum Channel {
    /** Web Services API v1.1: JSON with explicit offsets, HTTP Basic authentication. */
    API,
    /** ISO Express CSV downloads: anonymous behind a session cookie and a {@code Referer}. */
    EXPRESS
}
