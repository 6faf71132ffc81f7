package dev.pmp.source.ercot;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import java.util.List;

/** ERCOT, the Texas grid operator. Found by {@link java.util.ServiceLoader}; does no I/O. */
public final class ErcotSource implements Source {

    // The energy storage dataset stays first: callers that update in this order meet it first.
    private static final List<Dataset> DATASETS = List.of(EnergyStorageResources.DATASET, SystemWidePrices.DATASET,
            SystemWidePricesDayAhead.DATASET, FuelMix.DATASET);

    @Override
    public String name() {
        return "ercot";
    }

    @Override
    public List<Dataset> datasets() {
        return DATASETS;
    }

    /** @throws SourceException {@link Failure#CONFIG} for a dataset of another source or a bad setting */
    @Override
    public Feed feed(Dataset dataset, Settings settings) throws SourceException {
        String id = dataset.id();
        if (id.equals(EnergyStorageResources.DATASET.id())) {
            return new EnergyStorageResources(ErcotSettings.from(settings));
        }
        if (id.equals(SystemWidePrices.DATASET.id())) {
            return new SystemWidePrices(ErcotSettings.from(settings));
        }
        if (id.equals(SystemWidePricesDayAhead.DATASET.id())) {
            return new SystemWidePricesDayAhead(ErcotSettings.from(settings));
        }
        if (id.equals(FuelMix.DATASET.id())) {
            return new FuelMix(ErcotSettings.from(settings));
        }
        throw new SourceException(Failure.CONFIG, "ercot offers no dataset " + id + "; it offers "
                + String.join(", ", DATASETS.stream().map(Dataset::id).toList()));
    }
}
