package dev.pmp.engine.ledger;

/** Why expected intervals are missing. */
public enum GapKind {
    /** Never fetched successfully: ours to fill with a backfill or the next update. */
    MISSING,
    /** Fetched successfully, but the operator published nothing for these intervals. */
    SOURCE_GAP
}
