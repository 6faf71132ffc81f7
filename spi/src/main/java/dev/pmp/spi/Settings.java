package dev.pmp.spi;

import java.util.Optional;

/**
 * Read access to the operator's configuration (environment {@code PMP_...} variables, config file,
 * flags), already merged by the application. A source reads what it needs once, into its own record.
 */
@FunctionalInterface
public interface Settings {

    /** The value of a key such as {@code PMP_ERCOT_DASHBOARD_URL}, if set and not blank. */
    Optional<String> value(String key);
}
