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
     * How long after a window should have been published an answer of {@link Failure#NOT_PUBLISHED} for it
     * means the document will never come (a MISO market-report day that was never posted): past that, the
     * engine records the window as a source gap and moves on instead of asking again on every pass. Empty (the
     * default) keeps asking forever.
     */
    default java.util.Optional<java.time.Duration> absentAfter() {
        return java.util.Optional.empty();
    }
}
