package dev.pmp.source.elexon;

/**
 * The time filter an Insights dataset endpoint takes (spec §2.5). Every filter is inclusive at both ends,
 * so a request for {@code [start, end)} asks up to the last second (or settlement period) before
 * {@code end}: adjacent windows then never ask for the same instant twice.
 */
enum Family {
    /** {@code publishDateTimeFrom}/{@code To}, required. */
    P,
    /** {@code publishDateTimeFrom}/{@code To}, optional (without them: the latest publication). */
    O,
    /**
     * {@code from}/{@code to} plus {@code settlementPeriodFrom}/{@code To}: with the period filters the
     * {@code from}/{@code to} values are settlement dates, their time part ignored.
     */
    F,
    /** Single settlement period endpoints whose {@code /stream} form takes the {@link #F} range. */
    S,
    /** {@code settlementDateFrom}/{@code settlementPeriodFrom}/{@code settlementDateTo}/{@code settlementPeriodTo} (TUDM stream). */
    U,
    /** {@code measurementDateTimeFrom}/{@code To} (FREQ). */
    M,
    /**
     * FUELINST/FUELHH: publish-time or settlement-date filters, never both; these feeds use
     * {@code settlementDateFrom}/{@code To} and the {@code settlementPeriod} list.
     */
    X,
    /** Plain {@code from}/{@code to} on the dataset's own reference time (NONBM, SEL, SIL). */
    T,
    /** {@code submissionDateTimeFrom}/{@code To} (RZDF, RZDR). */
    Z
}
