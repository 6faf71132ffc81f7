package dev.pmp.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The one error type of sources and the fetch path, classified by {@link Failure}. */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final transient Duration retryAfter;

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
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.retryAfter = retryAfter;
    }

    public Failure failure() {
        return failure;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
