package dev.pmp.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the fetch log: what was asked, what came back, what it did to the store.
 *
 * @param fetchId unique id of this fetch; stored with every row it wrote
 * @param datasetId the dataset
 * @param window the window asked for
 * @param url the URL fetched ({@code file:...} for an import)
 * @param fetchedAt when the response arrived (or the attempt ended)
 * @param httpStatus final HTTP status, 0 when none was received
 * @param bytes size of the raw payload as received, 0 when none
 * @param sha256 hex sha256 of the raw payload, null when none
 * @param archivePath where the raw payload was archived, null when it was not
 * @param duration wall time of fetch, parse and write
 * @param rowsInserted rows new to the store
 * @param rowsUpdated rows whose values changed (the old version went to the revision history)
 * @param rowsUnchanged rows already stored with the same values
 * @param failure the failure class, null on success
 * @param message a sentence about the outcome (quarantined spans, the error), empty when none
 */
public record FetchRecord(
        String fetchId,
        String datasetId,
        Window window,
        String url,
        Instant fetchedAt,
        int httpStatus,
        long bytes,
        String sha256,
        String archivePath,
        Duration duration,
        long rowsInserted,
        long rowsUpdated,
        long rowsUnchanged,
        Failure failure,
        String message) {

    public FetchRecord {
        Objects.requireNonNull(fetchId, "fetchId");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(message, "message");
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** This record with the row counts of a write. */
    public FetchRecord withCounts(WriteResult result) {
        return new FetchRecord(fetchId, datasetId, window, url, fetchedAt, httpStatus, bytes, sha256, archivePath,
                duration, result.inserted(), result.updated(), result.unchanged(), failure, message);
    }

    /** This record with another duration. */
    public FetchRecord withDuration(Duration newDuration) {
        return new FetchRecord(fetchId, datasetId, window, url, fetchedAt, httpStatus, bytes, sha256, archivePath,
                newDuration, rowsInserted, rowsUpdated, rowsUnchanged, failure, message);
    }
}
