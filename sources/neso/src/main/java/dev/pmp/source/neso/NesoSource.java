package dev.pmp.source.neso;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NESO, Great Britain's system operator: its CKAN data portal and the Carbon Intensity API. Found by
 * {@link java.util.ServiceLoader}; does no I/O.
 */
public final class NesoSource implements Source {

    /** The {@code iso} of the standard tables. */
    public static final String ISO = "GB";

    private static final List<Dataset> DATASETS = List.of(DemandDataUpdate.DATASET, HistoricDemand.DATASET,
            EmbeddedForecast.DATASET, HistoricGenerationMix.DATASET, Bsuos.DATASET, CarbonIntensityNational.DATASET,
            CarbonIntensityRegional.DATASET);

    @Override
    public String name() {
        return "neso";
    }

    @Override
    public List<Dataset> datasets() {
        return DATASETS;
    }

    /** @throws SourceException {@link Failure#CONFIG} for a dataset of another source or a bad setting */
    @Override
    public Feed feed(Dataset dataset, Settings settings) throws SourceException {
        String id = dataset.id();
        if (id.equals(DemandDataUpdate.DATASET.id())) {
            return new DemandDataUpdate(NesoSettings.from(settings));
        }
        if (id.equals(HistoricDemand.DATASET.id())) {
            return new HistoricDemand(NesoSettings.from(settings));
        }
        if (id.equals(EmbeddedForecast.DATASET.id())) {
            return new EmbeddedForecast(NesoSettings.from(settings));
        }
        if (id.equals(HistoricGenerationMix.DATASET.id())) {
            return new HistoricGenerationMix(NesoSettings.from(settings));
        }
        if (id.equals(Bsuos.DATASET.id())) {
            return new Bsuos(NesoSettings.from(settings));
        }
        if (id.equals(CarbonIntensityNational.DATASET.id())) {
            return new CarbonIntensityNational(NesoSettings.from(settings));
        }
        if (id.equals(CarbonIntensityRegional.DATASET.id())) {
            return new CarbonIntensityRegional(NesoSettings.from(settings));
        }
        throw new SourceException(Failure.CONFIG, "neso offers no dataset " + id + "; it offers "
                + String.join(", ", DATASETS.stream().map(Dataset::id).toList()));
    }

    /**
     * NESO's published limits: the catalogue actions at most 1 request per second, the datastore actions
     * ({@code datastore_search}, {@code datastore_search_sql}) at most 2 per minute, on the
     * {@value PortalFeed#DATASTORE} budget. The Carbon Intensity API documents no limit and shares the
     * default budget.
     */
    @Override
    public Map<String, String> requestRates() {
        return Map.of("", "1 per second", PortalFeed.DATASTORE, "2 per minute");
    }

    /**
     * Both demand datasets feed {@code LOAD} (national demand {@code ND}, area {@code GB}); the historic
     * generation mix feeds {@code FUEL_MIX}, one mapping per fuel column.
     */
    @Override
    public List<StandardMapping> standardMappings() {
        List<StandardMapping> out = new ArrayList<>();
        for (Dataset demand : List.of(HistoricDemand.DATASET, DemandDataUpdate.DATASET)) {
            out.add(StandardMapping.of(StandardTable.LOAD, demand)
                    .column("interval_start_utc", "interval_start_utc")
                    .column("interval_end_utc", "interval_end_utc")
                    .constant("iso", ISO)
                    .constant("area", ISO)
                    .column("load_mw", "nd_mw")
                    .build());
        }
        for (Map.Entry<String, String> fuel : HistoricGenerationMix.FUELS.entrySet()) {
            out.add(StandardMapping.of(StandardTable.FUEL_MIX, HistoricGenerationMix.DATASET)
                    .column("interval_start_utc", "interval_start_utc")
                    .column("interval_end_utc", "interval_end_utc")
                    .constant("iso", ISO)
                    .constant("fuel", fuel.getKey().toLowerCase(java.util.Locale.ROOT))
                    .column("mw", fuel.getValue())
                    .build());
        }
        return List.copyOf(out);
    }
}
