package dev.pmp.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one successful fetch writes, in one transaction: the rows (upserted by natural key),
 * the windows it covered, and its fetch-log line (the store fills in the row counts).
 *
 * @param dataset the dataset written
 * @param fetch the fetch-log line, without row counts
 * @param rows rows in schema order, at most one per natural key
 * @param covered windows now known to be complete as published
 * @param ingestedAt the {@code ingested_at_utc} of new and changed rows, and the time superseded
 *     versions were replaced
 */
public record Batch(Dataset dataset, FetchRecord fetch, List<Row> rows, List<Window> covered, Instant ingestedAt) {
    public Batch {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        rows = List.copyOf(rows);
        covered = List.copyOf(covered);
        if (!fetch.datasetId().equals(dataset.id())) {
            throw new IllegalArgumentException("fetch is for " + fetch.datasetId() + ", batch for " + dataset.id());
        }
    }
}
