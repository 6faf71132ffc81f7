package dev.pmp.source.miso;

import dev.pmp.source.miso.report.AncillaryMcpReport;
import dev.pmp.source.miso.report.HourlyLmpReport;
import dev.pmp.source.miso.report.WeeklyFiveMinuteLmp;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import java.util.List;
import java.util.Map;

/** MISO, the Midcontinent ISO. Found by {@link java.util.ServiceLoader}; does no I/O. */
public final class MisoSource implements Source {

    /** The {@code iso} value of MISO rows in the standard tables. */
    public static final String ISO = "MISO";

    private static final List<Dataset> DATASETS = List.of(CsatSupplyDemand.DATASET, CsatReserveRequirement.DATASET,
            FuelMix.DATASET, LoadActual.DATASET, LmpRealTimeFiveMinute.DATASET, AsPricesRealTime.DATASET,
            HourlyLmpReport.DAY_AHEAD, HourlyLmpReport.REAL_TIME, WeeklyFiveMinuteLmp.DATASET,
            AncillaryMcpReport.DAY_AHEAD, AncillaryMcpReport.REAL_TIME);

    @Override
    public String name() {
        return "miso";
    }

    @Override
    public List<Dataset> datasets() {
        return DATASETS;
    }

    /** @throws SourceException {@link Failure#CONFIG} for a dataset of another source or a bad setting */
    @Override
    public Feed feed(Dataset dataset, Settings settings) throws SourceException {
        String id = dataset.id();
        MisoSettings s = MisoSettings.from(settings);
        if (id.equals(CsatSupplyDemand.DATASET.id())) {
            return new CsatSupplyDemand(s);
        }
        if (id.equals(CsatReserveRequirement.DATASET.id())) {
            return new CsatReserveRequirement(s);
        }
        if (id.equals(FuelMix.DATASET.id())) {
            return new FuelMix(s);
        }
        if (id.equals(LoadActual.DATASET.id())) {
            return new LoadActual(s);
        }
        if (id.equals(LmpRealTimeFiveMinute.DATASET.id())) {
            return new LmpRealTimeFiveMinute(s);
        }
        if (id.equals(AsPricesRealTime.DATASET.id())) {
            return new AsPricesRealTime(s);
        }
        if (id.equals(HourlyLmpReport.DAY_AHEAD.id())) {
            return HourlyLmpReport.dayAhead(s);
        }
        if (id.equals(HourlyLmpReport.REAL_TIME.id())) {
            return HourlyLmpReport.realTime(s);
        }
        if (id.equals(WeeklyFiveMinuteLmp.DATASET.id())) {
            return new WeeklyFiveMinuteLmp(s);
        }
        if (id.equals(AncillaryMcpReport.DAY_AHEAD.id())) {
            return AncillaryMcpReport.dayAhead(s);
        }
        if (id.equals(AncillaryMcpReport.REAL_TIME.id())) {
            return AncillaryMcpReport.realTime(s);
        }
        throw new SourceException(Failure.CONFIG, "miso offers no dataset " + id + "; it offers "
                + String.join(", ", DATASETS.stream().map(Dataset::id).toList()));
    }

    /**
     * MISO publishes no rate limit for the public API or the report folder; its RT Data APIs page asks
     * callers not to poll faster than once a minute per endpoint. Eight datasets polled at most every 5
     * minutes stay far below 30 requests a minute; backfill of daily reports is paced by the same budget.
     */
    @Override
    public Map<String, String> requestRates() {
        return Map.of("", "30 per minute burst 8");
    }

    @Override
    public List<StandardMapping> standardMappings() {
        return List.of(
                lmp(LmpRealTimeFiveMinute.DATASET, "RT5M"),
                lmp(HourlyLmpReport.DAY_AHEAD, "DAM"),
                lmp(HourlyLmpReport.REAL_TIME, "RTH"),
                asPrices(AsPricesRealTime.DATASET, "RT5M"),
                asPrices(AncillaryMcpReport.DAY_AHEAD, "DAM"),
                asPrices(AncillaryMcpReport.REAL_TIME, "RTH"),
                StandardMapping.of(StandardTable.LOAD, LoadActual.DATASET)
                        .column("interval_start_utc", "interval_start_utc")
                        .column("interval_end_utc", "interval_end_utc")
                        .constant("iso", ISO)
                        .column("area", "area")
                        .column("load_mw", "load_mw")
                        .build(),
                StandardMapping.of(StandardTable.FUEL_MIX, FuelMix.DATASET)
                        .column("interval_start_utc", "interval_start_utc")
                        .column("interval_end_utc", "interval_end_utc")
                        .constant("iso", ISO)
                        .column("fuel", "fuel")
                        .column("mw", "mw")
                        .build());
    }

    private static StandardMapping asPrices(Dataset dataset, String market) {
        return StandardMapping.of(StandardTable.AS_PRICES, dataset)
                .column("interval_start_utc", "interval_start_utc")
                .column("interval_end_utc", "interval_end_utc")
                .constant("iso", ISO)
                .constant("market", market)
                .column("region", "reserve_zone")
                .column("product", "product")
                .column("price", "price")
                .build();
    }

    private static StandardMapping lmp(Dataset dataset, String market) {
        return StandardMapping.of(StandardTable.LMP, dataset)
                .column("interval_start_utc", "interval_start_utc")
                .column("interval_end_utc", "interval_end_utc")
                .constant("iso", ISO)
                .constant("market", market)
                .column("location", "location")
                .column("location_type", "location_type")
                .column("lmp", "lmp")
                .column("energy", "energy")
                .column("congestion", "congestion")
                .column("loss", "loss")
                .build();
    }
}
