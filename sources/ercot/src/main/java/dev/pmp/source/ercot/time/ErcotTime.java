package dev.pmp.source.ercot.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * The one place that turns a single ERCOT time label into an instant (README section 1.1). Every
 * method is a pure function of its arguments; file-level rules (hour 25, row order, both spring labels
 * in one file) live in {@link LabelClock}. Stateless and thread-safe.
 *
 * <p>Rules: a start label is the naive local start; a local time the fall-back repeats takes the earlier
 * offset ({@code -05:00}) unless the row is flagged repeated ({@code Y}/{@code true}), which takes the
 * later ({@code -06:00}); a start label inside the spring-forward gap is taken one hour later and
 * stepped back one hour of absolute time, so HE03 names the same hour as HE02 on that day.
 */
public final class ErcotTime {

    /** Central Prevailing Time, the zone every ERCOT label is written in. */
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    private ErcotTime() {
    }

    /**
     * The instant a naive local start label names, in {@code zone}.
     *
     * @param repeated whether the row carries the repeated-hour flag: picks the later (standard-time)
     *     occurrence of a local time the fall-back repeats; ignored for other local times
     */
    public static Instant labelStart(LocalDateTime naive, boolean repeated, ZoneId zone) {
        if (zone.getRules().getValidOffsets(naive).isEmpty()) {
            // Inside the spring-forward gap: Java would shift forward onto the next label's hour. Take the
            // label one hour later (which exists) and step back an hour of absolute time instead.
            return naive.plusHours(1).atZone(zone).toInstant().minus(HOUR);
        }
        ZonedDateTime local = naive.atZone(zone);
        return (repeated ? local.withLaterOffsetAtOverlap() : local.withEarlierOffsetAtOverlap()).toInstant();
    }

    /** Start of hour ending {@code hourEnding} (1..24) on {@code day}; the hour ends 1 h of absolute time later. */
    public static Instant hourEndingStart(LocalDate day, int hourEnding, boolean repeated) {
        checkRange("hour ending", hourEnding, 1, 24);
        return labelStart(day.atStartOfDay().plusHours(hourEnding - 1L), repeated, ZONE);
    }

    /**
     * Start of interval {@code interval} (1..4) of delivery hour {@code deliveryHour} (1..24, hour ending)
     * on {@code day}; the interval ends 15 minutes of absolute time later.
     */
    public static Instant deliveryIntervalStart(LocalDate day, int deliveryHour, int interval, boolean repeated) {
        checkRange("delivery hour", deliveryHour, 1, 24);
        checkRange("delivery interval", interval, 1, 4);
        return labelStart(day.atStartOfDay().plusMinutes((deliveryHour - 1L) * 60 + (interval - 1L) * 15), repeated,
                ZONE);
    }

    /**
     * End of the 15-minute interval a time-ending label ({@code TimeEnding}, NP6-235-CD) names: date plus
     * the label, localised with the flag; {@code 24:00} is the next midnight. The interval starts 15 minutes
     * of absolute time earlier. The spring-forward gap's start ({@code 02:00}) is the transition instant,
     * the same end ERCOT labels {@code 03:00}.
     *
     * @throws IllegalArgumentException for a label strictly inside the spring-forward gap
     */
    public static Instant timeEndingEnd(LocalDate day, int minuteOfDay, boolean repeated) {
        checkRange("time ending minute", minuteOfDay, 1, 24 * 60);
        LocalDateTime naive = day.atStartOfDay().plusMinutes(minuteOfDay);
        ZoneOffsetTransition t = ZONE.getRules().getTransition(naive);
        if (t != null && t.isGap()) {
            if (naive.equals(t.getDateTimeBefore())) {
                return t.getInstant();
            }
            throw new IllegalArgumentException("time ending " + naive.toLocalTime() + " on " + day
                    + " does not exist (spring-forward gap)");
        }
        ZonedDateTime local = naive.atZone(ZONE);
        return (repeated ? local.withLaterOffsetAtOverlap() : local.withEarlierOffsetAtOverlap()).toInstant();
    }

    /**
     * The instant of a SCED run stamp ({@code MM/dd/yyyy HH:mm:ss} in the CSV), localised with the
     * repeated-hour flag.
     *
     * @throws IllegalArgumentException for a stamp inside the spring-forward gap: SCED never runs at a
     *     local time that does not exist
     */
    public static Instant scedTime(LocalDateTime stamp, boolean repeated) {
        if (ZONE.getRules().getValidOffsets(stamp).isEmpty()) {
            throw new IllegalArgumentException("SCED timestamp " + stamp + " does not exist (spring-forward gap)");
        }
        ZonedDateTime local = stamp.atZone(ZONE);
        return (repeated ? local.withLaterOffsetAtOverlap() : local.withEarlierOffsetAtOverlap()).toInstant();
    }

    /**
     * Start of the 15-minute interval whose end minus one second is {@code stamp} (60-day SMNE
     * {@code Interval Time}): {@code stamp + 1 s - 15 min} in absolute time, so an interval that ends at the
     * fall-back or spring-forward transition keeps its 15 minutes. Localise the stamp with {@link #scedTime}.
     */
    public static Instant endStampStart(Instant stamp) {
        return stamp.plusSeconds(1).minus(QUARTER_HOUR);
    }

    /** Whether {@code day} is a spring-forward day (23 hours) in America/Chicago. */
    public static boolean isSpringForward(LocalDate day) {
        return hours(day) == 23;
    }

    /** Whether {@code day} is a fall-back day (25 hours) in America/Chicago. */
    public static boolean isFallBack(LocalDate day) {
        return hours(day) == 25;
    }

    /** Length of the operating day in hours: 23, 24 or 25. */
    public static int hours(LocalDate day) {
        return (int) Duration.between(day.atStartOfDay(ZONE), day.plusDays(1).atStartOfDay(ZONE)).toHours();
    }

    /** Whether the repeated-hour flag may be set on a naive local time: only inside the fall-back overlap. */
    static boolean isAmbiguous(LocalDateTime naive) {
        return ZONE.getRules().getValidOffsets(naive).size() > 1;
    }

    /** The offset every local time of {@code day} has, or null when the day holds a transition. */
    static ZoneOffset uniformOffset(LocalDate day) {
        ZoneOffset first = ZONE.getRules().getOffset(day.atStartOfDay());
        ZoneOffset last = ZONE.getRules().getOffset(day.atTime(23, 59, 59));
        return first.equals(last) ? first : null;
    }

    private static void checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + min + ".." + max);
        }
    }
}
