package dev.pmp.app;

import dev.pmp.engine.catalog.Catalog;
import dev.pmp.spi.Feed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Picks the feeds a command works on from the dataset ids on its command line. */
final class Selection {
    private Selection() {
    }

    /**
     * @param ids dataset ids; empty means every enabled dataset
     * @throws IllegalArgumentException for an unknown id
     * @throws ConfigException for a named dataset that is disabled, with the reason
     */
    static List<Feed> feeds(Map<String, Catalog.Configured> configured, List<String> ids) {
        List<Feed> out = new ArrayList<>();
        if (ids == null || ids.isEmpty()) {
            configured.values().forEach(c -> c.feed().ifPresent(out::add));
            return out;
        }
        for (String id : ids) {
            Catalog.Configured c = configured.get(id);
            if (c == null) {
                throw new IllegalArgumentException("unknown dataset " + id + "; known: " + String.join(", ", configured.keySet()));
            }
            if (!c.enabled()) {
                throw new ConfigException(id + " is disabled: " + c.disabledReason());
            }
            out.add(c.feed().get());
        }
        return out;
    }
}
