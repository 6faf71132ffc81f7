package dev.pmp.spi;

/**
 * How to read one dataset, as pure functions: a feed never sleeps, retries, reads the clock or touches
 * storage, so it is tested with a recorded payload and nothing else. Instances are immutable and safe
 * to share between threads.
 */
public interface Feed {

    /** The dataset this feed fills. */
    Dataset dataset();

    /**
     * Describes the HTTP call for one window. For a {@link Access#SNAPSHOT} dataset the window is only a
     * hint: the publisher decides what comes back.
     */
    FetchRequest request(Window window);

    /**
     * Turns one response into rows.
     *
     * @param window the window that was requested
     * @param response the checked, decompressed response
     * @throws SourceException {@link Failure#BAD_DATA} when the payload as a whole cannot be trusted,
     *     {@link Failure#NOT_PUBLISHED} when it says the data is not there yet
     */
    Parsed parse(Window window, FetchResponse response) throws SourceException;

    /**
     * Turns one response into rows a part at a time, handing each part to {@code parts} as soon as it is read,
     * so a large document (a month's bundle of millions of rows) is checked and written in bounded memory.
     * Each part is a complete {@link Parsed}: its rows, the windows they vouch for, its notes. Parts come in
     * document order; a row of a later part replaces a row of an earlier part with the same natural key, as a
     * later fetch would (a re-post inside a bundle). A failure thrown here after some parts were accepted
     * leaves those parts stored and the rest of the document unread. The default reads the response with
     * {@link #parse} as one part.
     *
     * @return the request to make next for the same window (the last part's {@link Parsed#next()})
     * @throws SourceException as {@link #parse}, or as thrown by {@code parts}
     * @throws StoreException as thrown by {@code parts}
     */
    default java.util.Optional<FetchRequest> parseParts(Window window, FetchResponse response, Parts parts)
            throws SourceException, StoreException {
        Parsed all = parse(window, response);
        parts.accept(all);
        return all.next();
    }

    /** Receives the parts of one response from {@link #parseParts}, in order. */
    @FunctionalInterface
    interface Parts {
        /** Checks and keeps one part; throwing stops the reading of the response. */
        void accept(Parsed part) throws SourceException, StoreException;
    }

    /**
     * How long after a window should have been published an answer of {@link Failure#NOT_PUBLISHED} for it
     * means the document will never come (a MISO market-report day that was never posted): past that, the
     * engine records the window as a source gap and moves on instead of asking again on every pass. Empty (the
     * default) keeps asking forever.
     */
    default java.util.Optional<java.time.Duration> absentAfter() {
        return java.util.Optional.empty();
    }
}
