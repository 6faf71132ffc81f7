package dev.pmp.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Reading and writing times on the command line and in exports. */
public final class Times {
    /** ISO-8601 UTC with seconds, e.g. {@code 2025-11-08T06:00:00Z}. */
    public static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

    private static final DateTimeFormatter OFFSET_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter();
    private static final DateTimeFormatter OFFSET_TIME_COMPACT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter();

    private Times() {
    }

    public static String format(Instant instant) {
        return UTC.format(instant);
    }

    /**
     * Reads a time argument: an instant with offset ({@code 2025-11-08T06:00:00Z}, {@code 2025-11-08 00:00:00-06:00}),
     * a local date-time or a date, both read in the dataset's market zone (a date means its local midnight).
     */
    public static Instant parse(String text, ZoneId marketZone) {
        String t = text.trim();
        try {
            return parseWithOffset(t);
        } catch (DateTimeParseException ignored) {
            // not an instant with offset; try local forms below
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).atZone(marketZone).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(t).atStartOfDay(marketZone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read time '" + text
                    + "': use 2025-11-08T06:00:00Z, 2025-11-08T00:00 (market time) or 2025-11-08");
        }
    }

    /** An instant written with an explicit offset ({@code Z}, {@code -05:00} or {@code -0500}). */
    public static Instant parseWithOffset(String t) {
        try {
            return OffsetDateTime.parse(t, OFFSET_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(t, OFFSET_TIME_COMPACT).toInstant();
        }
    }

    /**
     * A double as its shortest decimal that reads back to the same value, without exponent and without a
     * trailing {@code .0}: {@code -1048.823}, {@code 23}, {@code 0.001}.
     */
    public static String number(double d) {
        String s = Double.toString(d);
        if (s.indexOf('E') >= 0) {
            s = new java.math.BigDecimal(s).toPlainString();
        }
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.equals("-0") ? "0" : s;
    }
}
