package dev.pmp.engine.pipeline;

import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.SourceException;

/** Performs a feed's request with retries and the source's request budget. Safe to call from many threads. */
@FunctionalInterface
public interface Transport {

    /**
     * @param source the source name, which selects the request budget
     * @param live true for live updates, false for backfill (live work goes first)
     * @throws SourceException classified; transient failures only after the retries are spent
     */
    Transfer fetch(String source, FetchRequest request, boolean live) throws SourceException;
}
