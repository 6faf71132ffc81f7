package dev.pmp.source.elexon;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads Insights date-times and dates. Real payloads carry {@code 2024-05-01T23:55:09Z}; the spec's
 * examples {@code 2022-06-25T13:00:00.0000000+00:00} and {@code 2023-07-12 05:00:00Z} (spec §2.1): both are read, the first without
 * allocating anything but the {@link Instant}. A date-time without an offset is refused: it would be a
 * local time without its instant.
 */
final class Instants {
    private Instants() {
    }

    /** The instant written in {@code chars[offset, offset + length)}, or null when it is not an RFC 3339 date-time. */
    static Instant instant(char[] c, int o, int len) {
        if (len == 20 && c[o + 4] == '-' && c[o + 7] == '-' && c[o + 10] == 'T' && c[o + 13] == ':' && c[o + 16] == ':'
                && c[o + 19] == 'Z') {
            int y = digits(c, o, 4);
            int mo = digits(c, o + 5, 2);
            int d = digits(c, o + 8, 2);
            int h = digits(c, o + 11, 2);
            int mi = digits(c, o + 14, 2);
            int s = digits(c, o + 17, 2);
            if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60) {
                try {
                    long day = LocalDate.of(y, mo, d).toEpochDay();
                    return Instant.ofEpochSecond(day * 86_400L + h * 3600L + mi * 60L + s);
                } catch (DateTimeException e) {
                    return null;
                }
            }
            return null;
        }
        // The spec's own examples also write a space for the T ("2023-07-12 05:00:00Z", AGPT).
        String text = len > 10 && c[o + 10] == ' ' ? new String(c, o, 10) + 'T' + new String(c, o + 11, len - 11) : new String(c, o, len);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The date written as {@code yyyy-MM-dd}, or null. */
    static LocalDate date(char[] c, int o, int len) {
        if (len != 10 || c[o + 4] != '-' || c[o + 7] != '-') {
            return null;
        }
        int y = digits(c, o, 4);
        int mo = digits(c, o + 5, 2);
        int d = digits(c, o + 8, 2);
        if (y < 0 || mo < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y, mo, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The instant as the API's query parameters want it: {@code 2024-05-01T23:55:09Z}. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static int digits(char[] c, int o, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[o + i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
