package dev.pmp.source.isone;

import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.SourceException;

/** One channel's way to read one dataset: the request for a period and edition, and its reader. Immutable. */
interface Report {

    /** The request for {@code period} in {@code version}. */
    FetchRequest request(Period period, Version version);

    /**
     * Reads one answer into {@code sheet}.
     *
     * @throws SourceException {@code BAD_DATA} when the answer as a whole cannot be trusted
     */
    void read(Period period, Version version, FetchResponse response, Sheet sheet) throws SourceException;
}
