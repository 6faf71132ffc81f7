package dev.pmp.source.caiso.oasis;

/**
 * Byte-level parsing of OASIS' {@code *_GMT} stamps, {@code 2025-11-02T09:00:00-00:00} (also with
 * {@code Z} or another {@code ±HH:MM} offset), into epoch seconds. Remembers the last stamp parsed, since
 * a report repeats each stamp for every node. One thread; one instance per file.
 */
public final class GmtTime {
    /** Returned for a stamp that is not of that form. */
    public static final long INVALID = Long.MIN_VALUE;

    private final byte[] last = new byte[32];
    private int lastLength = -1;
    private long lastValue;

    /** The instant in {@code b[s, e)} as epoch seconds, or {@link #INVALID}. */
    public long epochSecond(byte[] b, int s, int e) {
        int n = e - s;
        if (n == lastLength && java.util.Arrays.equals(last, 0, n, b, s, e)) {
            return lastValue;
        }
        long v = parse(b, s, e);
        if (v != INVALID && n <= last.length) {
            System.arraycopy(b, s, last, 0, n);
            lastLength = n;
            lastValue = v;
        }
        return v;
    }

    private static long parse(byte[] b, int s, int e) {
        int n = e - s;
        if (n < 19 || b[s + 4] != '-' || b[s + 7] != '-' || (b[s + 10] != 'T' && b[s + 10] != ' ')
                || b[s + 13] != ':' || b[s + 16] != ':') {
            return INVALID;
        }
        int year = digits(b, s, 4);
        int month = digits(b, s + 5, 2);
        int day = digits(b, s + 8, 2);
        int hour = digits(b, s + 11, 2);
        int minute = digits(b, s + 14, 2);
        int second = digits(b, s + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return INVALID;
        }
        int offsetSeconds;
        int rest = n - 19;
        if (rest == 0 || rest == 1 && b[s + 19] == 'Z') {
            offsetSeconds = 0;
        } else if (rest == 6 && (b[s + 19] == '-' || b[s + 19] == '+') && b[s + 22] == ':') {
            int oh = digits(b, s + 20, 2);
            int om = digits(b, s + 23, 2);
            if (oh < 0 || om < 0) {
                return INVALID;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (b[s + 19] == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        long days = daysFromCivil(year, month, day);
        return days * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    }

    private static int digits(byte[] b, int s, int count) {
        int v = 0;
        for (int i = 0; i < count; i++) {
            int d = b[s + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }
}
