package dev.pmp.engine.dedup;

import java.io.IOException;

/**
 * Which payloads (by dataset and sha256 of the raw bytes) some collector has already ingested: written to the
 * store with their coverage. Collector processes on different machines that share one registry (Redis when
 * {@code PMP_REDIS_URL} is set, otherwise the store's own fetch log) skip a payload another has ingested, so
 * it is parsed, written and archived once. Implementations are thread-safe.
 *
 * <p>A registry is an optimisation, never the truth: a failing registry makes the pipeline ingest the payload
 * as if it were new (the store's upsert keeps that correct), and the pipeline only skips a registered payload
 * when the store already covers the window it was fetched for.
 */
public interface PayloadRegistry {

    /**
     * Whether a payload with this hash was registered for the dataset.
     *
     * @param datasetId {@code <source>.<name>}
     * @param sha256 lower-case hex sha256 of the raw payload
     * @throws IOException when the registry cannot be asked
     */
    boolean contains(String datasetId, String sha256) throws IOException;

    /**
     * Registers a payload, called after its rows and coverage are durable in the store. Idempotent.
     *
     * @throws IOException when the registry cannot be written
     */
    void register(String datasetId, String sha256) throws IOException;

    /** Where the registry lives, for messages ({@code redis://host:6379}, {@code the store's fetch log}). */
    String location();
}
