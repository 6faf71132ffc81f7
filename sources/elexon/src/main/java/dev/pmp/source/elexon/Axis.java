package dev.pmp.source.elexon;

import dev.pmp.spi.TimeShape;

/** What places an Insights row on its dataset's grid. */
enum Axis {
    /**
     * The settlement period: {@code interval_start_utc} is {@code startTime} when the row has one, else
     * the start of ({@code settlementDate}, {@code settlementPeriod[From]}); 30 minutes long.
     */
    SETTLEMENT_PERIOD(TimeShape.INTERVAL),
    /** The row's own 5-minute {@code startTime} (FUELINST). */
    START_TIME(TimeShape.INTERVAL),
    /** An instant field of the row is {@code time_utc} (FREQ {@code measurementTime}). */
    POINT(TimeShape.POINT),
    /**
     * The publication slot: the cadence-long interval that holds the row's reference time (its
     * {@code publishTime}, or {@code submissionDateTime}, or {@code time}); that instant is also a key
     * column, so every publication is kept.
     */
    SLOT(TimeShape.INTERVAL);

    private final TimeShape shape;

    Axis(TimeShape shape) {
        this.shape = shape;
    }

    TimeShape shape() {
        return shape;
    }
}
