package dev.pmp.source.caiso;

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

/** CAISO, the California ISO: OASIS reports and Today's Outlook. Found by {@link java.util.ServiceLoader}; does no I/O. */
public final class CaisoSource implements Source {

    private static final List<Dataset> DATASETS = List.of(LocationalMarginalPrices.DAY_AHEAD_HOURLY,
            LocationalMarginalPrices.REAL_TIME_5MIN, LocationalMarginalPrices.REAL_TIME_15MIN,
            AncillaryServicePrices.DATASET, ActualLoad.DATASET, LoadForecast.DATASET, FuelMix.DATASET,
            SystemDemand.DATASET);

    @Override
    public String name() {
        return "caiso";
    }

    @Override
    public List<Dataset> datasets() {
        return DATASETS;
    }

    /** @throws SourceException {@link Failure#CONFIG} for a dataset of another source or a bad setting */
    @Override
    public Feed feed(Dataset dataset, Settings settings) throws SourceException {
        String id = dataset.id();
        for (LmpMarket market : LmpMarket.values()) {
            if (id.equals(LocationalMarginalPrices.of(market).id())) {
                return new LocationalMarginalPrices(market, CaisoSettings.from(settings));
            }
        }
        if (id.equals(AncillaryServicePrices.DATASET.id())) {
            return new AncillaryServicePrices(CaisoSettings.from(settings));
        }
        if (id.equals(ActualLoad.DATASET.id())) {
            return new ActualLoad(CaisoSettings.from(settings));
        }
        if (id.equals(LoadForecast.DATASET.id())) {
            return new LoadForecast(CaisoSettings.from(settings));
        }
        if (id.equals(FuelMix.DATASET.id())) {
            return new FuelMix(CaisoSettings.from(settings));
        }
        if (id.equals(SystemDemand.DATASET.id())) {
            return new SystemDemand(CaisoSettings.from(settings));
        }
        throw new SourceException(Failure.CONFIG, "caiso offers no dataset " + id + "; it offers "
                + String.join(", ", DATASETS.stream().map(Dataset::id).toList()));
    }

    /**
     * OASIS allows one request every 5 seconds (CAISO OASIS release notes, Fall 2015; HTTP 429 beyond):
     * the default budget, spaced evenly. The Today's Outlook files come from a CDN and spend their own
     * budget, {@value OutlookFeed#BUDGET}.
     */
    @Override
    public Map<String, String> requestRates() {
        return Map.of("", "12 per minute burst 1", OutlookFeed.BUDGET, "30 per minute burst 2");
    }

    @Override
    public List<StandardMapping> standardMappings() {
        List<StandardMapping> out = new ArrayList<>();
        for (LmpMarket market : LmpMarket.values()) {
            out.add(StandardMapping.of(StandardTable.LMP, LocationalMarginalPrices.of(market))
                    .column("interval_start_utc", "interval_start_utc")
                    .column("interval_end_utc", "interval_end_utc")
                    .constant("iso", Caiso.ISO)
                    .constant("market", market.standardMarket)
                    .column("location", "node")
                    .column("location_type", "location_type")
                    .column("lmp", "lmp")
                    .column("energy", "energy")
                    .column("congestion", "congestion")
                    .column("loss", "loss")
                    .build());
        }
        out.add(StandardMapping.of(StandardTable.AS_PRICES, AncillaryServicePrices.DATASET)
                .column("interval_start_utc", "interval_start_utc")
                .column("interval_end_utc", "interval_end_utc")
                .constant("iso", Caiso.ISO)
                .constant("market", "DAM")
                .column("region", "region")
                .column("product", "product")
                .column("price", "price")
                .build());
        out.add(StandardMapping.of(StandardTable.LOAD, ActualLoad.DATASET)
                .column("interval_start_utc", "interval_start_utc")
                .column("interval_end_utc", "interval_end_utc")
                .constant("iso", Caiso.ISO)
                .column("area", "tac_area")
                .column("load_mw", "load_mw")
                .build());
        out.add(StandardMapping.of(StandardTable.FUEL_MIX, FuelMix.DATASET)
                .column("interval_start_utc", "interval_start_utc")
                .column("interval_end_utc", "interval_end_utc")
                .constant("iso", Caiso.ISO)
                .column("fuel", "fuel")
                .column("mw", "mw")
                .build());
        return out;
    }
}
