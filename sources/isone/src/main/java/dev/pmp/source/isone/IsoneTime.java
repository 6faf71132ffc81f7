package dev.pmp.source.isone;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** How ISO-NE labels time: API stamps with explicit offsets, CSV hour-ending labels with {@code 02X}. */
final class IsoneTime {

    /** ISO-NE's market time zone (prevailing Eastern time). */
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");

    private IsoneTime() {
    }

    /**
     * Parses an API stamp such as {@code 2024-11-03T01:00:00.000-05:00}; its own offset makes it
     * unambiguous on both DST days.
     *
     * @return the instant, or null when the text is not such a stamp
     */
    static Instant apiInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A CSV date {@code MM/DD/YYYY}, or null. */
    static LocalDate csvDate(String text) {
        try {
            return LocalDate.parse(text.strip(), CSV_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The start of the hour labelled {@code hourEnding} ({@code 01}..{@code 24}, or {@code 02X} for the
     * repeated hour of the fall-back day) on {@code day}.
     *
     * @return the instant, or null when the label does not name an hour of that day (an hour-ending
     *     {@code 03} on the spring-forward day names the skipped hour 02:00 and is null)
     */
    static Instant hourEndingStart(LocalDate day, String hourEnding) {
        String label = hourEnding.strip();
        boolean repeated = label.endsWith("X") || label.endsWith("x");
        int he;
        try {
            he = Integer.parseInt(repeated ? label.substring(0, label.length() - 1) : label);
        } catch (NumberFormatException e) {
            return null;
        }
        if (he < 1 || he > 24) {
            return null;
        }
        LocalDateTime start = day.atTime(he - 1, 0);
        List<ZoneOffset> offsets = ZONE.getRules().getValidOffsets(start);
        if (offsets.isEmpty()) {
            return null;
        }
        if (repeated) {
            // 02X: the second (standard-time) 01:00-02:00 of the fall-back day.
            return offsets.size() == 2 ? start.atOffset(offsets.get(1)).toInstant() : null;
        }
        return start.atOffset(offsets.get(0)).toInstant();
    }

    /** Local midnight starting {@code day}. */
    static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The local day an instant falls on. */
    static LocalDate localDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /**
     * The instant of a local wall-clock time that may repeat on the fall-back day.
     *
     * @param later whether the second occurrence (standard time) is meant
     */
    static Instant local(LocalDate day, LocalTime time, boolean later) {
        ZonedDateTime z = ZonedDateTime.of(day, time, ZONE);
        return (later ? z.withLaterOffsetAtOverlap() : z.withEarlierOffsetAtOverlap()).toInstant();
    }

    static SourceException badData(String message) {
        return new SourceException(Failure.BAD_DATA, message);
    }
}
