package dev.pmp.engine.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of an archive's document index: which kept payload answered an immutable request. Stored as a few
 * {@code name=value} lines under {@code documents/<sha256 of the document key>}, so the key's own characters never
 * reach a file or object name.
 *
 * @param documentKey the request's {@code FetchRequest.documentKey()}
 * @param where where the payload is kept
 * @param sha256 hex sha256 of the raw bytes
 * @param gzipEncoded whether the raw bytes are gzip content-encoded
 * @param contentType the response's media type
 * @param fetchedAt when it was downloaded
 */
public record DocumentIndex(String documentKey, String where, String sha256, boolean gzipEncoded, String contentType,
        Instant fetchedAt) {

    /** The metadata key {@link PayloadArchive#keep} callers use for the response's media type. */
    public static final String CONTENT_TYPE = "content-type";
    /** The metadata key whose value {@code gzip} says the raw bytes are content-encoded. */
    public static final String ENCODING = "content-encoding";

    /** The entry's name inside the index: {@code documents/<sha256 of the key>}. */
    public static String entryName(String documentKey) {
        return "documents/" + RawArchive.sha256(documentKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The entry for a payload just kept, when its metadata names a document; empty otherwise. */
    public static Optional<DocumentIndex> of(Map<String, String> metadata, String where, String sha256, Instant fetchedAt) {
        String key = metadata.get(PayloadArchive.DOCUMENT);
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DocumentIndex(key, where, sha256, "gzip".equals(metadata.get(ENCODING)),
                metadata.getOrDefault(CONTENT_TYPE, ""), fetchedAt));
    }

    /**
     * The document this entry names, from its kept (gzip) bytes; empty when they no longer match the recorded
     * sha256.
     *
     * @param shownWhere where it is kept, as the archive names it to callers
     * @throws IOException when the kept bytes are not valid gzip
     */
    public Optional<PayloadArchive.Document> document(byte[] gzipped, String shownWhere) throws IOException {
        byte[] raw;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped),
                1 << 16)) {
            raw = in.readAllBytes();
        }
        if (!RawArchive.sha256(raw).equals(sha256)) {
            return Optional.empty();
        }
        return Optional.of(new PayloadArchive.Document(raw, gzipEncoded, contentType, fetchedAt, shownWhere));
    }

    /** The entry as stored. */
    public byte[] bytes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("key", documentKey);
        m.put("where", where);
        m.put("sha256", sha256);
        m.put("encoding", gzipEncoded ? "gzip" : "identity");
        m.put("content-type", contentType);
        m.put("fetched-at", fetchedAt.toString());
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a stored entry; empty when it is damaged or belongs to another key (a digest collision). */
    public static Optional<DocumentIndex> parse(byte[] stored, String documentKey) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : new String(stored, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (!documentKey.equals(m.get("key")) || m.get("where") == null || m.get("sha256") == null
                || m.get("fetched-at") == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DocumentIndex(documentKey, m.get("where"), m.get("sha256"),
                    "gzip".equals(m.get("encoding")), m.getOrDefault("content-type", ""), Instant.parse(m.get("fetched-at"))));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
