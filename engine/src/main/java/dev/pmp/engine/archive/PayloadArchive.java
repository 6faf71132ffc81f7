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
     * The metadata key that makes {@link #keep} also index the payload as the answer of an immutable request
     * ({@code FetchRequest.immutable()}), its value the request's {@code documentKey()}; {@link #document} finds
     * it again.
     */
    String DOCUMENT = "document";

    /**
     * A payload kept as the answer of an immutable request.
     *
     * @param raw the bytes as received (still gzip when {@code gzipEncoded})
     * @param gzipEncoded whether the server sent them with {@code Content-Encoding: gzip}
     * @param contentType the response's media type
     * @param fetchedAt when it was downloaded
     * @param where where it is kept (as {@link #keep} returned)
     */
    record Document(byte[] raw, boolean gzipEncoded, String contentType, Instant fetchedAt, String where) {
        public Document {
            java.util.Objects.requireNonNull(raw, "raw");
            java.util.Objects.requireNonNull(contentType, "contentType");
            java.util.Objects.requireNonNull(fetchedAt, "fetchedAt");
            java.util.Objects.requireNonNull(where, "where");
        }
    }

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

    /**
     * The payload kept with metadata {@link #DOCUMENT} = {@code documentKey}, checked against its recorded sha256;
     * empty when none is kept (or the kept copy no longer matches its digest). Archives that keep no index
     * answer empty.
     */
    default java.util.Optional<Document> document(String documentKey) throws IOException {
        return java.util.Optional.empty();
    }

    /** A human description of the archive's location, for messages. */
    String location();
}
