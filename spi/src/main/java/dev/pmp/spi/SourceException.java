package dev.pmp.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The one error type of sources and the fetch path, classified by {@link Failure}. */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final transient Duration retryAfter;
    private final boolean windowTooLong;

    public SourceException(Failure failure, String message) {
        this(failure, message, null, null);
    }

    public SourceException(Failure failure, String message, Throwable cause) {
        this(failure, message, cause, null);
    }

    /**
     * @param retryAfter how long the publisher asked us to wait (HTTP {@code Retry-After}), or null
     */
    public SourceException(Failure failure, String message, Throwable cause, Duration retryAfter) {
        this(failure, message, cause, retryAfter, false);
    }

    private SourceException(Failure failure, String message, Throwable cause, Duration retryAfter, boolean windowTooLong) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.retryAfter = retryAfter;
        this.windowTooLong = windowTooLong;
    }

    /**
     * The operator refused the request because its window is too long (CAISO OASIS {@code ERR_CODE} 1004):
     * the engine splits the window in two and asks for each half, down to one interval, before it treats
     * this as {@link Failure#BAD_DATA}.
     */
    public static SourceException windowTooLong(String message) {
        return new SourceException(Failure.BAD_DATA, message, null, null, true);
    }

    /** Whether this is {@link #windowTooLong}: asking again for shorter windows may succeed. */
    public boolean isWindowTooLong() {
        return windowTooLong;
    }

    public Failure failure() {
        return failure;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
