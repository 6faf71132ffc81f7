package dev.pmp.source.neso;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the cells of NESO's tables, whose formats differ between resources and years: dates as
 * {@code 2024-03-31}, {@code 2024-03-31T00:00:00}, {@code 31/03/2024}, {@code 1/4/2017} or {@code 01-Apr-19};
 * numbers as JSON numbers or text. Each read names what failed in an {@link IllegalArgumentException}.
 */
final class Cells {

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT);
    private static final DateTimeFormatter DAY_MONTH_NAME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-")
            .optionalStart().appendPattern("uuuu").optionalEnd()
            .toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH_NAME_SHORT_YEAR = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("d-MMM-yy").toFormatter(Locale.ENGLISH);

    private Cells() {
    }

    /**
     * A calendar date in any of the portal's formats; a time part must be midnight.
     *
     * @throws IllegalArgumentException when the text is no date in a known format
     */
    static LocalDate date(Object cell) {
        String text = text(cell);
        try {
            if (text.length() >= 10 && text.charAt(4) == '-') {
                LocalDate date = LocalDate.parse(text.substring(0, 10));
                String rest = text.substring(10);
                if (!rest.isEmpty() && !rest.matches("[T ]00:00(:00(\\.0+)?)?(Z|[+-]00:?00)?")) {
                    throw new IllegalArgumentException("\"" + text + "\" is a date with a time of day");
                }
                return date;
            }
            if (text.indexOf('/') > 0) {
                return LocalDate.parse(text, DAY_MONTH_YEAR);
            }
            if (text.indexOf('-') > 0) {
                return text.length() <= 9 ? LocalDate.parse(text, DAY_MONTH_NAME_SHORT_YEAR)
                        : LocalDate.parse(text, DAY_MONTH_NAME);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a date", e);
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a date in a known format");
    }

    /**
     * A date-time without zone ({@code 2024-03-31T01:00:00}, {@code 2024-03-31 01:00:00+00:00}); an offset,
     * when present, must be zero (the caller reads the value as UTC).
     */
    static LocalDateTime utcDateTime(Object cell) {
        String text = text(cell);
        String plain = text;
        if (plain.endsWith("Z")) {
            plain = plain.substring(0, plain.length() - 1);
        } else if (plain.length() > 19 && (plain.endsWith("+00:00") || plain.endsWith("+0000"))) {
            plain = plain.substring(0, plain.lastIndexOf('+'));
        }
        if (plain.length() >= 11 && plain.charAt(10) == ' ') {
            plain = plain.substring(0, 10) + 'T' + plain.substring(11);
        }
        try {
            return LocalDateTime.parse(plain);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a UTC date-time", e);
        }
    }

    /** A time of day {@code HH:mm} or {@code HH:mm:ss}. */
    static LocalTime time(Object cell) {
        String text = text(cell);
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time of day", e);
        }
    }

    /** A whole number (a JSON number or its text, {@code 48} or {@code 48.0}). */
    static long whole(Object cell) {
        Double d = number(cell);
        if (d == null || d != Math.rint(d)) {
            throw new IllegalArgumentException("\"" + cell + "\" is not a whole number");
        }
        return d.longValue();
    }

    /**
     * A number, or null for an empty cell.
     *
     * @throws IllegalArgumentException for text that is not a finite number
     */
    static Double number(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof Double d) {
            return d;
        }
        String text = cell.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below with the cell's text
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a number");
    }

    private static String text(Object cell) {
        if (cell == null) {
            throw new IllegalArgumentException("the cell is empty");
        }
        String text = cell.toString().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the cell is empty");
        }
        return text;
    }
}
