package dev.pmp.source.ercot;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Window;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every ERCOT dashboard feed shares: one dataset read from one dashboard URL with the same GET for
 * every window (a dashboard answers with its own rolling window, never the one asked for). Subclasses
 * supply only {@link #parse}. Immutable and thread-safe.
 */
abstract class DashboardFeed implements Feed {
    private final Dataset dataset;
    private final FetchRequest request;

    DashboardFeed(Dataset dataset, URI uri) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.request = new FetchRequest(uri, Map.of("Accept", "application/json"));
    }

    @Override
    public final Dataset dataset() {
        return dataset;
    }

    /** The same GET for every window: the dashboard decides what it covers. */
    @Override
    public final FetchRequest request(Window window) {
        return request;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + request.uri() + "]";
    }

    /** Adds the note that lists fields a reader skipped, when there are any. */
    static void noteIgnoredFields(List<String> ignored, List<String> notes) {
        if (!ignored.isEmpty()) {
            notes.add("ignored fields this reader does not know: " + String.join(", ", ignored));
        }
    }
}
