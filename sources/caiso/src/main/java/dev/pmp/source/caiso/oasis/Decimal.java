package dev.pmp.source.caiso.oasis;

import java.nio.charset.StandardCharsets;

/** Byte-level parsing of the plain decimals OASIS and the Outlook CSVs write ({@code -12.34567}). */
public final class Decimal {
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Decimal() {
    }

    /**
     * The number in {@code b[s, e)}, surrounding blanks ignored; NaN when it is empty or not a number;
     * negative zero is read as zero.
     * Plain decimals with up to 15 significant digits are computed exactly as {@link Double#parseDouble}
     * would (one correctly rounded division); anything else (exponents, longer digits) goes through it.
     */
    public static double parse(byte[] b, int s, int e) {
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        if (s == e) {
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
        int scale = -1;
        boolean any = false;
        for (; p < e; p++) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa != 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return slow(b, s, e);
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (digits > 15 || scale > 22) {
            return slow(b, s, e);
        }
        double v = scale > 0 ? mantissa / POWERS[scale] : mantissa;
        // "-0" is zero: a sign on zero must not look like a revision
        return negative && v != 0 ? -v : v;
    }

    private static double slow(byte[] b, int s, int e) {
        String text = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        // parseDouble also reads "NaN", "Infinity" and hex; only decimal numbers are data here.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double v = Double.parseDouble(text);
            return v == 0 ? 0.0 : v;
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }
}
