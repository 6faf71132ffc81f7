package dev.pmp.engine.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps every distinct raw payload once, gzip-compressed, under
 * {@code <root>/<source>/<dataset>/YYYY/MM/DD/<fetch time>_<sha256>.<ext>.gz} (date and time of the fetch in
 * UTC). A payload already kept in that day's folder is not written again. Files are written to a
 * temporary name and moved into place, so a crash never leaves a partial file under a final name.
 * Safe for use by one thread at a time per dataset.
 */
public final class RawArchive implements PayloadArchive {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    /** @param root the archive folder, usually {@code <data dir>/raw}; created on first write */
    public RawArchive(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Hex sha256 of a payload. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /**
     * Archives one payload.
     *
     * @param datasetId {@code <source>.<name>}
     * @param fetchedAt when it was fetched (names the folder and file)
     * @param raw the bytes as received
     * @param sha256 their hex sha256
     * @param extension file type without dot ({@code json}, {@code csv}, {@code zip}, {@code bin})
     * @return the path of the kept file, relative to the archive root, with {@code /} separators
     */
    public String keep(String datasetId, Instant fetchedAt, byte[] raw, String sha256, String extension) throws IOException {
        String source = datasetId.substring(0, datasetId.indexOf('.'));
        String name = datasetId.substring(datasetId.indexOf('.') + 1);
        Path dir = root.resolve(source).resolve(name).resolve(DAY.format(fetchedAt));
        Files.createDirectories(dir);
        Path existing = findBySha(dir, sha256);
        if (existing != null) {
            return relative(existing);
        }
        Path target = dir.resolve(STAMP.format(fetchedAt) + "_" + sha256 + "." + extension + ".gz");
        Path tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
        try {
            try (OutputStream out = new FastGzipOutputStream(Files.newOutputStream(tmp))) {
                out.write(raw);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return relative(target);
    }

    /**
     * Keeps the payload as {@link #keep(String, Instant, byte[], String, String)}; the fetch log holds the metadata.
     * With metadata {@link #DOCUMENT} the payload is also indexed under {@code <root>/documents/}.
     */
    @Override
    public String keep(String datasetId, Instant fetchedAt, byte[] raw, String sha256, String extension,
            java.util.Map<String, String> metadata) throws IOException {
        String where = keep(datasetId, fetchedAt, raw, sha256, extension);
        java.util.Optional<DocumentIndex> entry = DocumentIndex.of(metadata, where, sha256, fetchedAt);
        if (entry.isPresent()) {
            Path file = root.resolve(DocumentIndex.entryName(entry.get().documentKey()));
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".incoming-", ".tmp");
            try {
                Files.write(tmp, entry.get().bytes());
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return where;
    }

    @Override
    public java.util.Optional<Document> document(String documentKey) throws IOException {
        Path file = root.resolve(DocumentIndex.entryName(documentKey));
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        java.util.Optional<DocumentIndex> entry = DocumentIndex.parse(Files.readAllBytes(file), documentKey);
        if (entry.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path payload = root.resolve(entry.get().where());
        if (!Files.exists(payload)) {
            return java.util.Optional.empty();
        }
        return entry.get().document(Files.readAllBytes(payload), entry.get().where());
    }

    @Override
    public String location() {
        return root.toString();
    }

    /** The absolute path of a file named by {@link #keep}. */
    public Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    /**
     * gzip at the fastest level: archiving is on the path of every pass, and market payloads (JSON, CSV)
     * still shrink about eightfold at it.
     */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    private static Path findBySha(Path dir, String sha256) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*_" + sha256 + ".*.gz")) {
            for (Path p : files) {
                return p;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return null;
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
