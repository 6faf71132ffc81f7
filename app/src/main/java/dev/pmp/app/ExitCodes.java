package dev.pmp.app;

import dev.pmp.spi.Failure;

/** Process exit codes of {@code pmp}, after BSD sysexits where one fits. Documented in the README. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The command line was wrong. */
    public static final int USAGE = 64;
    /** A payload was malformed or failed validation (nothing wrong was stored), or data was quarantined. */
    public static final int BAD_DATA = 65;
    /** A source could not be reached or kept failing (timeouts, 429, 5xx, HTML instead of data). */
    public static final int SOURCE_FAILED = 69;
    /** An unexpected internal error. */
    public static final int INTERNAL = 70;
    /** Another pmp process holds the store; try again later. */
    public static final int STORE_BUSY = 75;
    /** Bad settings or credentials. */
    public static final int CONFIG = 78;

    private ExitCodes() {
    }

    /** The exit code that reports a failure class; data not yet published is the normal state of a poll. */
    public static int of(Failure failure) {
        return switch (failure) {
            case TRANSIENT -> SOURCE_FAILED;
            case NOT_PUBLISHED -> OK;
            case BAD_DATA -> BAD_DATA;
            case CONFIG -> CONFIG;
        };
    }
}
