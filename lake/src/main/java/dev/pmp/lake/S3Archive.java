package dev.pmp.lake;

import dev.pmp.engine.archive.DocumentIndex;
import dev.pmp.engine.archive.PayloadArchive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The raw-payload archive in an S3 bucket, laid out
 * {@code <prefix><source>/<dataset>/year=YYYY/month=MM/day=DD/<dataset>_<yyyyMMddTHHmmssZ>_<sha12>.<ext>.gz},
 * each object carrying its fetch's metadata ({@code url}, {@code fetched-at}, {@code sha256}, {@code status}) as
 * S3 user metadata. A payload identical to one already kept that day for the dataset is not uploaded again:
 * the last kept digest per dataset is remembered, and otherwise the day's keys are listed. Thread-safe.
 */
public final class S3Archive implements PayloadArchive {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("'year='yyyy'/month='MM'/day='dd")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectStore store;
    private final S3Location location;
    private final Map<String, String> lastKept = new ConcurrentHashMap<>();

    public S3Archive(ObjectStore store, S3Location location) {
        this.store = Objects.requireNonNull(store, "store");
        this.location = Objects.requireNonNull(location, "location");
    }

    /** The key's folder for a dataset and day, relative to the location. */
    static String dayFolder(String datasetId, Instant fetchedAt) {
        String source = datasetId.substring(0, datasetId.indexOf('.'));
        String name = datasetId.substring(datasetId.indexOf('.') + 1);
        return source + "/" + name + "/" + DAY.format(fetchedAt) + "/";
    }

    @Override
    public String keep(String datasetId, Instant fetchedAt, byte[] raw, String sha256, String extension,
            Map<String, String> metadata) throws IOException {
        String name = datasetId.substring(datasetId.indexOf('.') + 1);
        String folder = location.key(dayFolder(datasetId, fetchedAt));
        String suffix = "_" + sha256.substring(0, 12) + "." + extension + ".gz";
        String last = lastKept.get(datasetId);
        if (last != null && last.startsWith(folder) && last.endsWith(suffix)) {
            index(metadata, last, sha256, fetchedAt);
            return uri(last);
        }
        for (String key : store.list(folder + name + "_")) {
            if (key.endsWith(suffix)) {
                lastKept.put(datasetId, key);
                index(metadata, key, sha256, fetchedAt);
                return uri(key);
            }
        }
        String key = folder + name + "_" + STAMP.format(fetchedAt) + suffix;
        Map<String, String> meta = new LinkedHashMap<>();
        metadata.forEach((k, v) -> meta.put(k, ascii(v)));
        meta.put("fetched-at", fetchedAt.toString());
        meta.put("sha256", sha256);
        meta.put("dataset", datasetId);
        store.put(key, gzip(raw), "application/gzip", meta);
        lastKept.put(datasetId, key);
        index(metadata, key, sha256, fetchedAt);
        return uri(key);
    }

    /** With metadata {@link #DOCUMENT}, records under {@code <prefix>documents/} which object answers it. */
    private void index(Map<String, String> metadata, String key, String sha256, Instant fetchedAt) throws IOException {
        java.util.Optional<DocumentIndex> entry = DocumentIndex.of(metadata, key, sha256, fetchedAt);
        if (entry.isPresent()) {
            store.put(location.key(DocumentIndex.entryName(entry.get().documentKey())), entry.get().bytes(),
                    "text/plain", Map.of());
        }
    }


    @Override
    public java.util.Optional<Document> document(String documentKey) throws IOException {
        java.util.Optional<byte[]> stored = store.get(location.key(DocumentIndex.entryName(documentKey)));
        if (stored.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<DocumentIndex> entry = DocumentIndex.parse(stored.get(), documentKey);
        if (entry.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<byte[]> packed = store.get(entry.get().where());
        if (packed.isEmpty()) {
            return java.util.Optional.empty();
        }
        return entry.get().document(packed.get(), uri(entry.get().where()));
    }

    @Override
    public String location() {
        return location.toString();
    }

    private String uri(String key) {
        return "s3://" + location.bucket() + "/" + key;
    }

    /** S3 user metadata travels in HTTP headers: keep it to printable ASCII. */
    private static String ascii(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, raw.length / 6));
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }
}
