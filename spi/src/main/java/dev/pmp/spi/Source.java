package dev.pmp.spi;

import java.util.List;

/**
 * One operator ({@code ercot}, {@code elexon}, ...). Found with {@link java.util.ServiceLoader} from a
 * {@code META-INF/services/dev.pmp.spi.Source} file inside its own module. Does no I/O.
 */
public interface Source {

    /** Short lower-case name, the prefix of all its dataset ids. */
    String name();

    /** Every dataset this source can offer, configured or not. */
    List<Dataset> datasets();

    /**
     * The feed that reads one of this source's datasets with the given settings.
     *
     * @throws SourceException {@link Failure#CONFIG} when the settings do not allow it (missing
     *     credentials, a malformed URL); the message says what to set, and is shown as the reason
     *     the dataset is disabled
     */
    Feed feed(Dataset dataset, Settings settings) throws SourceException;

    /**
     * How this source's authenticated requests ({@link FetchRequest#authenticated()}) sign in, read from
     * the settings; empty when the source needs no credentials or they are not set (its feeds that need
     * them then refuse with {@link Failure#CONFIG} from {@link #feed}).
     *
     * @throws SourceException {@link Failure#CONFIG} when the settings are present but malformed
     */
    default java.util.Optional<Auth> auth(Settings settings) throws SourceException {
        return java.util.Optional.empty();
    }

    /**
     * The source's request budgets, as {@code "<n> per <second|minute|hour> [burst <b>]"}: the key
     * {@code ""} is the default budget, other keys name the budgets of {@link FetchRequest#budget()}. The
     * operator's published limits belong here; {@code PMP_RATE_<SOURCE>} overrides the default budget.
     */
    default java.util.Map<String, String> requestRates() {
        return java.util.Map.of("", "60 per minute burst 10");
    }

    /** How this source's datasets feed the cross-operator {@link StandardTable}s. */
    default List<StandardMapping> standardMappings() {
        return List.of();
    }
}
