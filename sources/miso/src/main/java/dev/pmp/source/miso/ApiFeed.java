package dev.pmp.source.miso;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Window;
import java.util.Map;
import java.util.Objects;

/**
 * What every public-API feed shares: one snapshot endpoint read with the same GET for every window (the
 * API answers with its own current day, never the window asked for). Subclasses supply only
 * {@link #parse}. Immutable and thread-safe.
 */
abstract class ApiFeed implements Feed {
    private final Dataset dataset;
    private final FetchRequest request;

    ApiFeed(Dataset dataset, MisoSettings settings, String path) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.request = new FetchRequest(settings.api(path), Map.of("Accept", "application/json"));
    }

    @Override
    public final Dataset dataset() {
        return dataset;
    }

    /** The same GET for every window: the API decides what it covers. */
    @Override
    public final FetchRequest request(Window window) {
        return request;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + request.uri() + "]";
    }
}
