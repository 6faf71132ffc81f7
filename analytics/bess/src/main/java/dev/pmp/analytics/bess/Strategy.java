package dev.pmp.analytics.bess;

/**
 * What a battery earns its money from over a period. With {@code energy = DA_ENERGY + RT_ENERGY} and {@code as = }
 * the sum of the ancillary products, the AS share is {@code as / (|energy| + |as|)}: below 1/3 the battery is
 * {@link #ARBITRAGE_LED}, above 2/3 {@link #AS_LED}, otherwise {@link #MIXED}. Absolute values keep a battery that
 * lost money on energy while earning AS from being called arbitrage-led.
 */
public enum Strategy {
    /** Energy revenue dominates: AS share below 1/3. */
    ARBITRAGE_LED,
    /** Ancillary services dominate: AS share above 2/3. */
    AS_LED,
    /** Neither dominates. */
    MIXED;

    /** The lower bound of {@link #AS_LED} and the upper bound of {@link #ARBITRAGE_LED}, as AS shares. */
    public static final double AS_LED_ABOVE = 2.0 / 3.0;
    /** AS share below which the battery is {@link #ARBITRAGE_LED}. */
    public static final double ARBITRAGE_LED_BELOW = 1.0 / 3.0;

    /**
     * The strategy for the given revenues in US dollars, or null when both are zero (nothing to classify).
     */
    public static Strategy classify(double energyUsd, double ancillaryUsd) {
        double denominator = Math.abs(energyUsd) + Math.abs(ancillaryUsd);
        if (denominator == 0) {
            return null;
        }
        double share = Math.abs(ancillaryUsd) / denominator;
        if (share < ARBITRAGE_LED_BELOW) {
            return ARBITRAGE_LED;
        }
        return share > AS_LED_ABOVE ? AS_LED : MIXED;
    }

    /** The label printed on the leaderboard. */
    public String label() {
        return switch (this) {
            case ARBITRAGE_LED -> "arbitrage-led";
            case AS_LED -> "AS-led";
            case MIXED -> "mixed";
        };
    }
}
