package dev.pmp.engine.dedup;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The registry kept in the store itself: a payload counts as ingested when a successful fetch-log line of the
 * dataset carries its sha256 ({@link dev.pmp.spi.StoreView#ingested}). Registering is a no-op, because the
 * pipeline writes that line in the same transaction as the rows. Shared by every collector of a shared store
 * (PostgreSQL); used when no Redis registry is configured. Thread-safe as the store is.
 */
public final class FetchLogRegistry implements PayloadRegistry {

    private final Store store;
    private final Map<String, Dataset> datasets;

    /**
     * @param store the store whose fetch log is read
     * @param datasets the catalog's datasets by id; an unknown id is never registered
     */
    public FetchLogRegistry(Store store, Map<String, Dataset> datasets) {
        this.store = Objects.requireNonNull(store, "store");
        this.datasets = Map.copyOf(datasets);
    }

    @Override
    public boolean contains(String datasetId, String sha256) throws IOException {
        Dataset d = datasets.get(datasetId);
        if (d == null) {
            return false;
        }
        try {
            return store.view().ingested(d, sha256);
        } catch (StoreException e) {
            throw new IOException("cannot read the fetch log: " + e.getMessage(), e);
        }
    }

    @Override
    public void register(String datasetId, String sha256) {
        // The fetch-log line written with the rows is the registration.
    }

    @Override
    public String location() {
        return "the store's fetch log";
    }
}
