package dev.pmp.engine.archive;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Where raw payloads are kept, exactly as received: a local folder ({@link RawArchive}) or an object store.
 * An identical payload of the same dataset and day is kept once.
 */
public interface PayloadArchive {

    /**
     * Keeps one payload.
     *
     * @param datasetId {@code <source>.<name>}
     * @param fetchedAt when it was fetched (names its place)
     * @param raw the bytes as received
     * @param sha256 their hex sha256
     * @param extension file type without dot ({@code json}, {@code csv}, {@code zip}, {@code bin})
     * @param metadata what is known of the fetch ({@code url}, {@code status}); kept beside the payload where the
     *     archive can
     * @return where it was kept: a path relative to the archive root, or an object URI
     */
    String keep(String datasetId, Instant fetchedAt, byte[] raw, String sha256, String extension,
            Map<String, String> metadata) throws IOException;

    /** A human description of the archive's location, for messages. */
    String location();
}
