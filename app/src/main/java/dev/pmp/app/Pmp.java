package dev.pmp.app;

import dev.pmp.engine.archive.PayloadArchive;
import dev.pmp.engine.archive.RawArchive;
import dev.pmp.lake.S3Archive;
import dev.pmp.lake.S3Location;
import dev.pmp.lake.S3ObjectStore;
import dev.pmp.lake.S3Settings;
import dev.pmp.engine.catalog.Catalog;
import dev.pmp.engine.events.Events;
import dev.pmp.engine.events.Notifier;
import dev.pmp.engine.events.OutboxRelay;
import dev.pmp.engine.events.WebhookNotifier;
import dev.pmp.notify.kafka.KafkaNotifier;
import dev.pmp.engine.http.HttpStats;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunListener;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.store.duckdb.DuckDbStore;
import dev.pmp.store.postgres.PostgresLocation;
import dev.pmp.store.postgres.PostgresStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wired application: settings, catalog, the store (held exclusively through {@link StoreLock}),
 * transport and pipeline. The only place that knows the concrete plugins.
 */
public final class Pmp implements AutoCloseable {
    private final AppSettings settings;
    private static final System.Logger LOG = System.getLogger(Pmp.class.getName());
    private final Catalog catalog;
    private final PayloadArchive archive;
    private final OutboxRelay relay;
    private final Events events = new Events();
    private final java.util.Set<String> viewed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final StoreLock lock;
    private final Store store;
    private final Clock clock;
    private final HttpTransport transport;
    private final dev.pmp.engine.dedup.PayloadRegistry registry;
    /** How the reason of a dataset left out by {@code PMP_DATASETS} starts. */
    static final String NOT_SELECTED = "not selected by PMP_DATASETS=";

    private Pmp(AppSettings settings, Catalog catalog, StoreLock lock, Store store, Clock clock, HttpTransport transport) {
        this.settings = settings;
        this.catalog = catalog;
        this.archive = archive(settings);
        // The daemon runs each source on a thread of its own; they meet at the store one call at a time.
        Store shared = store instanceof dev.pmp.engine.storage.SerializedStore ? store
                : new dev.pmp.engine.storage.SerializedStore(store);
        this.relay = new OutboxRelay(shared, notifiers(settings), clock);
        this.lock = lock;
        this.store = shared;
        this.clock = clock;
        this.transport = transport;
        this.registry = registry(settings, shared, catalog);
    }

    /**
     * The payload registry the settings ask for: none with {@code PMP_DEDUP=off}; Redis when {@code PMP_REDIS_URL}
     * is set (collectors on several machines); otherwise the store's own fetch log (the default).
     */
    static dev.pmp.engine.dedup.PayloadRegistry registry(AppSettings settings, Store store, Catalog catalog) {
        String mode = settings.value("PMP_DEDUP").map(v -> v.strip().toLowerCase(java.util.Locale.ROOT)).orElse("on");
        switch (mode) {
            case "off", "false", "0", "no" -> {
                return null;
            }
            case "on", "true", "1", "yes" -> {
                // Checked below.
            }
            default -> throw new ConfigException("PMP_DEDUP is \"" + mode + "\"; expected on or off");
        }
        Optional<String> redis = settings.value("PMP_REDIS_URL").map(String::strip).filter(v -> !v.isEmpty());
        if (redis.isPresent()) {
            try {
                return dev.pmp.dedup.redis.RedisPayloadRegistry.fromUrl(redis.get());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("PMP_REDIS_URL: " + e.getMessage());
            }
        }
        Map<String, Dataset> byId = new java.util.LinkedHashMap<>();
        catalog.datasets().forEach(d -> byId.put(d.id(), d));
        return new dev.pmp.engine.dedup.FetchLogRegistry(store, byId);
    }

    /** Where payloads already ingested are recorded, for messages; empty with {@code PMP_DEDUP=off}. */
    public Optional<String> registryLocation() {
        return Optional.ofNullable(registry).map(dev.pmp.engine.dedup.PayloadRegistry::location);
    }

