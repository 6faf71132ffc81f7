package dev.pmp.source.ercot.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Parses ERCOT's cell formats straight from bytes, without building strings. Every method throws
 * {@link IllegalArgumentException} with the offending text when the cell does not fit its format.
 */
final class Ascii {

    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Ascii() {
    }

    static String string(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    /**
     * A decimal number. Up to 15 significant digits and 22 decimals are converted exactly by one
     * correctly rounded division (the same double {@link Double#parseDouble} gives); anything else
     * (exponents, long mantissas) goes through {@link Double#parseDouble}. Not finite → exception.
     */
    static double number(byte[] b, int s, int e) {
        int p = s;
        boolean negative = false;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = 0;
        boolean point = false;
        boolean simple = p < e;
        boolean any = false;
        for (; p < e; p++) {
            int c = b[p];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa == 0 && c == '0') {
                    if (point) {
                        decimals++;
                    }
                    continue;
                }
                if (++digits > 15) {
                    simple = false;
                    break;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    decimals++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                simple = false;
                break;
            }
        }
        if (simple && any && decimals <= 22) {
            double v = decimals == 0 ? (double) mantissa : mantissa / POWERS[decimals];
            return negative ? -v : v;
        }
        String text = string(b, s, e);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number");
        }
        if (!Double.isFinite(v) || text.endsWith("d") || text.endsWith("D") || text.endsWith("f") || text.endsWith("F")) {
            throw new IllegalArgumentException("\"" + text + "\" is not a finite decimal number");
        }
        return v;
    }

    /** A non-negative integer of at most 9 digits. */
    static int integer(byte[] b, int s, int e) {
        if (s == e || e - s > 9) {
            throw new IllegalArgumentException("\"" + string(b, s, e) + "\" is not an integer");
        }
        int v = 0;
        for (int p = s; p < e; p++) {
            int c = b[p] - '0';
            if (c < 0 || c > 9) {
                throw new IllegalArgumentException("\"" + string(b, s, e) + "\" is not an integer");
            }
            v = v * 10 + c;
        }
        return v;
    }

    /**
     * An hour-ending label: {@code 01:00}, {@code 1:00}, {@code 24:00} or a bare {@code 1}; the minutes
     * must be {@code 00}. Range checks are the caller's.
     */
    static int hourEnding(byte[] b, int s, int e) {
        int colon = indexOf(b, s, e, (byte) ':');
        if (colon < 0) {
            return integer(b, s, e);
        }
        if (e - colon != 3 || b[colon + 1] != '0' || b[colon + 2] != '0' || colon - s > 2) {
            throw new IllegalArgumentException("\"" + string(b, s, e) + "\" is not an hour-ending label");
        }
        return integer(b, s, colon);
    }

    /** {@code HH:mm} as minutes after midnight ({@code 24:00} = 1440). */
    static int minutes(byte[] b, int s, int e) {
        int colon = indexOf(b, s, e, (byte) ':');
        if (colon < 0 || e - colon != 3 || colon - s < 1 || colon - s > 2) {
            throw new IllegalArgumentException("\"" + string(b, s, e) + "\" is not a time HH:mm");
        }
        int h = integer(b, s, colon);
        int m = integer(b, colon + 1, e);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw new IllegalArgumentException("\"" + string(b, s, e) + "\" is not a time HH:mm");
        }
        return h * 60 + m;
    }

    /** {@code MM/dd/yyyy} (CSV) or {@code yyyy-MM-dd} (API). */
    static LocalDate date(byte[] b, int s, int e) {
        try {
            if (e - s == 10 && b[s + 2] == '/' && b[s + 5] == '/') {
                return LocalDate.of(integer(b, s + 6, s + 10), integer(b, s, s + 2), integer(b, s + 3, s + 5));
            }
            if (e - s == 10 && b[s + 4] == '-' && b[s + 7] == '-') {
                return LocalDate.of(integer(b, s, s + 4), integer(b, s + 5, s + 7), integer(b, s + 8, s + 10));
            }
        } catch (RuntimeException ex) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("\"" + string(b, s, e) + "\" is not a date MM/dd/yyyy or yyyy-MM-dd");
    }

    /**
     * The time part of a SCED stamp {@code MM/dd/yyyy HH:mm:ss} (CSV) or {@code yyyy-MM-ddTHH:mm:ss}
     * (API) as seconds after midnight; the date part is {@link #date} of the first 10 bytes.
     */
    static int secondOfDay(byte[] b, int s, int e) {
        if (e - s != 19 || (b[s + 10] != ' ' && b[s + 10] != 'T') || b[s + 13] != ':' || b[s + 16] != ':') {
            throw new IllegalArgumentException("\"" + string(b, s, e)
                    + "\" is not a timestamp MM/dd/yyyy HH:mm:ss or yyyy-MM-ddTHH:mm:ss");
        }
        int h = integer(b, s + 11, s + 13);
        int m = integer(b, s + 14, s + 16);
        int sec = integer(b, s + 17, s + 19);
        if (h > 23 || m > 59 || sec > 59) {
            throw new IllegalArgumentException("\"" + string(b, s, e) + "\" is not a valid time of day");
        }
        return h * 3600 + m * 60 + sec;
    }

    /** {@code Y}/{@code N} (CSV) or {@code true}/{@code false} (API, written as Y/N by the JSON reader). */
    static boolean flag(byte[] b, int s, int e) {
        if (e - s == 1) {
            if (b[s] == 'Y' || b[s] == 'y') {
                return true;
            }
            if (b[s] == 'N' || b[s] == 'n') {
                return false;
            }
        }
        throw new IllegalArgumentException("flag \"" + string(b, s, e) + "\" is not Y or N");
    }

    static boolean equals(byte[] a, int as, int ae, byte[] b, int bs, int be) {
        return java.util.Arrays.equals(a, as, ae, b, bs, be);
    }

    private static int indexOf(byte[] b, int s, int e, byte c) {
        for (int p = s; p < e; p++) {
            if (b[p] == c) {
                return p;
            }
        }
        return -1;
    }
}
