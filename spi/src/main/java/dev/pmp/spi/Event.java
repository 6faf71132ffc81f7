package dev.pmp.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification in the store's outbox: kept in the store until a notifier has delivered it, so an
 * outage of Kafka or a webhook neither blocks collection nor loses events.
 *
 * @param seq the outbox's sequence number, ascending in order of appending; 0 before it is appended
 * @param type what happened ({@code rows_arrived}, {@code rows_revised}, {@code gap_found}, {@code gap_filled},
 *     {@code dataset_late}, {@code fetch_failed}, {@code schema_drift})
 * @param datasetId the dataset it concerns
 * @param at when it happened
 * @param payload the whole event as a JSON object, what notifiers send
 */
public record Event(long seq, String type, String datasetId, Instant at, String payload) {

    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(payload, "payload");
    }
}
