package dev.pmp.source.nyiso.mis;

/**
 * Boxes the values of parsed rows through a shared cache: prices, losses and loads repeat across the
 * locations and intervals of a month, so a million-row archive keeps a few thousand {@link Double}s
 * instead of millions. Thread-safe: entries are immutable {@code Double}s (final field), and a lost race
 * only costs a fresh box.
 */
public final class Numbers {

    private static final int SIZE = 1 << 16;
    private static final Double[] CACHE = new Double[SIZE];

    private Numbers() {
    }

    /** The boxed value, or null for {@link Double#NaN} (an empty cell). */
    public static Double box(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        long bits = Double.doubleToRawLongBits(v);
        int i = (int) (bits ^ (bits >>> 23) ^ (bits >>> 41)) & (SIZE - 1);
        Double cached = CACHE[i];
        if (cached != null && Double.doubleToRawLongBits(cached) == bits) {
            return cached;
        }
        Double boxed = v;
        CACHE[i] = boxed;
        return boxed;
    }
}
