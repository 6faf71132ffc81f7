package dev.pmp.source.ercot;

import dev.pmp.source.ercot.time.ErcotTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * ERCOT's hour-ending labels (README section 1.1): hour ending {@code h} of an operating day is
 * {@code [h-1, h)} local, {@code 24} is the last hour of the same day. On the fall-back day the label
 * {@code 02} comes twice, the second flagged {@code Y} (standard time). On the spring-forward day most
 * reports skip {@code 03}; a report that uses it instead of {@code 02} names the same hour. The rule
 * itself lives in {@link ErcotTime#labelStart}, shared with the report parsers. Stateless.
 */
final class HourEnding {

    static final Duration HOUR = Duration.ofHours(1);

    private HourEnding() {
    }

    /**
     * The start of hour ending {@code hourEnding} on {@code day}; the hour ends one hour of absolute time
     * later.
     *
     * @param repeated whether the row carries {@code dstFlag} {@code Y}: picks the later (standard-time)
     *     occurrence of a local time the fall-back repeats
     */
    static Instant start(LocalDate day, int hourEnding, boolean repeated, ZoneId zone) {
        return ErcotTime.labelStart(day.atStartOfDay().plusHours(hourEnding - 1L), repeated, zone);
    }
}
