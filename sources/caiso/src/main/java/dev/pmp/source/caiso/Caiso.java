package dev.pmp.source.caiso;

import java.time.Duration;
import java.time.ZoneId;

/** Facts every CAISO dataset shares. */
final class Caiso {
    /** CAISO labels its operating days in Pacific time. */
    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    /**
     * How long OASIS keeps data online: about 39 months (gridstatus' tests see 1,000 days back served
     * and 1,201 days back answered with ERR_CODE 1000); older history is unavailable at the source.
     */
    static final Duration OASIS_RETENTION = Duration.ofDays(1180);

    /** The {@code iso} of the standard tables. */
    static final String ISO = "CAISO";

    private Caiso() {
    }
}
