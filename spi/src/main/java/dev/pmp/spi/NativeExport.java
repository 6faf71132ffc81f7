package dev.pmp.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store's own Parquet export or fingerprint of a dataset's rows in a window found.
 *
 * @param rows the rows in the window
 * @param first the earliest grid time among them
 * @param last the latest grid time among them
 * @param fingerprint a store-defined digest of the rows' values and the schema: equal rows give equal
 *     fingerprints, and a changed value changes it in practice; prefixed with its algorithm's name
 */
public record NativeExport(long rows, Instant first, Instant last, String fingerprint) {

    public NativeExport {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
