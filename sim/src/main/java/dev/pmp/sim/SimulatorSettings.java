package dev.pmp.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated operator behaves when no fault is injected.
 *
 * @param publicationLag how long after its label a sample first appears in {@code currentDay} (ERCOT:
 *     about 61 s, README §2.3); not negative
 * @param fallBackDefect whether to reproduce ERCOT's fall-back defect: the first sample of the repeated
 *     hour stamped {@code 02:00:00-0600} with flag {@code N} (README §2.3.2)
 */
public record SimulatorSettings(Duration publicationLag, boolean fallBackDefect) {

    /** Default {@link #publicationLag()}. */
    public static final Duration DEFAULT_PUBLICATION_LAG = Duration.ofSeconds(60);

    public SimulatorSettings {
        Objects.requireNonNull(publicationLag, "publicationLag");
        if (publicationLag.isNegative()) {
            throw new IllegalArgumentException("publicationLag must not be negative: " + publicationLag);
        }
    }

    /** 60 s publication lag, fall-back defect on: what ERCOT does. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(DEFAULT_PUBLICATION_LAG, true);
    }

    public SimulatorSettings withPublicationLag(Duration lag) {
        return new SimulatorSettings(lag, fallBackDefect);
    }

    public SimulatorSettings withFallBackDefect(boolean defect) {
        return new SimulatorSettings(publicationLag, defect);
    }
}
