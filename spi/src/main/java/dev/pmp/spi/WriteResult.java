package dev.pmp.spi;

/** What one batch did: rows new, rows changed (old version kept as a revision), rows already there. */
public record WriteResult(long inserted, long updated, long unchanged) {

    public static final WriteResult NONE = new WriteResult(0, 0, 0);

    public WriteResult {
        if (inserted < 0 || updated < 0 || unchanged < 0) {
            throw new IllegalArgumentException("negative row count");
        }
    }

    public WriteResult plus(WriteResult other) {
        return new WriteResult(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
    }

    public long total() {
        return inserted + updated + unchanged;
    }
}
