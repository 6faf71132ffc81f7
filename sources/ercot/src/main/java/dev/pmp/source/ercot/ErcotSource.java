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

    private static final List<Dataset> DATASETS = List.of(EnergyStorageResources.DATASET);

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
        if (!dataset.id().equals(EnergyStorageResources.DATASET.id())) {
            throw new SourceException(Failure.CONFIG, "ercot offers no dataset " + dataset.id()
                    + "; it offers " + EnergyStorageResources.DATASET.id());
        }
        return new EnergyStorageResources(ErcotSettings.from(settings));
    }
}