    /**
     * Takes the store lock and opens the store.
     *
     * @param what the command, written into the lock file for others to see
     * @throws StoreBusyException when another process holds the store
     */
    public static Pmp open(AppSettings settings, Clock clock, String what) throws StoreException {
        StoreLock lock = lock(settings, what);
        try {
            Store store;
            try {
                store = openStore(settings);
            } catch (StoreException e) {
                // Opening fails on settings: a wrong URL or password, or a catalog not yet initialised.
                throw new ConfigException("cannot open the store: " + e.getMessage());
            }
            Catalog catalog = Catalog.load();
            try {
                store.refreshStandardViews(catalog.standardMappings());
            } catch (StoreException e) {
                store.close();
                throw e;
            }
            return new Pmp(settings, catalog, lock, store, clock, HttpTransport.create(settings, catalog, clock));
        } catch (RuntimeException e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Takes the store lock without opening the store, for commands that open their own connection
     * ({@code pmp query}); close it when done.
     *
     * @param what the command, written into the lock file for others to see
     * @throws StoreBusyException when another process holds the store
     */
    static StoreLock lock(AppSettings settings, String what) {
        try {
            Optional<StoreLock> l = StoreLock.tryAcquire(settings.lockFile(), what);
            if (l.isEmpty()) {
                throw new StoreBusyException("another pmp process holds the store " + settings.storeForDisplay()
                        + " (pid " + StoreLock.holder(settings.lockFile()) + "); try again when it has finished"
                        + " (a running daemon answers status, gaps and rows on its dashboard: /api/datasets, /api/gaps)");
            }
            return l.get();
        } catch (IOException e) {
            throw new ConfigException("cannot create the lock file " + settings.lockFile() + ": " + e.getMessage());
        }
    }

    /** Opens the store the settings name; PostgreSQL must have been initialised with {@code pmp init}. */
    static Store openStore(AppSettings settings) throws StoreException {
        if (settings.postgres()) {
            return PostgresStore.open(postgresLocation(settings));
        }
        return DuckDbStore.open(settings.duckDbFile(), duckDbThreads(settings));
    }

    /** DuckDB worker threads per query: {@code PMP_DUCKDB_THREADS}, default {@link DuckDbStore#DEFAULT_THREADS}. */
    static int duckDbThreads(AppSettings settings) {
        String v = settings.value("PMP_DUCKDB_THREADS").orElse(null);
        if (v == null) {
            return DuckDbStore.DEFAULT_THREADS;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("PMP_DUCKDB_THREADS must be a whole number of at least 1, not " + v);
    }

    /** The PostgreSQL location, with the password from {@code PMP_STORE_PASSWORD} when the URL has none. */
    static PostgresLocation postgresLocation(AppSettings settings) {
        PostgresLocation loc;
        try {
            loc = PostgresLocation.parse(settings.store());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("store: " + e.getMessage());
        }
        String password = settings.value("PMP_STORE_PASSWORD").orElse(null);
        return loc.password() == null && password != null ? loc.withPassword(password) : loc;
    }

    public AppSettings settings() {
        return settings;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Store store() {
        return store;
    }

    /** The store lock this process holds; its description can be extended with {@link StoreLock#announce}. */
    StoreLock storeLock() {
        return lock;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Every dataset with its feed or the reason it is disabled. {@code PMP_DATASETS} (comma-separated ids
     * or globs such as {@code ercot.*,caiso.lmp_*}) narrows what runs: a dataset it does not match is
     * disabled with that reason.
     */
    public Map<String, Catalog.Configured> configured() {
        Map<String, Catalog.Configured> all = catalog.configure(settings);
        Optional<String> selected = settings.value("PMP_DATASETS");
        if (selected.isEmpty()) {
            return all;
        }
        List<java.util.regex.Pattern> patterns = new java.util.ArrayList<>();
        for (String part : selected.get().split(",")) {
            String glob = part.strip();
            if (!glob.isEmpty()) {
                patterns.add(java.util.regex.Pattern.compile(
                        java.util.regex.Pattern.quote(glob).replace("*", "\\E.*\\Q")));
            }
        }
        Map<String, Catalog.Configured> out = new java.util.LinkedHashMap<>();
        for (Catalog.Configured c : all.values()) {
            boolean chosen = patterns.stream().anyMatch(p -> p.matcher(c.dataset().id()).matches());
            out.put(c.dataset().id(), chosen || !c.enabled() ? c : new Catalog.Configured(c.dataset(), Optional.empty(),
                    NOT_SELECTED + selected.get()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The HTTP transport, with the sources' credentials and budgets, for probes such as {@code pmp check}. */
    HttpTransport transport() {
        return transport;
    }

    /** HTTP counters of {@code source} since this process opened the store (attempts, retries, budget waits). */
    public HttpStats httpStats(String source) {
        return transport.stats(source);
    }

    /** A pipeline writing to this store, reporting to {@code listener}, skipping payloads already ingested. */
    public Pipeline pipeline(RunListener listener) {
        return pipeline(listener, true);
    }

    /**
     * A pipeline writing to this store, reporting to {@code listener}.
     *
     * @param hashCheck whether payloads the registry knows are skipped ({@code --no-hash-check} turns it off)
     */
    public Pipeline pipeline(RunListener listener, boolean hashCheck) {
        Pipeline p = new Pipeline(store, transport, archive, clock, report -> {
            joinStandardViews(report.datasetId());
            publish(report);
            listener.finished(report);
        });
        return hashCheck && registry != null ? p.withRegistry(registry) : p;
    }

    /** Keeps the pass's events in the outbox and moves the relay along; never waits for a receiver. */
    private void publish(dev.pmp.engine.pipeline.RunReport report) {
        if (!relay.active()) {
            return;
        }
        try {
            relay.enqueue(events.of(report, clock.instant()));
            relay.relay();
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "events of " + report.datasetId() + " not kept: " + e.getMessage());
        }
    }

    /** The event relay: Kafka ({@code PMP_KAFKA_BOOTSTRAP}) and/or a webhook ({@code PMP_WEBHOOK_URL}). */
    public OutboxRelay relay() {
        return relay;
    }

    /**
     * The notifiers the settings ask for: {@code PMP_KAFKA_BOOTSTRAP} (+ {@code PMP_KAFKA_TOPIC}, default
     * {@code pmp.events}) and {@code PMP_WEBHOOK_URL}.
     */
    static List<Notifier> notifiers(AppSettings settings) {
        List<Notifier> out = new java.util.ArrayList<>();
        Optional<String> bootstrap = settings.value("PMP_KAFKA_BOOTSTRAP");
        if (bootstrap.isPresent()) {
            out.add(new KafkaNotifier(bootstrap.get(), settings.value("PMP_KAFKA_TOPIC").orElse("pmp.events"),
                    java.time.Duration.ofSeconds(15), Map.of()));
        }
        Optional<String> hook = settings.value("PMP_WEBHOOK_URL");
        if (hook.isPresent()) {
            try {
                out.add(new WebhookNotifier(java.net.URI.create(hook.get().strip()), java.time.Duration.ofSeconds(10)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("PMP_WEBHOOK_URL: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Rebuilds the standard views ({@code lmp}, {@code load}, ...) the first time this process ran a
     * dataset that feeds them, so its table joins them; later passes cost nothing.
     */
    private void joinStandardViews(String datasetId) {
        if (!viewed.add(datasetId)) {
            return;
        }
        boolean feedsAView = catalog.standardMappings().stream().anyMatch(m -> m.datasetId().equals(datasetId));
        if (!feedsAView) {
            return;
        }
        try {
            store.refreshStandardViews(catalog.standardMappings());
        } catch (StoreException e) {
            viewed.remove(datasetId);
            LOG.log(System.Logger.Level.WARNING, "standard views not refreshed: " + e.getMessage());
        }
    }

    /** The raw archive the settings ask for: off, the data folder's {@code raw/}, or an S3 location. */
    private static PayloadArchive archive(AppSettings settings) {
        if (!settings.archive()) {
            return null;
        }
        Optional<String> s3 = settings.archiveS3();
        if (s3.isEmpty()) {
            return new RawArchive(settings.rawDir());
        }
        try {
            S3Location at = S3Location.parse(s3.get());
            return new S3Archive(S3ObjectStore.open(S3Settings.from(settings::value), at.bucket()), at);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PMP_ARCHIVE: " + e.getMessage());
        }
    }

    @Override
    public void close() throws StoreException, IOException {
        try {
            relay.close();
            if (registry instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "closing the payload registry: " + e.getMessage());
                }
            }
            store.close();
        } finally {
            lock.close();
        }
    }
}
