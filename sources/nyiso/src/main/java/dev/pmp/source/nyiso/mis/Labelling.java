package dev.pmp.source.nyiso.mis;

/** What a file's {@code Time Stamp} means (spec §1 table). */
public enum Labelling {
    /** The start of an interval of the file's cadence (day-ahead and hourly files). */
    INTERVAL_START,
    /** The end of an interval of the file's cadence ({@code realtime}, {@code rtasp}). */
    INTERVAL_END,
    /** An instantaneous reading ({@code pal}, {@code rtfuelmix}); may lie off the 5-minute grid. */
    INSTANT
}
