package dev.pmp.analytics.bess;

/** How complete the figures of one resource-day are. Only {@link #COMPLETE} and {@link #PARTIAL} carry revenue. */
public enum DayStatus {
    /** Every stream computed over every interval of the day. */
    COMPLETE,
    /**
     * Computed, but some intervals or streams lacked an input, or a part of the settlement is not in the public
     * data (a PWRSTR without a paired load resource); the gaps say which. Figures cover only what was available.
     */
    PARTIAL,
    /** The day is inside the 60-day publication lag (or the prices' delay): not published yet. No figures. */
    NOT_PUBLISHED,
    /** The day should be published but the store lacks the data for it. No figures. */
    MISSING;

    /** Whether this day carries revenue figures. */
    public boolean computed() {
        return switch (this) {
            case COMPLETE, PARTIAL -> true;
            case NOT_PUBLISHED, MISSING -> false;
        };
    }
}
