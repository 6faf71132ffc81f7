package dev.pmp.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The few object-store operations the lake and the raw archive need; keys are full object keys. */
public interface ObjectStore extends AutoCloseable {

    /** The object's bytes, or empty when there is no such object. */
    Optional<byte[]> get(String key) throws IOException;

    /** Writes an object from a file, replacing any object of that key. */
    void put(String key, Path file, String contentType, Map<String, String> metadata) throws IOException;

    /** Writes an object from bytes, replacing any object of that key. */
    void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) throws IOException;

    /** The keys that start with {@code prefix}, in key order. */
    List<String> list(String prefix) throws IOException;

    /** The user metadata of an object, or empty when there is no such object. */
    Optional<Map<String, String>> metadata(String key) throws IOException;

    @Override
    void close();
}
