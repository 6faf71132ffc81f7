package dev.pmp.app;

import dev.pmp.spi.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * pmp's settings, parsed once at the edge. Values come, in order of precedence, from command-line
 * flags, the environment ({@code PMP_...}) and an optional properties file ({@code --config} or
 * {@code PMP_CONFIG}). Secrets are only ever read from the environment or the file and never printed.
 *
 * @param store where the catalog lives: {@code duckdb:PATH} (default {@code duckdb:./data/pmp.duckdb}) or a
 *     PostgreSQL location ({@code postgresql://user@host:port/db} or a {@code jdbc:postgresql:} URL; the
 *     password from the URL or {@code PMP_STORE_PASSWORD})
 * @param dataDir folder for the raw archive and the lock file: {@code PMP_DATA_DIR}, else the DuckDB
 *     file's folder, else {@code ./data}
 * @param archive whether raw payloads are archived ({@code PMP_ARCHIVE=off} turns it off; {@code s3://bucket/prefix}
 *     keeps them in S3)
 * @param jsonLog whether log lines are JSON ({@code --log-format json} or {@code PMP_LOG_FORMAT=json})
 * @param values every key/value, for sources to read their own settings from
 */
public record AppSettings(String store, Path dataDir, boolean archive, boolean jsonLog, Map<String, String> values)
        implements Settings {

    public static final String DEFAULT_STORE = "duckdb:./data/pmp.duckdb";

    public AppSettings {
        values = Map.copyOf(values);
    }

    /**
     * Reads the settings.
     *
     * @param env the process environment (tests pass their own)
     * @param flags values given on the command line, already named as settings keys ({@code PMP_STORE})
     */
    public static AppSettings load(Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new HashMap<>();
        String configFile = flags.getOrDefault("PMP_CONFIG", env.get("PMP_CONFIG"));
        if (configFile != null && !configFile.isBlank()) {
            merged.putAll(readFile(Path.of(configFile)));
        }
        env.forEach((k, v) -> {
            if (k.startsWith("PMP_")) {
                merged.put(k, v);
            }
        });
        flags.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        String store = nonBlank(merged.get("PMP_STORE")).orElse(DEFAULT_STORE);
        Path defaultDataDir = isPostgres(store) ? Path.of("data").toAbsolutePath()
                : duckDbPath(store).toAbsolutePath().normalize().getParent();
        Path dataDir = nonBlank(merged.get("PMP_DATA_DIR")).map(p -> Path.of(p).toAbsolutePath().normalize()).orElse(defaultDataDir);
        String archiveValue = nonBlank(merged.get("PMP_ARCHIVE")).orElse("on").toLowerCase(java.util.Locale.ROOT);
        boolean archive = switch (archiveValue) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> {
                if (!archiveValue.startsWith("s3://")) {
                    throw new ConfigException("PMP_ARCHIVE must be on, off or s3://bucket/prefix, not " + archiveValue);
                }
                yield true;
            }
        };
        String logFormat = nonBlank(merged.get("PMP_LOG_FORMAT")).orElse("text");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new ConfigException("--log-format / PMP_LOG_FORMAT must be text or json, not " + logFormat);
        }
        return new AppSettings(store, dataDir, archive, logFormat.equals("json"), merged);
    }

    /** Whether a store location names PostgreSQL. */
    public static boolean isPostgres(String store) {
        return store.startsWith("postgresql://") || store.startsWith("postgres://") || store.startsWith("jdbc:postgresql:");
    }

    /** The store location as it may be shown: a password inside a URL is masked. */
    public String storeForDisplay() {
        return store.replaceAll("://([^:@/]*):[^@/]*@", "://$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Whether this store is PostgreSQL (else the embedded DuckDB). */
    public boolean postgres() {
        return isPostgres(store);
    }

    /** The DuckDB file of a {@code duckdb:PATH} store location. */
    public static Path duckDbPath(String store) {
        if (!store.startsWith("duckdb:")) {
            throw new ConfigException("unsupported store " + store + ": use duckdb:PATH, postgresql://user@host:port/db"
                    + " or a jdbc:postgresql: URL");
        }
        String path = store.substring("duckdb:".length());
        if (path.isBlank()) {
            throw new ConfigException("store duckdb: needs a file path, e.g. duckdb:./data/pmp.duckdb");
        }
        return Path.of(path);
    }

    public Path duckDbFile() {
        return duckDbPath(store);
    }

    public Path lockFile() {
        return dataDir.resolve("pmp.lock");
    }

    /** The S3 location of the raw archive when {@code PMP_ARCHIVE} names one ({@code s3://bucket/prefix}). */
    public java.util.Optional<String> archiveS3() {
        return nonBlank(values.get("PMP_ARCHIVE")).map(String::strip).filter(v -> v.startsWith("s3://"));
    }

    public Path rawDir() {
        return dataDir.resolve("raw");
    }

    @Override
    public Optional<String> value(String key) {
        return nonBlank(values.get(key));
    }

    /** A copy with one more value (used by {@code pmp demo} to point sources at the simulator). */
    public AppSettings with(String key, String value) {
        Map<String, String> m = new HashMap<>(values);
        m.put(key, value);
        return new AppSettings(store, dataDir, archive, jsonLog, m);
    }

    @Override
    public String toString() {
        return "AppSettings[store=" + storeForDisplay() + ", dataDir=" + dataDir + ", archive=" + archive + ", jsonLog=" + jsonLog + "]";
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v.toString()));
        return m;
    }
}
