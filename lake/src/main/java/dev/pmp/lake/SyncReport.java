package dev.pmp.lake;

import java.util.Objects;

/**
 * What one {@link Lake#sync} did to one dataset.
 *
 * @param datasetId the dataset
 * @param written partitions whose Parquet file was (re)written
 * @param unchanged partitions whose rows matched their manifest and were left alone
 * @param rows rows of the dataset now in the lake (written and unchanged partitions together)
 */
public record SyncReport(String datasetId, int written, int unchanged, long rows) {
    public SyncReport {
        Objects.requireNonNull(datasetId, "datasetId");
        if (written < 0 || unchanged < 0 || rows < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
