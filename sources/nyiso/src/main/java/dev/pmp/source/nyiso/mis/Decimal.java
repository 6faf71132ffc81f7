package dev.pmp.source.nyiso.mis;

import java.nio.charset.StandardCharsets;

/** Parses the plain decimals of NYISO's files ({@code -12.34}, {@code 1140.5}, {@code 61757}) straight from bytes. */
final class Decimal {

    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private Decimal() {
    }

    /**
     * The number in {@code b[s, e)}, correctly rounded.
     *
     * @return {@link Double#NaN} when the bytes are not a finite decimal number
     */
    static double parse(byte[] b, int s, int e) {
        if (s >= e) {
            return Double.NaN;
        }
        int p = s;
        boolean negative = false;
        if (b[p] == '-' || b[p] == '+') {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        boolean any = false;
        for (; p < e; p++) {
            int c = b[p];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa != 0 || c != '0') {
                    digits++;
                }
                if (digits > 15) {
                    return slow(b, s, e);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else if (c == 'e' || c == 'E') {
                return slow(b, s, e);
            } else {
                return Double.NaN;
            }
        }
        if (!any || scale >= POWERS.length) {
            return any ? slow(b, s, e) : Double.NaN;
        }
        // Both operands are exact doubles (mantissa < 2^53, 10^scale <= 10^22), so one division rounds correctly.
        double v = scale == 0 ? mantissa : mantissa / POWERS[scale];
        return negative ? -v : v;
    }

    /** The integer in {@code b[s, e)}, or {@link Long#MIN_VALUE} when it is not one. */
    static long integer(byte[] b, int s, int e) {
        if (s >= e || e - s > 18) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (int p = s; p < e; p++) {
            int c = b[p];
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static double slow(byte[] b, int s, int e) {
        try {
            double v = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException x) {
            return Double.NaN;
        }
    }
}
