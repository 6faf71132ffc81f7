package dev.pmp.lake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link Lake}'s partitions live: a local folder or an S3 location. A partition is published data
 * file first, manifest last, so a reader that trusts the manifest never meets half a partition.
 */
public interface LakeTarget {

    /** The manifest text of the partition at {@code dir} (relative, {@code /}-separated), if any. */
    Optional<String> manifest(String dir) throws IOException;

    /** Whether the partition's data file exists. */
    boolean hasPart(String dir) throws IOException;

    /** A fresh, absent file path to write a partition's data file to before {@link #publish}. */
    Path scratch(String dir) throws IOException;

    /** Publishes a partition: its Parquet file (a local temporary file the target may move) and then its manifest. */
    void publish(String dir, Path part, String manifestJson) throws IOException;

    /** Where the lake is, for messages ({@code /data/lake}, {@code s3://bucket/lake/}). */
    String location();

    /** A local folder. */
    static LakeTarget local(Path root) {
        return new Local(root.toAbsolutePath().normalize());
    }

    /** An S3 location reached through {@code store}. */
    static LakeTarget s3(ObjectStore store, S3Location location) {
        return new S3(store, location);
    }

    /** A lake in a local folder; files are moved into place atomically. */
    final class Local implements LakeTarget {
        private final Path root;

        Local(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        public Path root() {
            return root;
        }

        @Override
        public Optional<String> manifest(String dir) throws IOException {
            Path f = root.resolve(dir).resolve(Lake.MANIFEST);
            return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
        }

        @Override
        public Path scratch(String dir) throws IOException {
            // In the partition's own folder, so the move into place stays on one file system and is atomic.
            Path d = root.resolve(dir);
            Files.createDirectories(d);
            Path tmp = d.resolve("." + Lake.PART + ".tmp");
            Files.deleteIfExists(tmp);
            return tmp;
        }

        @Override
        public boolean hasPart(String dir) {
            return Files.exists(root.resolve(dir).resolve(Lake.PART));
        }

        @Override
        public void publish(String dir, Path part, String manifestJson) throws IOException {
            Path d = root.resolve(dir);
            Files.createDirectories(d);
            moveIntoPlace(part, d.resolve(Lake.PART));
            Path manifestTmp = d.resolve("." + Lake.MANIFEST + ".tmp");
            Files.writeString(manifestTmp, manifestJson, StandardCharsets.UTF_8);
            moveIntoPlace(manifestTmp, d.resolve(Lake.MANIFEST));
        }

        @Override
        public String location() {
            return root.toString();
        }

        private static void moveIntoPlace(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** A lake under an S3 prefix. */
    final class S3 implements LakeTarget {
        private final ObjectStore store;
        private final S3Location location;

        S3(ObjectStore store, S3Location location) {
            this.store = Objects.requireNonNull(store, "store");
            this.location = Objects.requireNonNull(location, "location");
        }

        @Override
        public Optional<String> manifest(String dir) throws IOException {
            return store.get(location.key(dir + "/" + Lake.MANIFEST)).map(b -> new String(b, StandardCharsets.UTF_8));
        }

        @Override
        public Path scratch(String dir) throws IOException {
            Path tmp = Files.createTempFile("pmp-lake-", ".parquet");
            Files.delete(tmp);
            return tmp;
        }

        @Override
        public boolean hasPart(String dir) throws IOException {
            return store.metadata(location.key(dir + "/" + Lake.PART)).isPresent();
        }

        @Override
        public void publish(String dir, Path part, String manifestJson) throws IOException {
            try {
                store.put(location.key(dir + "/" + Lake.PART), part, "application/vnd.apache.parquet", Map.of());
                store.put(location.key(dir + "/" + Lake.MANIFEST), manifestJson.getBytes(StandardCharsets.UTF_8),
                        "application/json", Map.of());
            } finally {
                Files.deleteIfExists(part);
            }
        }

        @Override
        public String location() {
            return location.toString();
        }
    }
}
