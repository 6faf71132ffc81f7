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
}
