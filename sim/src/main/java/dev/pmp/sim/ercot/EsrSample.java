package dev.pmp.sim.ercot;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One row of the simulated dashboard: when the sample was really taken and how it is labelled. The two
 * differ only on the row that reproduces ERCOT's fall-back defect.
 *
 * @param instant when the sample was taken; decides publication and withholding
 * @param label wall-clock time written in {@code tagCLastTime} and {@code timestamp}
 * @param labelOffset UTC offset written after {@code label} in {@code timestamp}
 * @param epochMillis value of {@code epoch}: the instant of the label, in ms since the Unix epoch
 * @param repeatedHour value of {@code dstFlag}: {@code true} is written {@code "Y"}
 * @param values the MW values of the row
 */
public record EsrSample(Instant instant, LocalDateTime label, ZoneOffset labelOffset, long epochMillis,
        boolean repeatedHour, EsrValues values) {

    public EsrSample {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(labelOffset, "labelOffset");
        Objects.requireNonNull(values, "values");
    }
}
