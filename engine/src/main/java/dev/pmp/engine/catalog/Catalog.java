package dev.pmp.engine.catalog;

import dev.pmp.spi.Auth;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every dataset of every {@link Source} on the class path, by id. Built once at start-up; immutable
 * and safe to share.
 */
public final class Catalog {
    private final Map<String, Source> sourceByDataset;
    private final Map<String, Dataset> datasets;
    private final List<Source> sources;
    private final List<StandardMapping> standardMappings;

    private Catalog(List<Source> sources) {
        this.sources = List.copyOf(sources);
        Map<String, Source> owners = new LinkedHashMap<>();
        Map<String, Dataset> byId = new LinkedHashMap<>();
        for (Source source : sources) {
            for (Dataset d : source.datasets()) {
                if (!d.source().equals(source.name())) {
                    throw new IllegalStateException("source " + source.name() + " offers " + d.id()
                            + ", whose id does not start with " + source.name() + ".");
                }
                Source earlier = owners.putIfAbsent(d.id(), source);
                if (earlier != null) {
                    throw new IllegalStateException("dataset id " + d.id() + " is offered twice (by "
                            + earlier.getClass().getName() + " and " + source.getClass().getName() + ")");
                }
                byId.put(d.id(), d);
            }
        }
        this.sourceByDataset = Collections.unmodifiableMap(owners);
        this.datasets = Collections.unmodifiableMap(byId);
        List<StandardMapping> mappings = new ArrayList<>();
        for (Source source : sources) {
            for (StandardMapping m : source.standardMappings()) {
                Dataset d = byId.get(m.datasetId());
                if (d == null || !d.source().equals(source.name())) {
                    throw new IllegalStateException("source " + source.name() + " maps " + m.datasetId()
                            + " into " + m.table().tableName() + ", but offers no such dataset");
                }
                m.problemWith(d).ifPresent(problem -> {
                    throw new IllegalStateException("source " + source.name() + ": " + problem);
                });
                mappings.add(m);
            }
        }
        this.standardMappings = List.copyOf(mappings);
    }

    /** The sources, ordered by name. */
    public List<Source> sources() {
        return sources;
    }

    /** Every source's mappings into the standard tables, checked against the datasets' schemas. */
    public List<StandardMapping> standardMappings() {
        return standardMappings;
    }

    /**
     * Each source's authentication read from the settings; a source without credentials is absent.
     *
     * @return by source name
     * @throws SourceException {@code CONFIG} naming the source whose credential settings are malformed
     */
    public Map<String, Auth> auth(Settings settings) throws SourceException {
        Map<String, Auth> result = new LinkedHashMap<>();
        for (Source source : sources) {
            Optional<Auth> auth = source.auth(settings);
            auth.ifPresent(a -> result.put(source.name(), a));
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Each source's published request budgets: the default budget under the source's name, a named one
     * under {@code <source>/<budget>} (the names {@code HttpFetcher} paces by).
     */
    public Map<String, String> requestRates() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Source source : sources) {
            source.requestRates().forEach((budget, rate) ->
                    result.put(budget.isEmpty() ? source.name() : source.name() + "/" + budget, rate));
        }
        return Collections.unmodifiableMap(result);
    }

    /** The catalog of the sources found by {@link ServiceLoader}; fails fast on a duplicate dataset id. */
    public static Catalog load() {
        List<Source> found = new ArrayList<>();
        ServiceLoader.load(Source.class).forEach(found::add);
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return of(found);
    }

    /** The catalog of the given sources; fails fast on a duplicate dataset id. */
    public static Catalog of(List<Source> sources) {
        return new Catalog(sources);
    }

    /** All datasets, ordered by source then as each source lists them. */
    public List<Dataset> datasets() {
        return List.copyOf(datasets.values());
    }

    public Optional<Dataset> find(String id) {
        return Optional.ofNullable(datasets.get(id));
    }

    /** The dataset with this id, or an {@link IllegalArgumentException} listing the known ids. */
    public Dataset dataset(String id) {
        Dataset d = datasets.get(id);
        if (d == null) {
            throw new IllegalArgumentException("unknown dataset " + id + "; known: " + String.join(", ", datasets.keySet()));
        }
        return d;
    }

    /**
     * Configures every dataset with the given settings.
     *
     * @return per dataset id, its feed or the reason it is disabled
     */
    public Map<String, Configured> configure(Settings settings) {
        Map<String, Configured> result = new LinkedHashMap<>();
        for (Dataset d : datasets.values()) {
            try {
                result.put(d.id(), new Configured(d, Optional.of(sourceByDataset.get(d.id()).feed(d, settings)), ""));
            } catch (SourceException e) {
                result.put(d.id(), new Configured(d, Optional.empty(), e.getMessage()));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * A dataset with its feed, or the reason it has none.
     *
     * @param dataset the dataset
     * @param feed the feed, empty when the dataset is disabled
     * @param disabledReason why it is disabled, empty when enabled
     */
    public record Configured(Dataset dataset, Optional<Feed> feed, String disabledReason) {
        public boolean enabled() {
            return feed.isPresent();
        }
    }
}
